package io.accessctl.app.rules;

import io.accessctl.app.BatchLines;
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
import java.util.List;
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
  /** The map read in place of the K line's file, if any. */
  private final Optional<MapSource> access;
  /**
   * Makes the second copy of a batch on two threads (the same compiled cf, maps of its own);
   * null in that copy.
   */
  private final Opener again;

  private interface Opener {
    RulesetQuestions open() throws IOException, CfException;
  }

  private RulesetQuestions(RulesetLookup lookup, boolean json, Optional<MapSource> access,
      Opener again) {
    this.lookup = lookup;
    this.json = json;
    this.access = access;
    this.again = again;
  }

  /**
   * Compiles the cf once.
   *
   * @throws IOException the cf cannot be read
   * @throws CfException the cf cannot be compiled (the message names the line)
   */
  public static RulesetQuestions open(Path cf, Map<String, String> defines, boolean json)
      throws IOException, CfException {
    RulesetLookup lookup = RulesetLookup.open(cf, defines);
    return new RulesetQuestions(lookup, json, Optional.empty(),
        () -> new RulesetQuestions(lookup.twin(Map.of()), json, Optional.empty(), null));
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
    MapSource source = Maps.open(map, target, parse);
    try {
      RulesetLookup lookup = RulesetLookup.open(cf, defines,
          Map.of(CfFile.ACCESS_MAP, records(source)));
      return new RulesetQuestions(lookup, json, Optional.of(source), () -> {
        if (source.sharedGets()) {
          return new RulesetQuestions(lookup.twin(Map.of()), json, Optional.empty(), null);
        }
        MapSource own = Maps.open(map, target, parse);
        return new RulesetQuestions(lookup.twin(Map.of(CfFile.ACCESS_MAP, records(own))), json,
            Optional.of(own), null);
      });
    } catch (IOException | CfException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  private static MapStorage records(MapSource source) {
    return key -> {
      try {
        return source.get(key);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  @Override
  public void close() throws IOException {
    if (access.isPresent()) {
      access.get().close();
    }
  }

  /** Answers one question; returns the exit status. */
  public int one(String rulesets, String input, PrintWriter out) {
    Reply r = lookup.ask(rulesets, input);
    out.print(json ? json(r) + "\n" : text(r));
    out.flush();
    return stopped(r) ? STOPPED : OK;
  }

  /** Whether sendmail would have stopped the ruleset: no result, or an error on the way. */
  private static boolean stopped(Reply r) {
    return r.result() == null || r.error() != null;
  }

  /**
   * Answers every line {@code NAME[,NAME…]<TAB>INPUT}, in order; returns the exit status. A
   * second copy answers half of each chunk on a second core ({@link TwoThreadBatch}).
   */
  public int batch(InputStream in, PrintWriter out) throws IOException {
    int stopped;
    try (TwoThreadBatch<RulesetQuestions> answers = new TwoThreadBatch<>(this,
        again == null ? null : again::open, q -> q.lookup.book());
        BufferedReader r = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.ISO_8859_1), 1 << 16)) {
      stopped = BatchLines.answer(r, out, answers, RulesetQuestions::printed);
    }
    out.flush();
    return stopped == 0 ? OK : STOPPED;
  }

  /** One batch line's answer as printed; it fails when the ruleset stopped. */
  private BatchLines.Printed printed(String line) {
    int tab = line.indexOf('\t');
    Reply r = tab < 0
        ? new Reply(line, "", null, List.of(), "no TAB between rulesets and input")
        : lookup.ask(line.substring(0, tab), line.substring(tab + 1));
    return new BatchLines.Printed(json ? json(r) + "\n" : oneLine(r), stopped(r));
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
