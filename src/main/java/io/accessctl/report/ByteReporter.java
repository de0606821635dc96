package io.accessctl.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A reporter that renders its format as UTF-8 bytes ({@link ByteText}), whatever it writes to. */
abstract class ByteReporter implements Reporter {
  /** Appends the whole report to {@code out}, spilling as it goes. */
  abstract void render(LintReport report, ByteText out);

  @Override
  public final void write(LintReport report, PrintWriter out) {
    // chunks end between findings, so each decodes on its own
    ByteText text = new ByteText(
        (bytes, length) -> out.write(new String(bytes, 0, length, StandardCharsets.UTF_8)));
    render(report, text);
    text.drain();
    out.flush();
  }

  @Override
  public final void write(LintReport report, OutputStream out) {
    ByteText text = new ByteText((bytes, length) -> {
      try {
        out.write(bytes, 0, length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    render(report, text);
    text.drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
