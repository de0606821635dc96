package io.accessctl.sendmail;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.cf.Feature;
import io.accessctl.tokens.MapValue;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.TokenText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the access-map part of sendmail's check rulesets (proto.m4 of 8.17.1.9 as Debian ships it,
 * with the variants a cf can show) for one tag, and records every key sendmail hands to the map.
 *
 * <p>The walks follow the rules token by token (sendmail-access.md §3): {@code D} strips the
 * leftmost label ({@code $+.$+} with the shortest first part), shortens bracketed addresses, tries
 * {@code .domain} with lookupdotdomain and ends at SKIP; {@code A} drops the last octet or IPv6
 * group down to {@code IPv6}; {@code E}, {@code F}, {@code U} and {@code SearchList} as in
 * proto.m4. Mark "+" (Connect, From, To) tries the untagged key after each tagged one.
 */
public final class Simulator implements Answers {
  private final Rules rules;
  private final AccessMap map;

  public Simulator(Rules rules, AccessMap map) {
    this.rules = rules;
    this.map = map;
  }

  public Rules rules() {
    return rules;
  }

  /** A value found, after %-substitution and tokenizing. */
  private record Found(Probe probe, List<String> tokens) {}

  /** One check in progress. */
  private final class Run {
    final String tag;
    final List<Probe> probes = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> hints = new ArrayList<>();
    /** The rules stopped on a workspace they did not expect (an empty macro). */
    boolean stuck;

    Run(Tag t) {
      this.tag = rules.spell(t.name());
    }

    Found probe(String key, String why) {
      Optional<AccessMap.Hit> hit = map.lookup(key);
      String stored = map.storedKey(key);
      Probe p = new Probe(TokenText.stripQuotes(key), stored, hit.map(AccessMap.Hit::value),
          hit.map(AccessMap.Hit::withNul).orElse(false), why, false, false);
      probes.add(p);
      if (hit.isEmpty()) {
        return null;
      }
      String v = MapValue.rewrite(hit.get().value(), TokenText.stripQuotes(key));
      return new Found(p, Prescan.mapValues().texts(v));
    }

    /** Marks the last probe as a SKIP that ended its walk. */
    void skipped(Found f) {
      Probe p = f.probe();
      probes.set(probes.size() - 1, new Probe(p.key(), p.storedKey(), p.value(), p.withNul(),
          p.explanation(), true, false));
    }

    String tagged(List<String> key) {
      return tag + ":" + TokenText.join(key);
    }

    // ---- D: LookUpDomain -----------------------------------------------------------------------

    Found domain(List<String> key, boolean plus, String what) {
      String why = key.isEmpty() ? "the bare tag " + tag + ": (the name is empty)" : what;
      Found r = probe(tagged(key), why);
      if (r == null && plus && !key.isEmpty()) {
        r = probe(TokenText.join(key), "the same without tag (an untagged entry)");
      }
      int split = firstSplit(key, ".");
      if (r == null && rules.has(Feature.LOOKUPDOTDOMAIN) && split > 0) {
        List<String> rest = dotted(key.subList(split + 1, key.size()));
        r = probe(tagged(rest), "\"." + TokenText.join(key.subList(split + 1, key.size()))
            + "\" form (lookupdotdomain: any host below it)");
        if (r == null && plus) {
          r = probe(TokenText.join(rest), "the same without tag");
        }
      }
      if (r != null && !key.isEmpty() && rules.has(Feature.SKIP)
          && Prescan.isWord(r.tokens(), "SKIP")) {
        skipped(r);
        return null;
      }
      if (r != null || key.isEmpty()) {
        return r;
      }
      int n = key.size();
      if (n >= 5 && key.get(0).equals("[") && key.get(n - 1).equals("]")) {
        int cut = -1;
        if (key.get(n - 3).equals(".")) {
          cut = n - 3;
        } else if (n >= 6 && key.get(n - 4).equals(":") && key.get(n - 3).equals(":")) {
          cut = n - 4;
        } else if (key.get(n - 3).equals(":")) {
          cut = n - 3;
        }
        if (cut >= 2) {
          List<String> shorter = new ArrayList<>(key.subList(0, cut));
          shorter.add("]");
          return domain(shorter, plus, "shorter bracketed address (last "
              + (key.get(n - 3).equals(".") ? "octet" : "group") + " dropped)");
        }
      }
      if (split > 0) {
        return domain(key.subList(split + 1, n), plus, "parent domain");
      }
      return null;
    }

