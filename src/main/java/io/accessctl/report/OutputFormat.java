package io.accessctl.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of {@code accessctl lint --format}. */
public enum OutputFormat {
  /** For people: the gcc line, the offending line with a caret, and a summary. */
  TEXT,
  /** One {@code file:line:col: severity: message [ID name]} line per finding, for editors. */
  GCC,
  /** One JSON document; see {@link JsonReporter}. */
  JSON,
  /** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers; see {@link SarifReporter}. */
  SARIF,
  /** GitHub Actions workflow commands annotate the pull request; see {@link GithubReporter}. */
  GITHUB,
  /** Checkstyle XML for CI servers (Jenkins, GitLab, reviewdog); see {@link CheckstyleReporter}. */
  CHECKSTYLE;

  /** The name used on the command line: {@code text}, {@code gcc}, … */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format with this name, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the valid formats when there is no such format
   */
  public static OutputFormat parse(String name) {
    String wanted = name == null ? "" : name.strip();
    for (OutputFormat f : values()) {
      if (f.word().equalsIgnoreCase(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown output format \"" + wanted + "\"; valid formats: "
        + Arrays.stream(values()).map(OutputFormat::word).collect(Collectors.joining(", ")));
  }

  /** A reporter that writes this format. */
  public Reporter reporter(ReportOptions options) {
    return switch (this) {
      case TEXT -> new TextReporter(options.color());
      case GCC -> new GccReporter();
      case JSON -> new JsonReporter();
      case SARIF -> new SarifReporter(options.toolVersion());
      case GITHUB -> new GithubReporter();
      case CHECKSTYLE -> new CheckstyleReporter();
    };
  }
}
