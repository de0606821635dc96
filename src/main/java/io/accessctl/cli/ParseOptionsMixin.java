package io.accessctl.cli;

import io.accessctl.source.ParseOptions;
import picocli.CommandLine.Option;

/** makemap's text options, shared by lint, compile and lookup on text maps. */
public final class ParseOptionsMixin {
  @Option(names = "-t", paramLabel = "DELIM",
      description = "Key/value separator (first byte), instead of white space (makemap -t).")
  String delimiter;

  @Option(names = "-D", paramLabel = "CHAR",
      description = "Comment character (first byte; '' for none) instead of # (makemap -D).")
  String commentChar;

  @Option(names = "-f", description = "Do not fold keys to lower case (makemap -f).")
  boolean noFold;

  @Option(names = "-e", description = "Allow keys without value (makemap -e).")
  boolean allowEmpty;

  public ParseOptions toOptions() {
    ParseOptions o = ParseOptions.defaults();
    if (delimiter != null && !delimiter.isEmpty()) {
      o = o.withDelimiter(delimiter.charAt(0) & 0xff);
    }
    if (commentChar != null) {
      o = o.withCommentChar(commentChar.isEmpty() ? ParseOptions.NONE : commentChar.charAt(0) & 0xff);
    }
    return o.withFoldKeys(!noFold).withAllowEmptyValues(allowEmpty);
  }
}
