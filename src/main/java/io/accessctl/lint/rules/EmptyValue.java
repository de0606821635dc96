package io.accessctl.lint.rules;

import io.accessctl.lint.Needs;
import io.accessctl.catalog.Tag;
import io.accessctl.catalog.ValueKind;
import io.accessctl.lint.EntryRule;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import io.accessctl.tokens.Prescan;

/**
 * AC318: an empty value (a map built with {@code makemap -e}, or only blanks after a {@code -t}
 * separator; without -e makemap rejects the line, AC102), or a value in which sendmail finds no
 * token at all: only a (comment), or a lone {@code >}.
 */
public final class EmptyValue extends EntryRule {
  static final RuleInfo INFO = new RuleInfo("AC318", "empty-value", Severity.WARNING,
      "an empty value, or one in which sendmail finds nothing",
      """
      makemap -e stores a key without a value. sendmail then finds the key: the lookup stops there
      and the empty result does nothing, so broader entries (parent domains, shorter addresses, the
      bare Tag: default) never apply to what this key matches. A value that is only a
      (parenthesised comment) or a stray '>' is just as empty to sendmail, which drops both when it
      splits the value; then the rulesets go on with the looked-up name in place of the value:
      Connect, From and To reject with the client's name as the reply text, and srv_features reads
      the letters of the host name as feature letters. Give the entry a value or delete it.

      Wrong:
        Connect:192.0.2.7
        Connect:host.example (trusted)
      Right:
        Connect:192.0.2.7 OK
        # trusted
        Connect:host.example OK
      """);

  @Override
  public Needs needs() {
    return Needs.everyEntry().sameForSameValue();
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(Entry e, Tag tag, LintContext ctx, Findings out) {
    String value = Values.withoutCr(e.value());
    if (value.isBlank()) {
      out.add(INFO, e, e.valueColumn(), "key " + Values.quote(e.key()) + " has an empty value: "
          + "sendmail finds it, stops looking and does nothing, so broader entries never apply; "
          + "give it a value or delete it");
      return;
    }
    if (Prescan.hasTokens(value)) {
      return;
    }
    boolean action = (tag != null && tag.value() == ValueKind.ACTION) || !e.isTagged();
    String effect = action
        ? "sendmail rejects with the looked-up name or address as the reply text"
        : tag == null ? "the rulesets see the looked-up name instead of a value"
        : switch (tag.value()) {
          case FEATURE_FLAGS -> "sendmail reads the first letters of the looked-up host name as "
              + "feature letters";
          case TRY_TLS -> "STARTTLS is used";
          default -> "the rulesets see the looked-up name instead of a value";
        };
    out.add(INFO, action ? Severity.ERROR : Severity.WARNING, e, e.valueColumn(),
        "value " + Values.quote(value) + " is nothing to sendmail, which drops comments in "
            + "parentheses and stray brackets: " + effect + "; write a real value (comments go on "
            + "their own line above the entry)", false);
  }
}
