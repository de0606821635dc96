package io.accessctl.lint.rules;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.EntryView;
import io.accessctl.lint.EntryVisitor;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Message;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.lint.ValueIndex;
import io.accessctl.source.Entry;
import java.util.Arrays;

/** AC403: with 8.17.1's rules, Clt_Features:host is keyed by the inbound client, not the server. */
public final class CltFeatures8171 extends EntryVisitor {
  static final RuleInfo INFO = new RuleInfo("AC403", "clt-features-8171", Severity.WARNING,
      "Clt_Features:host entries with sendmail 8.17.1's rules, which look up the wrong host",
      """
      Clt_Features: is meant to turn client features off per server sendmail delivers to. But the
      clt_features ruleset of sendmail 8.17.1 (Debian 12's 8.17.1.9 included) ignores the server
      and looks up {client_name} and {client_addr}: the client connected to this sendmail in the
      current SMTP session, or nothing at all in a queue run. An entry keyed by a server name or
      address therefore does not apply to deliveries to that server; only the bare default
      Clt_Features: works as documented. 8.17.2 fixed the ruleset (it looks up the server name).
      For STARTTLS use Try_TLS:, which has always been keyed by the server.

      Wrong (8.17.1):
        Clt_Features:mx.broken.example S
      Right:
        Try_TLS:mx.broken.example NO
      """);

  /**
   * Judged entry by entry, in the walk that already holds each entry: a whole-file pass of its own
   * added its findings as a second run in line order, which the report order then merged with the
   * walk's (on 100,000 entries a third warned, most of the sort's time).
   */
  @Override
  public Needs needs() {
    return Needs.tags("Clt_Features").withCf();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void visit(EntryView v, LintContext ctx, Findings out) {
    Entry e = v.entry();
    if (!e.tagIs("Clt_Features") || e.hasEmptySubject()) {
      return;
    }
    Wording w = ctx.memo(MEMO, CltFeatures8171::wording);
    if (w.before == null) {
      return; // no ruleset at all is AC402's; 8.17.2+ rules are right
    }
    boolean stops = w.stopsTls(e, v.valueHash());
    out.add(INFO, e, e.keyColumn(), () -> message(w.before, e, stops));
  }

  private static final String MEMO = "clt-features-8171";

  /**
   * What the file's findings share: the rule's words before the server's name, made once, not per
   * finding (null where the cf's rules are right or absent), and whether each distinct value stops
   * STARTTLS.
   */
  private static final class Wording {
    final String before;
    /**
     * Per walking thread, by value: a large map repeats a few values many times, told apart by
     * their bytes, so that no value string is made per entry.
     */
    private final ThreadLocal<StopsTls> stops = ThreadLocal.withInitial(StopsTls::new);

    Wording(String before) {
      this.before = before;
    }

    /** @param valueHash {@code e.valueHash()}, found once for the entry's view */
    boolean stopsTls(Entry e, int valueHash) {
      return stops.get().of(e, valueHash);
    }
  }

  private static Wording wording(LintContext ctx) {
    CfFile cf = ConfigRule.judged(ctx).orElse(null);
    if (cf == null || !FeatureMissing.hasCltFeatures(cf) || cf.has(Feature.CLT_FEATURES_BY_SERVER)
        || (!cf.hasRuleset("clt_features") && cf.versionAtLeast("8.17.2"))) {
      return new Wording(null);
    }
    return new Wording("the clt_features ruleset in " + ConfigRule.name(cf) + " (sendmail "
        + (cf.version().isEmpty() ? "8.17.1" : cf.version()) + ") looks up"
        + " the client connected to this sendmail ({client_name}, {client_addr}), not the"
        + " server it delivers to, so this entry does not apply to deliveries to ");
  }

  /** One thread's answers of {@link #stopsTls(String)}, by the value's number. */
  private static final class StopsTls {
    private final ValueIndex values = new ValueIndex(DISTINCT_VALUES);
    private boolean[] stops = new boolean[DISTINCT_VALUES];

    boolean of(Entry e, int valueHash) {
      int known = values.size();
      int n = values.of(e, valueHash, 0);
      if (n == known) {
        if (n == stops.length) {
          stops = Arrays.copyOf(stops, 2 * n);
        }
        stops[n] = stopsTls(e.value());
      }
      return stops[n];
    }
  }

  /**
   * The finding, with what does work on 8.17.1 for the letters the entry sets: the server's name
   * between the rule's own words, which a large map's thousands of findings share.
   */
  private static Message message(String before, Entry e, boolean stopsTls) {
    String subject = e.subject();
    return stopsTls
        ? Message.of(before, subject, STOP_TLS, subject, NO_THEN_WORKS)
        : Message.of(before, subject, THEN_WORKS);
  }

  /** Distinct values made room for at first: a map writes a handful of letter sets. */
  private static final int DISTINCT_VALUES = 16;

  private static final String WORKS =
      "only the bare Clt_Features: default works before sendmail 8.17.2";
  private static final String THEN_WORKS = "; " + WORKS;
  private static final String STOP_TLS = "; to stop STARTTLS with that server write Try_TLS:";
  private static final String NO_THEN_WORKS = " NO; " + WORKS;

  /** Whether the value's letters turn STARTTLS off. */
  private static boolean stopsTls(String value) {
    String v = Values.intended(value);
    return !FeatureLetters.isTemp(v) && FeatureLetters.firstCharacters(v).indexOf('S') >= 0;
  }
}
