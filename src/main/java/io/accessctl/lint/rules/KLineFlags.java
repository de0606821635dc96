package io.accessctl.lint.rules;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AC410: the K line's -f / -N / -O against the way the map is built. The text is read with
 * accessctl's (= makemap's) -f setting, so "built with -f" means lint was run with -f; makemap
 * has no way to record -N in the text, so -N on the K line is a reminder.
 */
public final class KLineFlags extends ConfigRule {
  static final RuleInfo INFO = new RuleInfo("AC410", "k-line-flags", Severity.WARNING,
      "the access K line's -f, -N or -O does not fit how the map is built",
      """
      Both sides of a lookup must agree on case and on the trailing NUL byte. makemap folds keys
      to lower case unless given -f; sendmail folds lookup keys unless the K line in sendmail.cf
      has -f. With -f on the K line sendmail looks keys up spelt as its rules spell them
      (Connect:, Try_TLS:, Srv_Features:, qgrp:), so a map built without -f (all lower case)
      misses nearly everything, and a map built with -f must spell every tag exactly so. A map
      built with -f for a K line without it loses every key with a capital letter. -N on the K
      line finds only keys stored with a trailing NUL (makemap -N; Debian's Makefile does not use
      it); -N together with -O finds nothing at all.

      Wrong (K line: Kaccess hash -f -T<TMPF> /etc/mail/access; map built by plain makemap):
        Try_TLS:mx.broken.example NO
      Right: remove -f from the K line (FEATURE(`access_db') without a map argument), or
      build with makemap -f and keep the rules' spelling:
        Try_TLS:mx.broken.example NO
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(CfFile cf, LintContext ctx, Findings out) {
    AccessMapSpec k = cf.accessMap().orElse(null);
    if (k == null) {
      return; // a CfFile.of() without a K line
    }
    String kline = "the access K line in " + name(cf);
    if (k.nulKeys() && k.noNulKeys()) {
      out.addFileLevel(INFO, Severity.WARNING, kline + " has both -N and -O, so sendmail looks"
          + " for keys neither with nor without a trailing NUL byte: no entry can ever match;"
          + " remove both flags");
    } else if (k.nulKeys()) {
      out.addFileLevel(INFO, Severity.INFO, kline + " has -N, so sendmail finds only keys stored"
          + " with a trailing NUL byte: build this map with makemap -N (Debian's /etc/mail/Makefile"
          + " does not), or remove -N from the K line; otherwise no entry matches");
    }
    boolean builtFolded = ctx.source().options().foldKeys();
    if (k.noFolding() && builtFolded) {
      foldedForCaseKeepingLookups(cf, ctx, out, kline);
    } else if (k.noFolding()) {
      misspeltTags(cf, ctx, out, kline);
    } else if (!builtFolded) {
      List<Entry> upper = ctx.source().entries().stream()
          .filter(e -> !e.storedKey().equals(e.storedKey().toLowerCase(Locale.ROOT))).toList();
      if (!upper.isEmpty()) {
        Entry first = upper.get(0);
        out.add(INFO, first, first.keyColumn(), "the map is built with -f (keys keep their case),"
            + " but " + kline + " has no -f, so sendmail looks up lower-case keys only: "
            + Values.quote(first.key()) + " never matches" + more(upper, "with capitals")
            + "; build the map without -f, or write the keys in lower case");
      }
    }
  }

  /** K line -f, map folded: every key whose tag the rules spell with a capital is lost. */
  private static void foldedForCaseKeepingLookups(CfFile cf, LintContext ctx, Findings out,
      String kline) {
    Map<String, String> spelling = spellings(cf);
    List<Entry> lost = ctx.source().entries().stream().filter(e -> {
      String s = spelling.get(e.tag().toLowerCase(Locale.ROOT));
      return s != null && !s.equals(s.toLowerCase(Locale.ROOT));
    }).toList();
    if (!lost.isEmpty()) {
      Entry first = lost.get(0);
      String tag = spelling.get(first.tag().toLowerCase(Locale.ROOT));
      out.add(INFO, first, first.keyColumn(), kline + " has -f, so sendmail looks up " + tag
          + ":… spelt as its rules spell it, but makemap without -f stores "
          + Values.quote(first.storedKey()) + ": it never matches" + more(lost, "like it")
          + "; remove -f from the K line, or build the map with makemap -f (and run accessctl"
          + " with -f) keeping the tags spelt as sendmail does");
    }
  }

  /** K line -f, map built with -f: a tag spelt in another case than the rules' is never found. */
  private static void misspeltTags(CfFile cf, LintContext ctx, Findings out, String kline) {
    Map<String, String> spelling = spellings(cf);
    Map<String, List<Entry>> byWrongTag = new LinkedHashMap<>();
    for (Entry e : ctx.source().entries()) {
      String s = spelling.get(e.tag().toLowerCase(Locale.ROOT));
      if (s != null && !s.equals(e.tag())) {
        byWrongTag.computeIfAbsent(e.tag(), t -> new ArrayList<>()).add(e);
      }
    }
    byWrongTag.forEach((wrong, entries) -> {
      Entry first = entries.get(0);
      String right = spelling.get(wrong.toLowerCase(Locale.ROOT));
      out.add(INFO, first, first.keyColumn(), kline + " has -f and the map keeps case, so keys"
          + " must be spelt as the rules look them up: sendmail asks for " + right + ":…, never "
           + wrong + ":…, so " + Values.quote(first.key()) + " never matches"
          + more(entries, "spelt so") + "; write " + right + ":" + first.subject());
    });
  }

  /** The rules' spelling of each tag they look up, by folded tag. */
  private static Map<String, String> spellings(CfFile cf) {
    Map<String, String> m = new HashMap<>();
    cf.lookupTags().forEach(t -> m.put(t.toLowerCase(Locale.ROOT), t));
    return m;
  }

  private static String more(List<Entry> entries, String which) {
    int n = entries.size() - 1;
    return n == 0 ? "" : ", nor " + (n == 1 ? "does 1 more key " : "do " + n + " more keys ")
        + which;
  }
}
