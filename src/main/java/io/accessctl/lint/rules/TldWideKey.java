package io.accessctl.lint.rules;

import io.accessctl.catalog.PublicSuffixes;
import io.accessctl.catalog.Tag;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.Locale;

/** AC220: a key that is a top-level domain or public suffix, so it matches every host below. */
public final class TldWideKey extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC220", "tld-wide-key", Severity.WARNING,
      "a key that is a top-level domain or public suffix",
      """
      sendmail's name walk tries every parent domain of a name: for mx.example.com it looks up
      mx.example.com, example.com and com. A key that is a bare top-level domain (com, net, de) or
      a public suffix (co.uk, com.au) therefore matches every host below it: 'Try_TLS:com NO'
      turns STARTTLS off for every .com server, 'Connect:net REJECT' refuses every client whose
      name ends in .net. Key the host or domain you mean. If a whole top-level domain is really
      meant, say so with a suppression comment above the entry.

      Refusing a whole top-level domain is often deliberate, so a REJECT, DISCARD or ERROR: on
      such a key is an advice; any other value (NO, RELAY, OK, features) a warning. A key that is
      dead anyway (a To: rejection without blocklist_recipients, a .domain key without
      lookupdotdomain) draws no such finding. Top-level domains and public suffixes are those of
      the Public Suffix List's ICANN section.

      Wrong:
        Try_TLS:com NO
      Right:
        Try_TLS:mx.example.com NO
      """);

  @Override
  public Needs needs() {
    return Needs.tagsWhere(Tag::looksUpNames).andUntagged();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public boolean consultsCf() {
    return true;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    boolean walked = k.names(); // a host or mail-domain walk
    int first = k.length() > 0 && k.charAt(0) == '.' ? 1 : 0;
    if (!walked || k.length() == first || !PublicSuffixes.mayBeSuffix(k, first)) {
      return;
    }
    String name = k.subject().substring(first).toLowerCase(Locale.ROOT);
    String kind = name.indexOf('.') < 0 ? (isTld(name) ? "the top-level domain" : null)
        : isPublicSuffix(name) ? "the public suffix" : null;
    if (kind == null || deadAnyway(k, ctx)) {
      return;
    }
    Severity severity = UntaggedEntry.rejects(k.entry().value()) && rejectsMail(k)
        ? Severity.INFO : Severity.WARNING;
    out.add(INFO, severity, k.entry(), k.subjectColumn(), "key " + k.shown() + " names "
        + kind + " ." + name + ": sendmail's name walk tries every parent domain (mx.example." + name
        + ", example." + name + ", " + name + "), so this entry applies to every host under ."
        + name + "; key the host or domain you mean (e.g. " + plain(k.with("mx.example." + name))
        + "), or add a suppression comment if all of ." + name + " is meant", false);
  }

  /** A Connect, From or To key (or an untagged one): its value accepts or refuses mail. */
  private static boolean rejectsMail(Key k) {
    return k.untagged() || k.is("Connect") || k.is("From") || k.is("To");
  }

  /** True when the entry is never used whatever its key: another rule reports why. */
  private static boolean deadAnyway(Key k, LintContext ctx) {
    boolean toIgnored = k.is("To") && ToRejectWithoutBlocklist.applies(ctx)
        && !firstWordUpper(k.entry().value()).equals("RELAY");
    boolean dotDead = k.subject().startsWith(".") && ctx.cf().isPresent()
        && !ctx.cf().get().has(Feature.LOOKUPDOTDOMAIN);
    return toIgnored || dotDead;
  }

  static boolean isTld(String label) {
    return PublicSuffixes.isTopLevelDomain(label);
  }

  static boolean isPublicSuffix(String name) {
    return PublicSuffixes.isPublicSuffix(name);
  }
}
