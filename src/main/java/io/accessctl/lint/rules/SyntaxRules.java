package io.accessctl.lint.rules;

import io.accessctl.lint.Rule;
import java.util.List;

/** AC1xx: what makemap does with the text. */
public final class SyntaxRules {
  private SyntaxRules() {}

  public static List<Rule> all() {
    return List.of(new LeadingWhitespace(), new MissingValue(), new DuplicateKey(),
        new LineTooLong(), new NulByte(), new Crlf(), new Utf8Bom(), new InlineComment(),
        new TrailingBlanks(), new NonAsciiKey(), new IndentedComment(), new WrappedValue());
  }
}
