package io.accessctl.app;

import io.accessctl.rules.TwoThreadBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The line loop of {@code lookup --batch} and {@code lookup --ruleset - --batch}: lines read in
 * chunks of {@link TwoThreadBatch#CHUNK}, answered through a {@link TwoThreadBatch} (each printed
 * on the thread that answered it), written in their order.
 */
public final class BatchLines {
  /** A line's answer as printed, and whether it counts against the exit status. */
  public record Printed(String text, boolean failed) {}

  private BatchLines() {}

  /**
   * Answers every non-empty line of {@code in} in order and writes the answers to {@code out};
   * returns how many failed. A script on standard input that waits for its answers gets those to
   * the lines that came so far.
   */
  public static <A> int answer(BufferedReader in, Writer out, TwoThreadBatch<A> batch,
      BiFunction<A, String, Printed> answer) throws IOException {
    int failed = 0;
    List<String> chunk = new ArrayList<>(TwoThreadBatch.CHUNK);
    StringBuilder buf = new StringBuilder(1 << 16);
    String line;
    do {
      line = in.readLine();
      if (line != null && !line.isEmpty()) {
        chunk.add(line);
      }
      if (!chunk.isEmpty() && (chunk.size() == TwoThreadBatch.CHUNK || line == null
          || !in.ready())) {
        for (Printed p : batch.ask(chunk, answer)) {
          failed += p.failed() ? 1 : 0;
          buf.append(p.text());
        }
        out.write(buf.toString());
        out.flush();
        buf.setLength(0);
        chunk.clear();
      }
    } while (line != null);
    return failed;
  }
}
