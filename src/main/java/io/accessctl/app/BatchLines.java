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
 * on the thread that answered it), written in their order. While the second thread answers a
 * chunk, this one joins and writes the answers to the chunk before and reads the lines already
 * there for the next.
 */
public final class BatchLines {
  /** A line's answer as printed, and whether it counts against the exit status. */
  public record Printed(String text, boolean failed) {}

  private final BufferedReader in;
  private final Writer out;
  /** A chunk's answers joined: megabytes, kept for the next chunk rather than made for each. */
  private final StringBuilder text = new StringBuilder();
  private boolean ended;
  /** What {@link #in} or {@link #out} failed with while the second thread answered. */
  private IOException failure;

  private BatchLines(BufferedReader in, Writer out) {
    this.in = in;
    this.out = out;
  }

  /**
   * Answers every non-empty line of {@code in} in order and writes the answers to {@code out};
   * returns how many failed. A script on standard input that waits for its answers gets those to
   * the lines that came so far.
   */
  public static <A> int answer(BufferedReader in, Writer out, TwoThreadBatch<A> batch,
      BiFunction<A, String, Printed> answer) throws IOException {
    return new BatchLines(in, out).answer(batch, answer);
  }

  private <A> int answer(TwoThreadBatch<A> batch, BiFunction<A, String, Printed> answer)
      throws IOException {
    int failed = 0;
    List<String> chunk = new ArrayList<>(TwoThreadBatch.CHUNK);
    read(chunk, true);
    List<Printed> unwritten = List.of();
    while (!chunk.isEmpty()) {
      List<String> next = new ArrayList<>(TwoThreadBatch.CHUNK);
      List<Printed> previous = unwritten;
      // the answers before are joined and written while the second thread answers: between
      // chunks it waits only for this one to finish its share
      List<Printed> answers = batch.ask(chunk, answer, () -> {
        if (failure == null) {
          try {
            write(previous);
            read(next, false);
          } catch (IOException e) {
            failure = e;
          }
        }
      });
      if (failure != null) {
        throw failure;
      }
      for (Printed p : answers) {
        failed += p.failed() ? 1 : 0;
      }
      unwritten = answers;
      if (next.size() < TwoThreadBatch.CHUNK) {
        // the input ended or is not there yet: the answers so far go out before waiting for it
        write(unwritten);
        unwritten = List.of();
        read(next, true);
      }
      chunk = next;
    }
    write(unwritten);
    return failed;
  }

  /**
   * Adds lines to {@code chunk} up to a full chunk while they are there; when {@code wait}, waits
   * for the first line of an empty chunk.
   */
  private void read(List<String> chunk, boolean wait) throws IOException {
    while (chunk.size() < TwoThreadBatch.CHUNK && !ended
        && (in.ready() || wait && chunk.isEmpty())) {
      String line = in.readLine();
      if (line == null) {
        ended = true;
      } else if (!line.isEmpty()) {
        chunk.add(line);
      }
    }
  }

  /** Writes the answers' lines as one string: a chunk's are megabytes, sized at once. */
  private void write(List<Printed> answers) throws IOException {
    if (answers.isEmpty()) {
      return;
    }
    int length = 0;
    for (Printed p : answers) {
      length += p.text().length();
    }
    text.setLength(0);
    text.ensureCapacity(length);
    for (Printed p : answers) {
      text.append(p.text());
    }
    out.write(text.toString());
    out.flush();
  }
}
