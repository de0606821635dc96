package io.accessctl.sendmail;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Flag;
import io.accessctl.catalog.Tag;
import io.accessctl.catalog.TlsRequirement;
import io.accessctl.cf.Feature;
import io.accessctl.cf.SendmailVersion;
import io.accessctl.tokens.Limits;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Strtol;
import io.accessctl.tokens.TokenText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What sendmail does with the value a check found (or with finding nothing): the rules after the
 * lookup in each ruleset and the C code that reads the ruleset's answer (srvrsmtp.c, deliver.c).
 */
final class Effects {
  private Effects() {}

  /** The effect code of a tag whose values only the rules can say what they do. */
  static final String UNKNOWN = "unknown";

  /** Appended to the ruleset name when To: was decided by the blocklist_recipients pass. */
  static final String BLOCKLIST = "/blocklist";

  static Answer answer(Rules rules, Query q, String ruleset, String name, Optional<String> addr,
      List<Probe> probes, Probe match, List<String> value, List<String> notes,
      List<String> hints, boolean stuck, boolean missing) {
    Ctx c = new Ctx(rules, tagName(q), name, addr, match, value, stuck, missing, ruleset,
        new ArrayList<>(hints));
    Effect e = effect(c);
    String tag = c.tag();
    List<String> given = List.copyOf(c.hints);
    List<String> advice = new AdviceLater(() -> {
      List<String> all = new ArrayList<>(given);
      if (match == null && !missing) {
        all.addAll(Hints.nothingFound(tag, rules));
      } else if (match != null) {
        all.addAll(Hints.matched(tag, match));
      }
      return all;
    });
    return new Answer(q, ruleset.replace(BLOCKLIST, ""), name, addr, List.copyOf(probes),
        Optional.ofNullable(match), List.copyOf(value), e, List.copyOf(notes), advice, rules,
        List.of(), Optional.empty());
  }

  /**
   * What sendmail does with {@code value} found under {@code match} (null: nothing found): the
   * effect of the {@link #answer} with these arguments, without the rest of the answer.
   */
  static Effect effect(Rules rules, Query q, String ruleset, String name, Optional<String> addr,
      Probe match, List<String> value) {
    return effect(new Ctx(rules, tagName(q), name, addr, match, value, false, false, ruleset,
        new ArrayList<>()));
  }

  private static String tagName(Query q) {
    return Catalog.stock().find(q.tag().name()).map(Tag::name).orElse(q.tag().name());
  }

  private static Effect effect(Ctx c) {
    String tag = c.tag();
    return switch (tag) {
      case "Try_TLS" -> tryTls(c);
      case "Srv_Features" -> srvFeatures(c);
      case "Clt_Features" -> cltFeatures(c);
      case "Connect" -> action(c, "Connect");
      case "From" -> from(c);
      case "To" -> to(c);
      case "Spam" -> spam(c);
      case "TLS_Srv", "TLS_Clt", "TLS_Rcpt" -> tls(c);
      case "GreetPause" -> greetPause(c);
      case "ClientRate", "ClientConn" -> limit(c);
      case "AuthInfo" -> authInfo(c);
      default -> new Effect(UNKNOWN, "accessctl does not know what sendmail does with "
          + tag + ": values");
    };
  }

  private record Ctx(Rules rules, String tag, String name, Optional<String> addr, Probe match,
      List<String> value, boolean stuck, boolean missing, String ruleset, List<String> hints) {
    boolean found() {
      return match != null;
    }

    String peer() {
      String a = addr.filter(s -> !s.isEmpty()).map(s -> " [" + s + "]").orElse("");
      return (name.isEmpty() ? "(no name)" : name) + a;
    }

    boolean is(String word) {
      return found() && Prescan.isWord(value, word);
    }

    String printed() {
      return TokenText.print(value);
    }
  }

