package io.accessctl.lint.rules;

import io.accessctl.catalog.Tag;
import io.accessctl.lint.Needs;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.Locale;
import java.util.Set;

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

      Wrong:
        Try_TLS:com NO
      Right:
        Try_TLS:mx.example.com NO
      """);

  /** Generic and much-used top-level domains; every two-letter label is a country code. */
  private static final Set<String> TLDS = Set.of(
      "com", "net", "org", "edu", "gov", "mil", "int", "arpa", "info", "biz", "name", "pro",
      "aero", "coop", "museum", "mobi", "asia", "tel", "travel", "jobs", "cat", "xxx", "post",
      "app", "dev", "xyz", "top", "online", "site", "club", "shop", "store", "tech", "blog",
      "cloud", "email", "live", "life", "link", "click", "win", "bid", "loan", "work", "party",
      "science", "stream", "download", "racing", "review", "trade", "date", "men", "icu", "vip",
      "space", "website", "fun", "host", "press", "services", "agency", "company", "digital",
      "network", "solutions", "systems", "global", "world", "today", "news", "media", "group",
      "page", "rest", "bar", "buzz", "cyou", "monster", "quest", "sbs", "cfd", "lol", "mom");
  /** Second-level labels that form public suffixes under country codes (co.uk, com.au, ne.jp). */
  private static final Set<String> SECOND_LEVEL = Set.of(
      "co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "mil", "gob", "nic",
      "ltd", "plc", "sch", "nhs", "gv", "ed", "lg", "ad");

  @Override
  public Needs needs() {
    return Needs.tagsWhere(Tag::looksUpNames).andUntagged();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    boolean walked = k.names(); // a host or mail-domain walk
    String subject = k.subject();
    int first = subject.startsWith(".") ? 1 : 0;
    int dot = subject.indexOf('.', first);
    if (!walked || subject.length() == first || (dot >= 0 && subject.indexOf('.', dot + 1) >= 0)) {
      return; // a name of three labels or more is neither a top-level domain nor a public suffix
    }
    String name = subject.substring(first).toLowerCase(Locale.ROOT);
    String kind = isTld(name) ? "the top-level domain" : isPublicSuffix(name) ? "the public suffix"
        : null;
    if (kind == null) {
      return;
    }
    out.add(INFO, k.entry(), k.subjectColumn(), "key " + k.shown() + " names " + kind + " ."
        + name + ": sendmail's name walk tries every parent domain (mx.example." + name
        + ", example." + name + ", " + name + "), so this entry applies to every host under ."
        + name + "; key the host or domain you mean (e.g. " + plain(k.with("mx.example." + name))
        + "), or add a suppression comment if all of ." + name + " is meant");
  }

  static boolean isTld(String label) {
    return TLDS.contains(label) || Ascii.isTwoLowerLetters(label)
        || (label.startsWith("xn--") && label.matches("xn--[a-z0-9-]+"));
  }

  static boolean isPublicSuffix(String name) {
    int dot = name.indexOf('.');
    return dot > 0 && name.indexOf('.', dot + 1) < 0
        && SECOND_LEVEL.contains(name.substring(0, dot))
        && Ascii.isTwoLowerLetters(name.substring(dot + 1));
  }
}