    // ---- A: LookUpAddress ----------------------------------------------------------------------

    Found address(List<String> key, boolean plus, String what) {
      if (key.isEmpty()) {
        stuck = true;
        notes.add("the address is empty: sendmail's rules then stop without the address walk"
            + " (and without anything after it)");
        return null;
      }
      Found r = probe(tagged(key), what);
      if (r == null && plus) {
        r = probe(TokenText.join(key), "the same without tag (an untagged entry)");
      }
      if (r != null && rules.has(Feature.SKIP) && Prescan.isWord(r.tokens(), "SKIP")) {
        skipped(r);
        return null;
      }
      if (r != null) {
        return r;
      }
      int n = key.size();
      if (n >= 4 && key.get(n - 3).equals(":") && key.get(n - 2).equals(":")) {
        return address(key.subList(0, n - 3), plus, "shorter IPv6 prefix");
      }
      if (n >= 3 && key.get(n - 2).equals(":")) {
        return address(key.subList(0, n - 2), plus, "IPv6 network (last group dropped)");
      }
      if (n >= 3 && key.get(n - 2).equals(".")) {
        return address(key.subList(0, n - 2), plus, "network (last octet dropped)");
      }
      return null;
    }

    // ---- E, F, U ------------------------------------------------------------------------------

    Found exact(List<String> key, boolean plus, String what) {
      Found r = probe(tagged(key), key.isEmpty() ? "the bare tag " + tag + ": (the default)" : what);
      if (r == null && plus && !key.isEmpty()) {
        r = probe(TokenText.join(key), "the same without tag (an untagged entry)");
      }
      return r;
    }

    /** F (key ends in a domain) and U (key ends in "@"): the key, then +detail variants. */
    Found full(List<String> key, boolean plus, boolean user, String what) {
      Found r = exact(key, plus, what);
      if (r != null) {
        return r;
      }
      int[] detail = detail(key, user);
      if (detail == null) {
        return null;
      }
      List<String> head = key.subList(0, detail[0]);
      List<String> tail = key.subList(detail[1], key.size());
      List<String> star = new ArrayList<>(head);
      star.add("+");
      star.add("*");
      star.addAll(tail);
      r = exact(star, plus, "with the +detail written as +*");
      if (r != null) {
        return r;
      }
      List<String> bare = new ArrayList<>(head);
      bare.addAll(tail);
      return exact(bare, plus, "without the +detail");
    }

    /**
     * {@code $+ + $* @ $+} (F) or {@code $+ + $* @} (U) with sendmail's shortest-first matching:
     * the index of the "+" and of the "@" that follows the detail; null when it does not match.
     */
    int[] detail(List<String> key, boolean user) {
      for (int i = 1; i < key.size(); i++) {
        if (!key.get(i).equals("+")) {
          continue;
        }
        for (int j = i + 1; j < key.size(); j++) {
          if (!key.get(j).equals("@")) {
            continue;
          }
          if (user ? j == key.size() - 1 : j < key.size() - 1) {
            return new int[] {i, j};
          }
        }
      }
      return null;
    }
  }