  private static Effect tryTls(Ctx c) {
    if (c.missing()) {
      return new Effect("starttls", "without a try_tls ruleset sendmail always tries STARTTLS");
    }
    if (c.is("NO")) {
      return new Effect("no-starttls", () -> "sendmail will NOT use STARTTLS with " + c.peer()
          + ": the value is exactly NO, so it delivers in clear text.");
    }
    if (c.found()) {
      return new Effect("starttls", () -> {
        String why = c.value().stream().anyMatch(t -> t.equalsIgnoreCase("NO"))
            ? " (only a value that is the single word NO counts; here it has more: "
                + (c.value().contains("#") ? "an inline \"# comment\" is part of the value"
                    : "\"" + c.printed() + "\"") + ")"
            : "";
        return "the value is not NO, so sendmail still uses STARTTLS with " + c.peer()
            + " when the server offers it" + why + ".";
      });
    }
    return new Effect("starttls", () -> "no entry applies: sendmail uses STARTTLS with "
        + c.peer() + " when the server offers it.");
  }

  // ---- Srv_Features / Clt_Features --------------------------------------------------------------

  private static Effect srvFeatures(Ctx c) {
    if (!c.found() || c.value().isEmpty()) {
      return new Effect("defaults", () -> "no entry applies: the client " + c.peer()
          + " gets the server's default SMTP features.");
    }
    if (isTemp(c)) {
      return new Effect("tempfail", "the value starts with \"temp\": every command of "
          + c.peer() + " gets \"450 4.3.0 Please try again later.\"");
    }
    String version = version(c.rules());
    return letters(c, version, () -> "the client " + c.peer(), ch -> srvFeature(ch, version)
        .map(f -> ch + " (" + (Character.isUpperCase(ch) ? "off" : "on") + "): " + f.meaning()
            + (f.condition().isEmpty() ? "" : " [only in builds with " + f.condition() + "]")));
  }

  /** The server feature a letter of either case turns off or on in this version, if any. */
  private static Optional<Flag> srvFeature(char ch, String version) {
    char letter = Character.toUpperCase(ch);
    for (Flag f : Catalog.SRV_FEATURE_FLAGS) {
      if (f.letter() == letter && SendmailVersion.compare(f.since(), version) <= 0) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static Effect cltFeatures(Ctx c) {
    if (c.missing()) {
      return new Effect("defaults", "Clt_Features: is not looked up by this sendmail.");
    }
    if (!c.found() || c.value().isEmpty()) {
      return new Effect("defaults", "no entry applies: sendmail uses its default client"
          + " features (DANE, MTA-STS, STARTTLS, AUTH as configured).");
    }
    if (isTemp(c)) {
      return new Effect("tempfail", "the value starts with \"temp\": sendmail skips this server"
          + " (temporary failure, logged clt_features=TEMPFAIL).");
    }
    return letters(c, version(c.rules()), () -> "this server", ch -> Catalog.CLT_FEATURE_FLAGS.stream()
        .filter(x -> x.letter() == ch).findFirst()
        .map(f -> ch + ": " + f.meaning() + (f.documented() ? "" : " (undocumented)")));
  }

  /** The first token starts with "temp" in any case (srvfeatures, cltfeatures). */
  private static boolean isTemp(Ctx c) {
    return c.value().get(0).regionMatches(true, 0, "temp", 0, 4);
  }

  /**
   * The first character of each token, as srvfeatures and cltfeatures read them; {@code meaning}
   * describes a letter the table knows, or is empty for one it ignores; {@code whom} is put into
   * words only with the effect's (a batch never prints them).
   */
  private static Effect letters(Ctx c, String version, Supplier<String> whom,
      Function<Character, Optional<String>> meaning) {
    List<String> applied = new ArrayList<>();
    List<String> said = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String token : c.value()) {
      char ch = token.charAt(0);
      Optional<String> m = meaning.apply(ch);
      (m.isPresent() ? applied : unknown).add(String.valueOf(ch));
      m.ifPresent(said::add);
    }
    return flags(c, applied, said, unknown, version, whom);
  }

  private static Effect flags(Ctx c, List<String> applied, List<String> said,
      List<String> unknown, String version, Supplier<String> whom) {
    return new Effect(applied.isEmpty() ? "defaults" : "flags " + String.join(" ", applied),
        () -> flagWords(c, applied, said, unknown, version, whom.get()));
  }

  private static String flagWords(Ctx c, List<String> applied, List<String> said,
      List<String> unknown, String version, String whom) {
    StringBuilder sb = new StringBuilder();
    boolean multi = c.value().stream().anyMatch(t -> t.length() > 1);
    if (applied.isEmpty()) {
      sb.append("no flag sendmail ").append(version).append(" knows: the defaults apply to ")
          .append(whom).append('.');
    } else {
      sb.append("for ").append(whom).append(": ").append(String.join("; ", said)).append('.');
    }
    if (multi) {
      sb.append(" Only the first character of each word counts (\"").append(c.printed())
          .append("\" is read as ").append(firsts(c.value())).append(").");
    }
    if (!unknown.isEmpty()) {
      sb.append(" Ignored (unknown to sendmail ").append(version).append(c.tag().equals(
          "Clt_Features") ? ", or lower case, which does nothing" : "").append("): ")
          .append(String.join(" ", unknown)).append('.');
    }
    return sb.toString();
  }

  private static String firsts(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append(sb.length() == 0 ? "" : " ").append(t.charAt(0));
    }
    return sb.toString();
  }

