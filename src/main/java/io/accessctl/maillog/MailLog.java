package io.accessctl.maillog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Feeds a log's lines to a scanner. */
public final class MailLog {
  private MailLog() {}

  /**
   * Reads every line of {@code in} (gzip or plain). Lines are decoded as ISO-8859-1: syslog
   * passes whatever bytes a peer sent (a HELO name, a recipient), and one stray byte must not
   * end the read; the fields we keep are ASCII either way.
   */
  public static void scan(InputStream in, LocalDate reference, FailureScanner scanner)
      throws IOException {
    scanner.reference(reference);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(LogInput.decompressed(in),
        StandardCharsets.ISO_8859_1), 1 << 16)) {
      String line;
      while ((line = r.readLine()) != null) {
        scanner.accept(line);
      }
    }
  }
}
