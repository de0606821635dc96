package io.accessctl.lint.rules;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.EntryView;
import io.accessctl.lint.EntryVisitor;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import io.accessctl.tokens.Prescan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * AC402: entries whose tag (or value) needs a FEATURE the cf was built without. Reported once per
 * need, at its first entry.
 */
public final class FeatureMissing extends EntryVisitor {
  static final RuleInfo INFO = new RuleInfo("AC402", "feature-missing", Severity.WARNING,
      "entries that need a FEATURE the sendmail.cf does not have",
      """
      FEATURE(`access_db') alone makes sendmail look up Connect:, From:, To: and the TLS tags.
      Other tags are only looked up when their FEATURE generated the rules that ask for them:
      GreetPause: needs greet_pause (after access_db in the .mc), ClientRate: ratecontrol,
      ClientConn: conncontrol, QGRP: queuegroup, Compat: compat_check, Spam: delay_checks with
      `friend' or `hater', TLS_Srv_Features:/TLS_Clt_Features: tls_session_features (8.16.1+),
      Clt_Features: a cf for 8.17.1 or later, bcc: FEATURE(`bcc', `access'). RELAY means "may
      relay" in From: entries only with FEATURE(`relay_mail_from') (`domain' for domain keys) and
      in To:user@domain entries only with access_db's `relaytofulladdress' option; otherwise it
      acts like OK or is ignored. With FEATURE(`authinfo'), AuthInfo: entries in the access map
      are never read. accessctl reads which rules the cf really has, not the comments in it.
      Leading-dot keys without lookupdotdomain are AC209, To: rejections without
      blocklist_recipients AC216, SKIP without the skip option AC306.

      Wrong (the cf has no FEATURE(`ratecontrol')):
        ClientRate:192.0.2.7 2
      Right: add to sendmail.mc after FEATURE(`access_db') and rebuild sendmail.cf
        FEATURE(`ratecontrol')dnl
      """);

  /**
   * One thing some entries need.
   *
   * @param tag the tag of the entries that may need it
   * @param relay only the entries whose value is RELAY may need it
   * @param applies which of those need it
   * @param met whether the cf has it
   * @param message the message for the first entry, given the entry and the cf
   */
  private record Need(String tag, boolean relay, Predicate<Entry> applies, Predicate<CfFile> met,
      BiFunction<Entry, CfFile, String> message) {}

  private static final Predicate<Entry> EVERY = e -> true;

