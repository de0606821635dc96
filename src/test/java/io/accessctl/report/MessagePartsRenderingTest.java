package io.accessctl.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Message;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.testutil.AccessGen;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A finding whose message is kept as parts ({@link Message}) is written, in every format, exactly
 * as the same finding with its message as one string: the rule's long shared words between
 * values that need escaping, cut anywhere, in reports small and large enough for two threads.
 */
class MessagePartsRenderingTest {
  private static final RuleInfo RULE =
      new RuleInfo("AC403", "clt-features-8171", Severity.WARNING, "summary", "explained");
  /** Words a rule says on every finding: long enough for their rendering to be kept. */
  private static final String[] SHARED = {
      "the clt_features ruleset in /etc/mail/sendmail.cf (sendmail 8.17.1.9) looks up the client"
          + " connected to this sendmail ({client_name}, {client_addr}), not the server: ",
      "; only the bare Clt_Features: default works before sendmail 8.17.2, so write Try_TLS:",
      "; \"quoted\" <markup> & 100% of\tthe words\u2192here need escaping in some format or other",
  };
  private static final String[] VALUES = {
      "mx.example.net", "caf\u00e9.example", "\"x\"", "\\", "\t", "\r\n", "\u001b[31m", "%2C",
      "a,b:c", "<&>", "\u202e", "\u65e5", "\ud83d\udce7", "\ud800", "\udc00", "?", "",
  };

  @Test
  void aMessageOfPartsIsWrittenAsItsTextInEveryFormat() {
    long seed = AccessGen.seed();
    System.err.println("MessagePartsRenderingTest: " + AccessGen.replayHint(seed));
    for (int c = 0; c < 24; c++) {
      Random rnd = new Random(AccessGen.caseSeed(seed, c));
      int n = c % 8 == 7 ? Chunks.PARALLEL_FROM + rnd.nextInt(1000) : 1 + rnd.nextInt(40);
      List<Diagnostic> asParts = new ArrayList<>();
      List<Diagnostic> asText = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<String> parts = parts(rnd);
        Message message = Message.of(parts.toArray(new String[0]));
        int line = 1 + i;
        asParts.add(new Diagnostic("access", line, 1 + rnd.nextInt(9), RULE.severity(), RULE,
            message, "Clt_Features:mx.example.net\tS", false, null));
        asText.add(new Diagnostic("access", line, asParts.get(i).column(), RULE.severity(), RULE,
            String.join("", parts), "Clt_Features:mx.example.net\tS", false, null));
      }
      LintReport parts = new LintReport(List.of("access"), asParts);
      LintReport text = new LintReport(List.of("access"), asText);
      for (OutputFormat format : OutputFormat.values()) {
        Reporter reporter = format.reporter(new ReportOptions(rnd.nextBoolean(), "1.2.3"));
        String context = format + " case " + c + ", " + AccessGen.replayHint(seed);
        assertThat(bytes(reporter, parts)).as(context).isEqualTo(bytes(reporter, text));
        assertThat(chars(reporter, parts)).as(context).isEqualTo(chars(reporter, text));
      }
    }
  }

  /** Shared words and values in turn, as a rule cuts its message, sometimes cut further. */
  private static List<String> parts(Random rnd) {
    List<String> parts = new ArrayList<>();
    int n = 1 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      parts.add(i % 2 == 0 ? SHARED[rnd.nextInt(SHARED.length)]
          : VALUES[rnd.nextInt(VALUES.length)]);
    }
    if (rnd.nextInt(4) == 0) { // a part cut anywhere, a surrogate pair included
      int i = rnd.nextInt(parts.size());
      String p = parts.get(i);
      int at = p.isEmpty() ? 0 : rnd.nextInt(p.length());
      parts.set(i, p.substring(0, at));
      parts.add(i + 1, p.substring(at));
    }
    return parts;
  }

  private static String bytes(Reporter reporter, LintReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporter.write(report, out);
    return new String(out.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static String chars(Reporter reporter, LintReport report) {
    StringWriter out = new StringWriter();
    reporter.write(report, new PrintWriter(out));
    return out.toString();
  }
}