  private static String version(Rules r) {
    return r.version().isEmpty() ? Rules.NEWEST : r.version();
  }

  // ---- Connect / From / To ---------------------------------------------------------------------

  /** The access-action rules shared by Basic_check_relay, Basic_check_mail and Rcpt_ok. */
  private static Effect action(Ctx c, String what) {
    if (!c.found()) {
      return new Effect("continue", () -> "no " + what + " entry applies: sendmail goes on with"
          + " its other checks.");
    }
    List<String> v = c.value();
    if (c.is("OK")) {
      String skipped = c.rules().cf().map(cf -> cf.skippedByConnectOk()).filter(l -> !l.isEmpty())
          .map(l -> " It skips " + String.join(", ", l) + ".").orElse("");
      return new Effect("accept", "OK: sendmail accepts " + c.peer() + " without further "
          + what + " checks." + (what.equals("Connect") ? skipped : ""));
    }
    if (c.is("RELAY")) {
      return new Effect("relay", "RELAY: sendmail accepts " + c.peer() + " and lets it relay."
          + (what.equals("Connect") ? c.rules().cf().map(cf -> cf.skippedByConnectOk())
              .filter(l -> !l.isEmpty()).map(l -> " It skips " + String.join(", ", l) + ".")
              .orElse("") : ""));
    }
    if (c.is("REJECT")) {
      String reply = what.equals("To") ? "550 5.2.1 Mailbox disabled for this recipient"
          : "550 5.7.1 Access denied";
      return new Effect("reject", "REJECT: sendmail answers \"" + reply + "\".");
    }
    if (c.is("DISCARD")) {
      return new Effect("discard", "DISCARD: sendmail accepts the mail and throws it away.");
    }
    if (v.size() >= 3 && v.get(0).equalsIgnoreCase("QUARANTINE") && v.get(1).equals(":")) {
      return new Effect("quarantine", "QUARANTINE: the message is held in the queue with reason "
          + TokenText.print(v.subList(2, v.size())) + ".");
    }
    if (v.size() >= 9 && v.get(0).equalsIgnoreCase("ERROR") && v.get(1).equals(":")
        && v.get(3).equals(".") && v.get(5).equals(".") && v.get(7).equals(":")) {
      return new Effect("error " + v.get(2) + "." + v.get(4) + "." + v.get(6),
          () -> "ERROR: sendmail rejects with status " + v.get(2) + "." + v.get(4) + "."
          + v.get(6) + " and the reply " + TokenText.print(v.subList(8, v.size())) + ".");
    }
    if (v.size() >= 3 && v.get(0).equalsIgnoreCase("ERROR") && v.get(1).equals(":")) {
      return new Effect("error", "ERROR: sendmail rejects with the reply "
          + TokenText.print(v.subList(2, v.size())) + ".");
    }
    return new Effect("error", "\"" + c.printed() + "\" is no keyword, so sendmail uses it as the"
        + " text of a rejection" + (c.is("SKIP") ? " (SKIP is a keyword only in host and"
        + " address walks with access_db's `skip' option)" : "") + ".");
  }