  private static final List<Need> NEEDS = List.of(
      new Need("GreetPause", false, EVERY, cf -> cf.has(Feature.GREET_PAUSE), (e, cf) -> cf.hasRuleset("greet_pause")
          ? never(e, cf) + "its greet_pause ruleset does not consult the access map, because"
              + " FEATURE(`greet_pause') comes before FEATURE(`access_db') in sendmail.mc; move it"
              + " after access_db and rebuild sendmail.cf"
          : never(e, cf) + "it was built without FEATURE(`greet_pause'); add"
              + " FEATURE(`greet_pause', `1000')dnl after FEATURE(`access_db') (the argument is the"
              + " pause in ms for clients without an entry) and rebuild sendmail.cf"),
      feature("ClientRate", Feature.RATECONTROL, "ratecontrol",
          " (Debian's style, with delay_checks: FEATURE(`ratecontrol', `nodelay', `terminate'))"),
      feature("ClientConn", Feature.CONNCONTROL, "conncontrol",
          " (Debian's style, with delay_checks: FEATURE(`conncontrol', `nodelay', `terminate'))"),
      feature("QGRP", Feature.QUEUEGROUP, "queuegroup",
          " (and a QUEUE_GROUP() for each group the entries name)"),
      feature("Compat", Feature.COMPAT_CHECK, "compat_check", ""),
      new Need("Spam", false, EVERY,
          cf -> cf.has(Feature.DELAY_CHECKS_FRIEND) || cf.has(Feature.DELAY_CHECKS_HATER),
          (e, cf) -> never(e, cf) + "it was built without FEATURE(`delay_checks', `friend') or"
              + " `hater'; add FEATURE(`delay_checks', `"
              + (Prescan.isOnly(e.value(), "HATER") ? "hater" : "friend")
              + "')dnl and rebuild sendmail.cf"),
      tlsSessionFeatures("TLS_Srv_Features"),
      tlsSessionFeatures("TLS_Clt_Features"),
      new Need("Clt_Features", false, EVERY, FeatureMissing::hasCltFeatures,
          (e, cf) -> never(e, cf) + "it has no clt_features ruleset, which came with sendmail"
              + " 8.17.1; use a sendmail.cf made by sendmail-cf 8.17.1 or later (8.17.2 or later to"
              + " key entries by server, see AC403)"),
      feature("bcc", Feature.BCC, "bcc', `access",
          " (it also needs a sendmail built with _FFR_ADD_BCC, which Debian's is not)"),
      new Need("AuthInfo", false, EVERY, cf -> !cf.has(Feature.AUTHINFO),
          (e, cf) -> never(e, cf) + "it has FEATURE(`authinfo'), which looks AuthInfo: up in its"
              + " own authinfo map instead; move the entries there, or remove FEATURE(`authinfo')"),
      new Need("From", true, FeatureMissing::isAddress, cf -> cf.has(Feature.RELAY_MAIL_FROM),
          (e, cf) -> fromRelay(e, cf, "FEATURE(`relay_mail_from')")),
      new Need("From", true, e -> !subjectHasAt(e),
          cf -> cf.has(Feature.RELAY_MAIL_FROM_DOMAIN),
          (e, cf) -> fromRelay(e, cf, "FEATURE(`relay_mail_from', `domain')")),
      new Need("From", true, e -> e.key().endsWith("@"), cf -> false,
          (e, cf) -> Values.quote(e.key()) + " RELAY cannot let anybody relay: even"
              + " FEATURE(`relay_mail_from') looks up full sender addresses (and domains), never a"
              + " bare local part, so RELAY here only acts like OK; write From:user@domain RELAY"
              + " with FEATURE(`relay_mail_from'), or OK"),
      new Need("To", true, FeatureMissing::subjectHasAt,
          cf -> cf.has(Feature.RELAYTOFULLADDRESS),
          (e, cf) -> Values.quote(e.key()) + " RELAY never allows relaying: " + ConfigRule.name(cf)
              + " was built without access_db's `relaytofulladdress' option, so the relay check"
              + " looks up only the recipient's domain (To:domain); add the option, as in"
              + " FEATURE(`access_db', , " + (cf.has(Feature.SKIP) ? "`skip', " : "")
              + "`relaytofulladdress')dnl, or key the entry by domain"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** Every tag some need is about: the walk hands the rule these entries alone. */
  private static final String[] TAGS = NEEDS.stream().map(Need::tag).distinct()
      .toArray(String[]::new);

  /**
   * Judged entry by entry in the walk, which reads each entry anyway: a map may hold hundreds of
   * thousands of From: or To: entries, and passes of its own over them (for RELAY values, then
   * for each need) were most of what the whole-file rules cost on a large map. Untagged entries
   * too: a need is about every entry whose key begins with its tag and a colon, and sendmail
   * reads {@code bcc::1} as an IPv6 address, an untagged key.
   */
  @Override
  public Needs needs() {
    return Needs.tags(TAGS).andUntagged().withCf();
  }

  @Override
  public void visit(EntryView v, LintContext ctx, Findings out) {
    Unmet unmet = ctx.memo(MEMO, FeatureMissing::unmet);
    Entry e = v.entry();
    int relay = UNKNOWN;
    for (int i = 0; i < unmet.needs.length; i++) {
      Need need = unmet.needs[i];
      if (!e.tagIs(need.tag())) {
        continue;
      }
      if (need.relay()) {
        if (relay == UNKNOWN) {
          relay = Values.isOnly(e, "RELAY") ? YES : NO;
        }
        if (relay == NO) {
          continue;
        }
      }
      if (need.applies().test(e)) {
        unmet.seen[i].see(e);
      }
    }
  }

  private static final int UNKNOWN = 0;
  private static final int YES = 1;
  private static final int NO = 2;

  /** One finding per need, at its first entry, with how many more need it. */
  @Override
  public void finish(LintContext ctx, Findings out) {
    Unmet unmet = (Unmet) ctx.memo().remove(MEMO); // a walk of its own for each run
    if (unmet == null) {
      return;
    }
    for (int i = 0; i < unmet.needs.length; i++) {
      Entry first = unmet.seen[i].first;
      if (first == null) {
        continue;
      }
      int count = unmet.seen[i].count;
      String more = count == 1 ? ""
          : " (the same for " + (count - 1) + " more " + (count == 2 ? "entry" : "entries") + ")";
      out.add(INFO, first, first.keyColumn(), unmet.needs[i].message().apply(first, unmet.cf)
          + more);
    }
  }

  private static final String MEMO = "feature-missing";

  /** The needs the file's cf does not meet, in {@link #NEEDS} order, and what the walk saw. */
  private static final class Unmet {
    final CfFile cf;
    final Need[] needs;
    final Seen[] seen;

    Unmet(CfFile cf, List<Need> needs) {
      this.cf = cf;
      this.needs = needs.toArray(new Need[0]);
      this.seen = new Seen[this.needs.length];
      for (int i = 0; i < seen.length; i++) {
        seen[i] = new Seen();
      }
    }
  }

  /**
   * The first entry of one need and how many need it. The walk may hand entries to two threads
   * at once: the first is the one earliest in the file, whichever thread sees it first.
   */
  private static final class Seen {
    private Entry first;
    private int count;

    synchronized void see(Entry e) {
      if (first == null || e.index() < first.index()) {
        first = e;
      }
      count++;
    }
  }

  private static Unmet unmet(LintContext ctx) {
    CfFile cf = ConfigRule.judged(ctx).orElse(null);
    List<Need> unmet = new ArrayList<>();
    if (cf != null) {
      for (Need need : NEEDS) {
        if (!need.met().test(cf)) {
          unmet.add(need);
        }
      }
    }
    return new Unmet(cf, unmet);
  }

  /** A tag that its own FEATURE makes sendmail look up; {@code args} as in FEATURE(`args'). */
  private static Need feature(String tag, Feature f, String args, String note) {
    String call = "FEATURE(`" + args + "')";
    return new Need(tag, false, EVERY, cf -> cf.has(f), (e, cf) -> never(e, cf) + "it was built without "
        + call + "; add " + call + "dnl after FEATURE(`access_db') in sendmail.mc" + note
        + " and rebuild sendmail.cf");
  }

  private static Need tlsSessionFeatures(String tag) {
    return new Need(tag, false, EVERY, cf -> cf.has(Feature.TLS_SESSION_FEATURES), (e, cf) -> never(e, cf)
        + "it was built without FEATURE(`tls_session_features'); add"
        + " FEATURE(`tls_session_features')dnl"
        + (!cf.version().isEmpty() && !cf.versionAtLeast("8.16.1")
            ? " (it needs sendmail 8.16.1 or later; this cf is for " + cf.version() + ")" : "")
        + " and rebuild sendmail.cf");
  }

  /**
   * The cf has a clt_features ruleset: seen in the rules, or implied by the version when the
   * rules are unknown ({@link CfFile#of}); m4 writes it into every cf since 8.17.1.
   */
  static boolean hasCltFeatures(CfFile cf) {
    return cf.hasRuleset("clt_features") || cf.versionAtLeast("8.17.1");
  }

  private static String never(Entry e, CfFile cf) {
    return e.tag() + ": entries are never looked up with " + ConfigRule.name(cf) + ": ";
  }

  private static String fromRelay(Entry e, CfFile cf, String feature) {
    return Values.quote(e.key()) + " RELAY does not let this sender relay: " + ConfigRule.name(cf)
        + " was built without " + feature + ", so sendmail treats RELAY here like OK (the sender"
        + " is accepted, relaying is still refused); add " + feature + "dnl (anyone can forge a"
        + " sender address: SMTP AUTH is the safer way), or write OK";
  }

  /** {@code user@domain}: a local part and a domain. */
  private static boolean isAddress(Entry e) {
    int at = lastAt(e);
    return at > e.tagEnd() + 1 && at < e.keyLength() - 1;
  }

  /** The subject holds an {@code @}. */
  private static boolean subjectHasAt(Entry e) {
    return lastAt(e) > e.tagEnd();
  }

  /**
   * Index of the key's last {@code @}, or -1: read in the line's bytes, as these needs ask it of
   * every From: and To: RELAY entry, and a key string each was most of their cost.
   */
  private static int lastAt(Entry e) {
    int i = e.keyLength() - 1;
    while (i >= 0 && e.line().byteAt(i) != '@') {
      i--;
    }
    return i;
  }
}
