package io.accessctl.app.rules;

import io.accessctl.app.MapSource;
import io.accessctl.app.MapTarget;
import io.accessctl.app.Maps;
import io.accessctl.cf.CfFile;
import io.accessctl.report.Json;
import io.accessctl.rules.MapStorage;
import io.accessctl.source.ParseOptions;
import java.io.Closeable;
import java.io.UncheckedIOException;
import java.util.Optional;
import io.accessctl.rules.CfException;
import io.accessctl.rules.RulesetLookup;
import io.accessctl.rules.TwoThreadBatch;
import io.accessctl.rules.RulesetLookup.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code lookup --cf CF --ruleset NAME[,NAME…] INPUT} and {@code --ruleset - --batch}: sendmail -bt
 * answers from the cf's own rules, one answer per question, as text or JSON {@code
 * {"ruleset","input","result","tried"}} (and {@code "error"} when something stopped a ruleset).
 * With {@code --map MAP}, MAP stands in for the file the cf's access K line names, as it does for
 * {@code lookup TAG NAME}: the rules look their access keys up in MAP, the K line's options
 * applied.
 */
public final class RulesetQuestions implements Closeable {
  /** Exit status: every question answered without error. */
  public static final int OK = 0;
  /** Exit status: some ruleset stopped with an error, loops, or is not defined. */
  public static final int STOPPED = 1;

  private final RulesetLookup lookup;
  private final boolean json;
  /** Makes a second copy for a batch's second thread; opens what it reads itself. */
  private final Callable<Opened> twin;
  private final List<Closeable> opened = new ArrayList<>();

  /** A compiled cf, and the map it reads in place of the K line's file (or none). */
  private record Opened(RulesetLookup lookup, Optional<MapSource> access) {}

  private RulesetQuestions(Opened o, boolean json, Callable<Opened> twin) {
    this.lookup = o.lookup();
    this.json = json;
    this.twin = twin;
    o.access().ifPresent(opened::add);
  }

  /**
   * Compiles the cf once.
   *
   * @throws IOException the cf cannot be read
   * @throws CfException the cf cannot be compiled (the message names the line)
   */
  public static RulesetQuestions open(Path cf, Map<String, String> defines, boolean json)
      throws IOException, CfException {
    Callable<Opened> open = () -> new Opened(RulesetLookup.open(cf, defines), Optional.empty());
    return new RulesetQuestions(call(open), json, open);
  }