  private static Effect from(Ctx c) {
    if (c.name().equals("<>")) {
      return new Effect("accept", "the null sender is always accepted.");
    }
    if (c.found()) {
      if (c.is("OKR")) {
        return new Effect("continue", "OKR is what the resolve map says for a resolvable"
            + " domain: sendmail treats the sender's domain as resolvable and goes on.");
      }
      if (c.is("TEMP")) {
        return new Effect("tempfail", "TEMP is read as the resolve map's answer: \"451 4.1.8"
            + " Domain of sender address … does not resolve\".");
      }
      if (c.is("PERM")) {
        return new Effect("error 5.1.8", "PERM is read as the resolve map's answer: \"553 5.1.8"
            + " Domain of sender address … does not exist\".");
      }
    }
    return action(c, "From");
  }

  private static Effect to(Ctx c) {
    if (!c.found()) {
      return new Effect("continue", "no To entry applies: relaying to " + c.name()
          + " is decided by the client (Connect: RELAY, relay-domains, AUTH, …).");
    }
    boolean blocklist = c.rules().has(Feature.BLOCKLIST_RECIPIENTS);
    if (blocklist && c.ruleset().endsWith(BLOCKLIST)) {
      return action(c, "To");
    }
    if (c.is("RELAY")) {
      return new Effect("relay", "RELAY: sendmail accepts mail for " + c.name()
          + " from any client (it relays).");
    }
    return new Effect("ignored", "\"" + c.printed() + "\" has no effect here: "
        + (blocklist ? "in the relaying check only RELAY counts."
            : "without FEATURE(`blocklist_recipients') only RELAY counts in To: entries."));
  }

  private static Effect spam(Ctx c) {
    if (c.missing()) {
      return new Effect("none", "Spam: is not looked up (no FEATURE(`delay_checks') with"
          + " `friend' or `hater').");
    }
    boolean friend = c.rules().has(Feature.DELAY_CHECKS_FRIEND);
    boolean hater = c.rules().has(Feature.DELAY_CHECKS_HATER);
    if (friend && c.is("FRIEND")) {
      return new Effect("friend", "FRIEND: for this recipient sendmail skips the sender and"
          + " client checks (check_mail, check_relay: access entries, DNS blocklists).");
    }
    if (hater && c.is("HATER")) {
      return new Effect("hater", "HATER: for this recipient sendmail runs the sender and client"
          + " checks (check_mail, check_relay).");
    }
    if (c.found()) {
      return new Effect("ignored", "\"" + c.printed() + "\" has no effect: delay_checks is in "
          + (friend ? "friend" : "hater") + " mode, where only " + (friend ? "FRIEND" : "HATER")
          + " counts.");
    }
    return new Effect("none", "no Spam entry applies: the usual "
        + (friend ? "checks run" : "checks are skipped (hater mode)") + ".");
  }

  // ---- TLS, GreetPause, limits, AuthInfo -------------------------------------------------------

  private static Effect tls(Ctx c) {
    Optional<TlsRequirement> r = c.found() ? TlsRequirement.ofWords(c.value()) : Optional.empty();
    if (r.isPresent()) {
      return new Effect("require " + r.get().canonical(), TlsConnection.describe(r.get()) + ".");
    }
    if (c.found()) {
      return new Effect("none", "\"" + c.printed() + "\" is not a TLS requirement"
          + " ([PERM+|TEMP+]VERIFY[:bits] or ENCR:bits): sendmail silently requires nothing.");
    }
    if (c.tag().equals("TLS_Rcpt")) {
      // tls_rcpt returns OK when the search finds nothing; only tls_server and tls_client go
      // on to TLS_connection, which refuses a failed handshake
      return new Effect("none", "no entry applies: tls_rcpt accepts the recipient without"
          + " looking at the handshake.");
    }
    return new Effect("none", "no entry applies: no TLS requirement (only a failed handshake"
        + " is an error).");
  }

