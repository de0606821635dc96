package io.accessctl.lint.rules;

import io.accessctl.catalog.Tag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Needs;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.util.List;
import java.util.Optional;

/** AC226: {@code TLS_Srv VERIFY+CN} — a blank where the tag's colon belongs. */
public final class TagWithoutColon extends KeyRule {
  static final RuleInfo INFO = new RuleInfo("AC226", "tag-without-colon", Severity.ERROR,
      "a tag followed by a blank instead of a colon",
      """
      The key ends at the first blank, so 'TLS_Srv VERIFY+CN' is the untagged key 'tls_srv' with
      the value 'VERIFY+CN', and 'Try_TLS broken.example NO' the key 'try_tls' with the value
      'broken.example NO'. No TLS ruleset looks up such a key; the Connect, From and To checks do
      (as a host or domain named tls_srv), so the entry is dead or worse. Put the colon after the
      tag, then the host, address or nothing (the bare default, where the tag has one).

      Wrong:
        TLS_Srv VERIFY+CN
        Try_TLS broken.example NO
      Right:
        TLS_Srv: VERIFY+CN
        Try_TLS:broken.example NO
      """);

  @Override
  public Needs needs() {
    return Needs.untaggedEntries();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  void check(Key k, LintContext ctx, Findings out) {
    if (k.tagged() || Damage.of(k.entry(), true, null, ctx.catalog())
        != Damage.Kind.TAG_WITHOUT_COLON) {
      return;
    }
    List<String> words = Values.words(Values.intended(k.entry().value()));
    Optional<Tag> found = Damage.tagWithoutColon(k.subject(), words, ctx.catalog());
    if (found.isEmpty()) {
      return;
    }
    Tag tag = found.get();
    String written = plain(k.subject());
    String value = plain(String.join(" ", words));
    String fix;
    if (words.size() >= 2 && SpaceAfterColon.looksLikeSubject(words.get(0))) {
      fix = written + ":" + plain(words.get(0)) + " "
          + plain(String.join(" ", words.subList(1, words.size())));
    } else if (tag.hasBareDefault()) {
      fix = written + ": " + value + " for every host without an entry of its own, or " + written
          + ":host.example " + value + " for one";
    } else {
      fix = written + ":host.example " + value + " with the host or address meant";
    }
    out.add(INFO, k.entry(), k.entry().keyColumn() + k.subject().length(), "the tag " + written
        + " is followed by a blank, not a colon: the key is " + Values.quote(k.subject())
        + " with the value " + Values.quote(String.join(" ", words)) + ", which no " + tag.name()
        + " lookup asks for (only the Connect, From and To checks, as a host named "
        + Values.quote(k.subject()) + "); write " + fix);
  }
}