  /**
   * Compiles the cf once, its access map read from {@code map} (a text map parsed as compile
   * parses it with the K line's options, a compiled file, or a store) instead of the K line's
   * file.
   *
   * @throws IOException the cf or the map cannot be read
   * @throws CfException the cf cannot be compiled
   */
  public static RulesetQuestions open(Path cf, Path map, ParseOptions parse,
      Map<String, String> defines, boolean json) throws IOException, CfException {
    MapTarget target = MapTarget.lookup(Optional.of(CfFile.read(cf)), null);
    Callable<Opened> open = () -> {
      MapSource source = Maps.open(map, target, parse);
      MapStorage records = key -> {
        try {
          return source.get(key);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
      try {
        return new Opened(RulesetLookup.open(cf, defines, Map.of(CfFile.ACCESS_MAP, records)),
            Optional.of(source));
      } catch (IOException | CfException | RuntimeException e) {
        source.close();
        throw e;
      }
    };
    return new RulesetQuestions(call(open), json, open);
  }

  private static Opened call(Callable<Opened> open) throws IOException, CfException {
    try {
      return open.call();
    } catch (IOException | CfException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (opened) {
      for (Closeable c : opened) {
        c.close();
      }
      opened.clear();
    }
  }

  /** Answers one question; returns the exit status. */
  public int one(String rulesets, String input, PrintWriter out) {
    Reply r = lookup.ask(rulesets, input);
    out.print(json ? json(r) + "\n" : text(r));
    out.flush();
    return r.result() == null || r.error() != null ? STOPPED : OK;
  }

  /**
   * Answers every line {@code NAME[,NAME…]<TAB>INPUT}, in order; returns the exit status. A
   * second compiled copy answers half of each chunk on a second core ({@link TwoThreadBatch}).
   */
  public int batch(InputStream in, PrintWriter out) throws IOException {
    int status = OK;
    try (TwoThreadBatch<RulesetLookup> answers = new TwoThreadBatch<>(lookup, this::secondCopy,
        RulesetLookup::book);
        BufferedReader r = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.ISO_8859_1), 1 << 16)) {
      StringBuilder buf = new StringBuilder(1 << 16);
      List<Question> chunk = new ArrayList<>(TwoThreadBatch.CHUNK);
      List<String> unreadable = new ArrayList<>(TwoThreadBatch.CHUNK);
      String line;
      do {
        line = r.readLine();
        if (line != null && !line.isEmpty()) {
          int tab = line.indexOf('\t');
          chunk.add(tab < 0 ? null : new Question(line.substring(0, tab),
              line.substring(tab + 1)));
          unreadable.add(tab < 0 ? line : null);
        }
        // standard input from a script waiting for its answers: answer what came so far
        if (!chunk.isEmpty() && (chunk.size() == TwoThreadBatch.CHUNK || line == null
            || !r.ready())) {
          status = Math.max(status, answer(answers, chunk, unreadable, buf));
          out.write(buf.toString());
          out.flush();
          buf.setLength(0);
          chunk.clear();
          unreadable.clear();
        }
      } while (line != null);
    }
    out.flush();
    return status;
  }

  /** Answers a chunk into {@code buf}, lines without a TAB where they stood; the exit status. */
  private int answer(TwoThreadBatch<RulesetLookup> answers, List<Question> chunk,
      List<String> unreadable, StringBuilder buf) {
    List<Question> asked = new ArrayList<>(chunk.size());
    for (Question q : chunk) {
      if (q != null) {
        asked.add(q);
      }
    }
    // rendered on the thread that answered: formatting is a share of the work worth splitting
    List<Rendered> replies = answers.ask(asked,
        (l, q) -> render(l.ask(q.rulesets(), q.input())));
    int status = OK;
    int next = 0;
    for (int i = 0; i < chunk.size(); i++) {
      Rendered reply = chunk.get(i) == null
          ? render(new Reply(unreadable.get(i), "", null, List.of(),
              "no TAB between rulesets and input"))
          : replies.get(next++);
      if (reply.stopped()) {
        status = STOPPED;
      }
      buf.append(reply.text());
    }
    return status;
  }

  /** One line of a batch: the rulesets and their input. */
  private record Question(String rulesets, String input) {}

  /** An answer as the batch prints it, and whether the ruleset stopped. */
  private record Rendered(String text, boolean stopped) {}

  private Rendered render(Reply r) {
    return new Rendered(json ? json(r) + "\n" : oneLine(r),
        r.result() == null || r.error() != null);
  }

  /** The second copy for a batch, its map (if any) closed with this. */
  private RulesetLookup secondCopy() throws Exception {
    Opened o = twin.call();
    synchronized (opened) {
      o.access().ifPresent(opened::add);
    }
    return o.lookup();
  }

  private static String text(Reply r) {
    StringBuilder sb = new StringBuilder();
    sb.append("ruleset: ").append(r.ruleset()).append('\n');
    sb.append("input:   ").append(r.input()).append('\n');
    sb.append("returns: ").append(r.result() == null ? "(none: the ruleset stopped)" : r.result())
        .append('\n');
    if (r.error() != null) {
      sb.append("error:   ").append(r.error()).append('\n');
    }
    for (int i = 0; i < r.tried().size(); i++) {
      sb.append(i == 0 ? "tried:   " : "         ").append(r.tried().get(i)).append('\n');
    }
    return sb.toString();
  }

  private static String oneLine(Reply r) {
    return r.ruleset() + "\t" + r.input() + "\t" + (r.result() == null ? "-" : r.result())
        + (r.error() == null ? "" : "\terror: " + r.error()) + "\n";
  }

  /** {"ruleset","input","result","tried"[,"error"]}. */
  static String json(Reply r) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"ruleset\":").append(Json.quote(r.ruleset()));
    sb.append(",\"input\":").append(Json.quote(r.input()));
    sb.append(",\"result\":").append(r.result() == null ? "null" : Json.quote(r.result()));
    sb.append(",\"tried\":[");
    for (int i = 0; i < r.tried().size(); i++) {
      sb.append(i == 0 ? "" : ",").append(Json.quote(r.tried().get(i)));
    }
    sb.append(']');
    if (r.error() != null) {
      sb.append(",\"error\":").append(Json.quote(r.error()));
    }
    return sb.append('}').toString();
  }
}