  private static Effect greetPause(Ctx c) {
    if (c.missing()) {
      return new Effect("no-pause", "no greet_pause: sendmail greets at once.");
    }
    if (c.found()) {
      long ms = c.value().isEmpty() ? 0 : Strtol.parse(c.value().get(0), 10);
      if (ms <= 0) {
        return new Effect("no-pause", "\"" + c.printed() + "\" is read as " + ms
            + " ms: no pause before the greeting.");
      }
      long most = Limits.GREET_PAUSE_MAX_MS;
      return new Effect("pause " + ms, "sendmail waits " + Math.min(ms, most)
          + " ms before its greeting" + (ms > most ? " (at most 5 minutes)" : "")
          + " and rejects clients that talk first.");
    }
    if (c.stuck()) {
      return new Effect("no-pause", "the rules saw an empty address and return no pause.");
    }
    if (c.rules().greetPauseDefault().isPresent()) {
      long ms = c.rules().greetPauseDefault().getAsLong();
      return new Effect(ms > 0 ? "pause " + ms : "no-pause", "no entry applies: the"
          + " FEATURE(`greet_pause') default, " + ms + " ms (there is no bare GreetPause:"
          + " default).");
    }
    return new Effect("default", "no entry applies: the FEATURE(`greet_pause') argument is the"
        + " pause (there is no bare GreetPause: default).");
  }

  private static Effect limit(Ctx c) {
    String what = c.tag().equals("ClientRate") ? "connections per minute (per"
        + " ConnectionRateWindowSize)" : "open connections at once";
    if (c.stuck()) {
      return new Effect("unknown", "the rules saw an empty address; the outcome is undefined.");
    }
    if (!c.found()) {
      return new Effect("unlimited", "no entry applies: no limit for " + c.peer() + ".");
    }
    if (c.is("0")) {
      return new Effect("unlimited", "0: no limit for " + c.peer() + ".");
    }
    long n = Strtol.parse(TokenText.join(c.value(), '.'), 0);
    String read = TokenText.join(c.value(), '.').equals(Long.toString(n)) ? ""
        : " (\"" + c.printed() + "\" is read as " + n + ", as C's strtol with base 0 reads it)";
    if (n <= 0) {
      return new Effect("limit " + n, "every connection from " + c.peer() + " is rejected"
          + read + ".");
    }
    return new Effect("limit " + n, "more than " + n + " " + what + " from " + c.peer()
        + " are rejected (4.3.2)" + read + ".");
  }

  private static Effect authInfo(Ctx c) {
    if (c.rules().has(Feature.AUTHINFO)) {
      return new Effect("none", "FEATURE(`authinfo'): the credentials come from the authinfo"
          + " map, not from access.");
    }
    if (!c.found()) {
      return new Effect("none", "no entry applies: sendmail does not authenticate to "
          + c.peer() + ".");
    }
    List<String> parts = new ArrayList<>();
    for (String t : c.value()) {
      String u = t.replace("\"", "");
      if (u.length() > 2 && (u.charAt(1) == ':' || u.charAt(1) == '=')) {
        char k = Character.toUpperCase(u.charAt(0));
        String v = k == 'P' ? "(secret)" : u.substring(2);
        parts.add(switch (k) {
          case 'U' -> "user " + v;
          case 'I' -> "authorization id " + v;
          case 'P' -> "password " + v;
          case 'R' -> "realm " + v;
          case 'M' -> "mechanisms " + v;
          default -> u;
        });
      }
    }
    return new Effect("credentials", "sendmail authenticates to " + c.peer()
        + (parts.isEmpty() ? "" : " with " + String.join(", ", parts)) + ".");
  }
}
