package io.accessctl.lint.rules;

import io.accessctl.catalog.Catalog;
import io.accessctl.lint.LintContext;

/**
 * How a key splits into tag and subject the way sendmail's rulesets build it: what the
 * {@link io.accessctl.lint.Linter} dispatches rules by, and what {@link KeyRule} judges keys by,
 * so that both see the same tag.
 */
public final class KeySplit {
  private KeySplit() {}

  /** True when {@code text}, the key's text before its first colon, is a tag (not {@code IPv6}). */
  public static boolean isTag(String text) {
    return Ascii.isTagWord(text) && !text.equalsIgnoreCase(KeyRule.IPV6);
  }

  /**
   * True when a key whose text before its first colon is {@code text} may be an IPv6 literal
   * ({@code fe80::1}), which is untagged: one to four hex digits.
   */
  public static boolean mayBeIpv6Literal(String text) {
    return Ascii.isRun(text, 4, c -> Ascii.isHexDigit((char) c));
  }

  /** True when the whole key is an IPv6 literal without prefix, so untagged. */
  public static boolean isIpv6Literal(String key) {
    return KeyRule.isIpv6Literal(key);
  }

  /** The catalogue plus the CITag tags this file's TLS requirements name (once per file). */
  public static Catalog catalog(LintContext ctx) {
    return KeyRule.catalog(ctx);
  }
}
