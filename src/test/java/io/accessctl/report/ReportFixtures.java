package io.accessctl.report;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The findings every format's golden file is made from: two files, one of them clean, and
 * findings whose messages and source lines hold everything an output format must escape — CR, LF,
 * tab, {@code "}, {@code \}, {@code %}, {@code ,}, {@code :}, {@code <&>}, non-ASCII UTF-8 (also
 * outside the BMP), an invalid UTF-8 byte — plus a finding about the whole file (line 0), one
 * without a column, and a line too long to show whole. They are listed out of order, so the
 * goldens also prove the report order.
 */
final class ReportFixtures {
  static final String ACCESS = "mail/access";
  static final String CLEAN = "mail/access.local";

  static final RuleInfo CRLF = new RuleInfo("AC106", "crlf", Severity.WARNING,
      "CRLF (Windows) line endings",
      "makemap removes only the LF at the end of a line; the CR stays in the value.\n\n"
          + "Wrong:\n  Try_TLS:broken.example NO\\r\\n\nRight:\n  Try_TLS:broken.example NO\\n");
  static final RuleInfo INLINE_COMMENT = new RuleInfo("AC108", "inline-comment", Severity.WARNING,
      "a comment after the value, which makemap keeps as part of the value",
      "Everything after the key is the value, so 'NO # broken' is not NO.\n\n"
          + "Wrong:\n  Try_TLS:broken.example NO # handshake fails\n"
          + "Right:\n  # handshake fails\n  Try_TLS:broken.example NO");
  static final RuleInfo DUPLICATE_KEY = new RuleInfo("AC103", "duplicate-key", Severity.ERROR,
      "the same key twice", "makemap keeps one of them: the last with -r, else it fails.");
  static final RuleInfo LINE_TOO_LONG = new RuleInfo("AC104", "line-too-long", Severity.WARNING,
      "a line longer than makemap's 1024-byte buffer",
      "makemap reads lines with fgets into 1024 bytes and splits longer ones.");
  static final RuleInfo NON_ASCII_KEY = new RuleInfo("AC110", "non-ascii-key", Severity.INFO,
      "a key with non-ASCII bytes", "sendmail compares bytes; write the IDNA (xn--) form.");
  static final RuleInfo QUOTED_VALUE = new RuleInfo("AC305", "quoted-value", Severity.WARNING,
      "quotes or a backslash in a keyword value",
      "Quotes are part of the value: \"REJECT\" is not REJECT.");
  static final RuleInfo STALE_DB = new RuleInfo("AC601", "stale-database", Severity.WARNING,
      "access.db older than access", "sendmail reads the db, not the text: compile after editing.");

  /** Line 3: a tab between key and value, an inline comment with {@code , <&>}, CR at the end. */
  static final String LINE3 = "Try_TLS:broken.example\tNO # broken, see <ticket&42>\r";
  /** Line 4: UTF-8 in the key and a wide character in the value. */
  static final String LINE4 = "Connect:ex\u00c3\u00a4mple.com\tREJECT \u00e6\u0097\u00a5";
  /** Line 5: an invalid UTF-8 byte (Latin-1 é) in the key, quotes, {@code <&>} and {@code \}. */
  static final String LINE5 = "From:caf\u00e9@example.com\t\"REJECT\" <&> \\";
  static final String LINE6 = "Connect:10.0.0.1\tRELAY";
  /** Line 7: 1100 bytes, found at column 234 (the T of TAIL). */
  static final String LINE7 = "To:long.example\tERROR:5.7.1:550 " + "x".repeat(200) + " TAIL "
      + "y".repeat(1100 - 16 - 16 - 200 - 6);

  static final Diagnostic STALE = new Diagnostic(ACCESS, 0, 0, Severity.WARNING, STALE_DB,
      "mail/access.db is older than mail/access: sendmail still uses the old entries; run"
          + " accessctl compile", null, false);
  static final Diagnostic COMMENT = new Diagnostic(ACCESS, 3, 24, Severity.ERROR, INLINE_COMMENT,
      "value \"NO # broken, see <ticket&42>\\r\" is not NO, so sendmail still tries STARTTLS with"
          + " broken.example; move the comment to its own line above the entry",
      LINE3, false);
  static final Diagnostic CR = new Diagnostic(ACCESS, 3, 52, Severity.WARNING, CRLF,
      "line ends with CR LF (raw: \"\r\n\"): makemap stores the CR as part of the value; convert"
          + " the file to LF endings (accessctl lint --fix)",
      LINE3, true);
  static final Diagnostic NON_ASCII = new Diagnostic(ACCESS, 4, 11, Severity.INFO, NON_ASCII_KEY,
      "key \"ex\u00e4mple.com\" has non-ASCII characters \u2192 only the exact UTF-8 bytes match"
          + " \ud83d\udce7; write \"xn--exmple-cua.com\"",
      LINE4, false);
  static final Diagnostic QUOTED = new Diagnostic(ACCESS, 5, 23, Severity.WARNING, QUOTED_VALUE,
      "value \"\\\"REJECT\\\" <&> \\\\\" has quotes, so it is not REJECT: 100% of mail from"
          + " caf\ufffd@example.com is rejected with that text;\tremove the quotes",
      LINE5, true);
  static final Diagnostic DUPLICATE = new Diagnostic(ACCESS, 6, 0, Severity.ERROR, DUPLICATE_KEY,
      "key \"Connect:10.0.0.1\" appears again (first on line 2): makemap -r keeps this one,"
          + " makemap without -r fails",
      LINE6, false);
  static final Diagnostic TOO_LONG = new Diagnostic(ACCESS, 7, 234, Severity.WARNING,
      LINE_TOO_LONG, "line is 1100 bytes long, but makemap reads at most 1023; shorten the message",
      LINE7, false);

  /** Two files (the second clean), the findings given out of order. */
  static LintReport report() {
    return new LintReport(List.of(ACCESS, CLEAN),
        List.of(TOO_LONG, CR, QUOTED, STALE, NON_ASCII, DUPLICATE, COMMENT));
  }

  /** A report of just these findings, on the files they name. */
  static LintReport of(Diagnostic... diagnostics) {
    return new LintReport(List.of(), List.of(diagnostics));
  }

  static String render(OutputFormat format, boolean color, LintReport report) {
    StringWriter sw = new StringWriter();
    format.reporter(new ReportOptions(color, "0.1.0")).write(report, new PrintWriter(sw));
    return sw.toString();
  }

  static String render(OutputFormat format, LintReport report) {
    return render(format, false, report);
  }

  static Diagnostic at(String file, int line, int column, Severity severity, RuleInfo rule,
      String message, String source) {
    return new Diagnostic(file, line, column, severity, rule, message, source, false);
  }

  private ReportFixtures() {}
}