  /** {@code $+.$+}: the first "." after at least one token with something after it; -1 if none. */
  static int firstSplit(List<String> key, String op) {
    for (int i = 1; i < key.size() - 1; i++) {
      if (key.get(i).equals(op)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> dotted(List<String> rest) {
    List<String> out = new ArrayList<>(rest.size() + 1);
    out.add(".");
    out.addAll(rest);
    return out;
  }

  // ---- the checks ------------------------------------------------------------------------------

  @Override
  public Answer lookup(Query q) {
    Tag tag = q.tag();
    Run run = new Run(tag);
    String canonical = Catalog.stock().find(tag.name()).map(Tag::name).orElse(tag.name());
    return switch (canonical) {
      case "Try_TLS" -> hostCheck(run, q, "try_tls", Inputs.Side.SERVER);
      case "TLS_Srv" -> hostCheck(run, q, "tls_server", Inputs.Side.SERVER);
      case "AuthInfo" -> hostCheck(run, q, "authinfo", Inputs.Side.SERVER);
      case "Srv_Features" -> hostCheck(run, q, "srv_features", Inputs.Side.CLIENT);
      case "TLS_Clt" -> hostCheck(run, q, "tls_client", Inputs.Side.CLIENT);
      case "Clt_Features" -> cltFeatures(run, q);
      case "Connect" -> connect(run, q, "Basic_check_relay", true);
      case "GreetPause" -> connect(run, q, "greet_pause", false);
      case "ClientRate" -> limit(run, q, "RateControl", Feature.RATECONTROL);
      case "ClientConn" -> limit(run, q, "ConnControl", Feature.CONNCONTROL);
      case "From" -> from(run, q);
      case "To" -> to(run, q);
      case "Spam" -> spam(run, q);
      case "TLS_Rcpt" -> tlsRcpt(run, q);
      default -> unsupported(run, q);
    };
  }

  private String hostName(Run run, Query q, Inputs.Side side) {
    return Inputs.hostName(q, side, rules, run.notes);
  }

  /** The address as sendmail writes it, or empty when unknown. */
  private Optional<String> address(Run run, Query q) {
    return Inputs.address(q, rules, run.notes, run.hints);
  }

  private void addrUnknown(Run run) {
    run.notes.add("no address given (--addr): the address walk is left out here;"
        + " sendmail would look up the address and its networks before the default");
  }

  /** try_tls, tls_server, authinfo, srv_features, tls_client: D(name), A(addr), bare tag. */
  private Answer hostCheck(Run run, Query q, String ruleset, Inputs.Side side) {
    if (!rules.hasRuleset(ruleset)) {
      return missingRuleset(run, q, ruleset);
    }
    if (ruleset.equals("authinfo") && rules.has(Feature.AUTHINFO)) {
      run.notes.add("FEATURE(`authinfo') is on: AuthInfo: entries are read from the separate"
          + " authinfo map (/etc/mail/authinfo), not from the access map");
      return answer(run, q, ruleset, q.name(), q.addr(), null);
    }
    String name = hostName(run, q, side);
    Optional<String> addr = address(run, q);
    String who = side == Inputs.Side.SERVER ? "server" : "client";
    Found r = run.domain(Prescan.words(name), false, "the " + who + "'s host name");
    r = afterName(run, r, addr, who);
    return answer(run, q, ruleset, name, addr, r);
  }

  /** The address walk and the bare tag, after a host-name walk that found nothing. */
  private Found afterName(Run run, Found r, Optional<String> addr, String who) {
    if (r != null) {
      return r;
    }
    if (addr.isPresent()) {
      r = run.address(Prescan.words(addr.get()), false, "the " + who + "'s IP address");
      if (run.stuck) {
        return null;
      }
    } else {
      addrUnknown(run);
    }
    return r != null ? r : run.probe(run.tag + ":", "the bare tag " + run.tag
        + ": (the default for every " + who + ")");
  }

  private Answer cltFeatures(Run run, Query q) {
    if (!rules.hasRuleset("clt_features")) {
      return missingRuleset(run, q, "clt_features");
    }
    if (!rules.has(Feature.CLT_FEATURES_BY_SERVER)) {
      run.notes.add(cltFeaturesReadsTheClient(rules, q));
      if (q.inboundName().isEmpty() && q.inboundAddr().isEmpty()) {
        run.notes.add("assumed: a queue run or background delivery, where both are empty");
      }
      Found r = run.domain(Prescan.words(q.inboundName()), false, "the inbound client's host name");
      r = afterName(run, r, Optional.of(q.inboundAddr()), "client");
      return answer(run, q, "clt_features", q.inboundName(), Optional.of(q.inboundAddr()), r);
    }
    List<String> name = new ArrayList<>(Prescan.words(q.literal() ? q.name() : q.name()));
    int dots = 0;
    while (!name.isEmpty() && name.get(name.size() - 1).equals(".")) {
      name.remove(name.size() - 1);
      dots++;
    }
    if (dots > 0) {
      run.notes.add("trailing dot removed by the clt_features ruleset");
    }
    if (name.isEmpty()) {
      run.notes.add("the server name is empty: clt_features looks nothing up");
      return answer(run, q, "clt_features", "", Optional.empty(), null);
    }
    if (q.addr().isPresent() && !q.addr().get().isEmpty()) {
      run.notes.add("clt_features does not look up the address (it is not known yet"
          + " when the ruleset runs)");
    }
    Found r = run.domain(name, false, "the server's host name");
    if (r == null) {
      r = run.probe(run.tag + ":", "the bare tag " + run.tag + ": (the default for every server)");
    }
    return answer(run, q, "clt_features", TokenText.join(name), Optional.empty(), r);
  }

  /** Basic_check_relay (Connect, "+") and greet_pause (GreetPause, "!"). */
  private Answer connect(Run run, Query q, String ruleset, boolean plus) {
    if (!rules.hasRuleset(ruleset) || (!plus && !rules.has(Feature.GREET_PAUSE))) {
      return missingRuleset(run, q, plus ? ruleset : "greet_pause (FEATURE(`greet_pause'))");
    }
    String name = hostName(run, q, Inputs.Side.CLIENT);
    Optional<String> addr = address(run, q);
    if (!plus) {
      run.notes.add("GreetPause is looked up with the client's unverified PTR name"
          + " (RealHostName), not {client_name}");
    }
    Found r = null;
    boolean addrKnown = addr.isPresent();
    if (q.literal() && addrKnown && addr.get().isEmpty()) {
      run.stuck = true;
      run.notes.add("the client address is empty: the rules look nothing up");
      return answer(run, q, ruleset, name, addr, null);
    }
    if (!name.isEmpty()) {
      r = run.domain(Prescan.words(name), plus, "the client's host name");
    }
    if (r == null) {
      if (addrKnown) {
        r = run.address(Prescan.words(addr.get()), plus, "the client's IP address");
      } else {
        addrUnknown(run);
      }
    }
    return answer(run, q, ruleset, name, addr, r);
  }

  /** What 8.17.1's clt_features does with the server asked about: nothing. */
  static String cltFeaturesReadsTheClient(Rules rules, Query q) {
    return "sendmail " + (rules.version().isEmpty() ? "8.17.1" : rules.version())
        + ": clt_features ignores the server " + (q.name().isEmpty() ? "" : "\"" + q.name()
        + "\" ") + "and looks up {client_name} and {client_addr}, the client of the SMTP"
        + " session in which the delivery happens (fixed in 8.17.2)";
  }

  /** RateControl / ConnControl: SearchList <A:{client_addr}> <E:>. */
  private Answer limit(Run run, Query q, String ruleset, Feature feature) {
    if (!rules.hasRuleset(ruleset) || !rules.has(feature)) {
      return missingRuleset(run, q, ruleset + " (FEATURE(`"
          + feature.name().toLowerCase(Locale.ROOT) + "'))");
    }
    Optional<String> addr = address(run, q);
    if (!q.name().isEmpty() && !q.literal()) {
      run.notes.add(run.tag + ": is looked up by address only; the name \"" + q.name()
          + "\" plays no part");
    }
    Found r = null;
    if (addr.isPresent()) {
      r = run.address(Prescan.words(addr.get()), false, "the client's IP address");
      if (run.stuck) {
        return answer(run, q, ruleset, q.name(), addr, null);
      }
    } else {
      addrUnknown(run);
    }
    if (r == null) {
      r = run.exact(List.of(), false, "");
    }
    return answer(run, q, ruleset, q.name(), addr, r);
  }

  private MailAddress mail(Run run, Query q) {
    MailAddress m = MailAddress.parse(q.name());
    if (m.strippedDots() > 0) {
      run.notes.add("trailing dot removed from the domain, as the check rulesets do");
    }
    if (m.qualified()) {
      run.notes.add("sendmail first canonifies the domain with DNS (a CNAME becomes its"
          + " target); the domain is used here as given");
    }
    return m;
  }

  private Answer from(Run run, Query q) {
    if (!rules.hasRuleset("Basic_check_mail")) {
      return missingRuleset(run, q, "Basic_check_mail");
    }
    MailAddress m = mail(run, q);
    if (m.nullSender()) {
      run.notes.add("the null sender <> is accepted before any lookup (RFC 1123);"
          + " From:<> entries are never used");
      return answer(run, q, "Basic_check_mail", "<>", Optional.empty(), null);
    }
    Found r = addressUserDomain(run, m, true, "sender");
    return answer(run, q, "Basic_check_mail", m.text(), Optional.empty(), r);
  }

  /** SearchList {@code <F:user@domain> <U:user@> <D:domain>}, or {@code <U:user@>} alone. */
  private static Found addressUserDomain(Run run, MailAddress m, boolean plus, String whose) {
    if (!m.qualified()) {
      return run.full(m.user(), plus, true, "the " + whose + "'s local part (unqualified)");
    }
    Found r = run.full(m.full(), plus, false, "the full " + whose + " address");
    if (r == null) {
      r = run.full(m.user(), plus, true, "the " + whose + "'s local part");
    }
    return r != null ? r : run.domain(m.domain(), plus, "the " + whose + "'s domain");
  }

  private Answer to(Run run, Query q) {
    if (!rules.hasRuleset("Rcpt_ok")) {
      return missingRuleset(run, q, "Rcpt_ok");
    }
    MailAddress m = mail(run, q);
    if (!m.qualified()) {
      run.notes.add("an unqualified recipient is a local user: accepted before any To: lookup");
      return answer(run, q, "Rcpt_ok", m.text(), Optional.empty(), null);
    }
    run.notes.add("recipients in a local domain ($=w) or in relay-domains are accepted before"
        + " any To: lookup; " + TokenText.join(m.domain()) + " is assumed to be neither");
    if (rules.has(Feature.BLOCKLIST_RECIPIENTS)) {
      Found r = run.full(m.full(), true, false, "the full recipient address (blocklist_recipients)");
      if (r == null) {
        r = run.domain(m.domain(), true, "the recipient's domain (blocklist_recipients)");
      }
      if (r != null && !isAny(r.tokens(), "OK", "RELAY", "SKIP")) {
        return answer(run, q, "Rcpt_ok" + Effects.BLOCKLIST, m.text(), Optional.empty(), r);
      }
      if (r != null) {
        run.notes.add(r.probe().storedKey() + " = " + TokenText.print(r.tokens())
            + " is no rejection; sendmail goes on to the relaying check");
      }
    }
    Found r;
    if (rules.has(Feature.RELAYTOFULLADDRESS)) {
      r = run.full(m.full(), true, false, "the full recipient address (relaytofulladdress)");
      if (r == null) {
        r = run.domain(m.domain(), true, "the recipient's domain");
      }
      if (r == null) {
        r = run.full(m.user(), true, true, "the recipient's local part");
      }
    } else {
      r = run.domain(m.domain(), true, "the recipient's domain");
    }
    return answer(run, q, "Rcpt_ok", m.text(), Optional.empty(), r);
  }

  private Answer spam(Run run, Query q) {
    if (!rules.has(Feature.DELAY_CHECKS_FRIEND) && !rules.has(Feature.DELAY_CHECKS_HATER)) {
      return missingRuleset(run, q, "check_rcpt with FEATURE(`delay_checks', `friend' or `hater')");
    }
    MailAddress m = mail(run, q);
    if (!m.qualified()) {
      run.notes.add("an unqualified recipient is first qualified with this host's name ($j);"
          + " give the full address");
      return answer(run, q, "check_rcpt", m.text(), Optional.empty(), null);
    }
    run.notes.add("for a recipient in a local domain ($=w) Spam:user@ is tried last;"
        + " " + TokenText.join(m.domain()) + " is assumed not to be local");
    Found r = run.full(m.full(), false, false, "the full recipient address");
    if (r == null) {
      r = run.domain(m.domain(), false, "the recipient's domain");
    }
    return answer(run, q, "check_rcpt", m.text(), Optional.empty(), r);
  }

  private Answer tlsRcpt(Run run, Query q) {
    if (!rules.hasRuleset("tls_rcpt")) {
      return missingRuleset(run, q, "tls_rcpt");
    }
    MailAddress m = mail(run, q);
    Found r = m.nullSender() ? null : addressUserDomain(run, m, false, "recipient");
    if (r == null) {
      r = run.exact(List.of(), false, "");
    }
    return answer(run, q, "tls_rcpt", m.text(), Optional.empty(), r);
  }

  private Answer unsupported(Run run, Query q) {
    run.notes.add(q.tag().name() + ": is looked up by the " + q.tag().ruleset() + " ruleset;"
        + " accessctl lookup does not simulate it yet");
    return answer(run, q, q.tag().ruleset(), q.name(), q.addr(), null);
  }

  private Answer missingRuleset(Run run, Query q, String what) {
    run.notes.add("this sendmail.cf has no " + what + ": " + q.tag().name()
        + ": entries are never looked up");
    return Effects.answer(rules, q, "", q.name(), q.addr(), run.probes, null, List.of(),
        run.notes, run.hints, false, true);
  }

  private Answer answer(Run run, Query q, String ruleset, String name, Optional<String> addr,
      Found r) {
    return Effects.answer(rules, q, ruleset, name, addr, run.probes,
        r == null ? null : r.probe(), r == null ? List.of() : r.tokens(), run.notes, run.hints,
        run.stuck, false);
  }

  private static boolean isAny(List<String> tokens, String... words) {
    for (String w : words) {
      if (Prescan.isWord(tokens, w)) {
        return true;
      }
    }
    return false;
  }
}
