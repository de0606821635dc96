package io.accessctl.app;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.cf.CfFile;
import io.accessctl.rules.CfException;
import io.accessctl.rules.MapStorage;
import io.accessctl.rules.RulesetLookup;
import io.accessctl.rules.Settings;
import io.accessctl.sendmail.Answer;
import io.accessctl.sendmail.Answers;
import io.accessctl.sendmail.CfAnswers;
import io.accessctl.sendmail.KeyLookup;
import io.accessctl.sendmail.Query;
import io.accessctl.sendmail.Rules;
import io.accessctl.sendmail.Simulator;
import io.accessctl.source.Bytes;
import io.accessctl.source.ParseOptions;
import io.accessctl.rules.RuleBook;
import io.accessctl.rules.TwoThreadBatch;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.Writer;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Lookups in one map as sendmail makes them: exact ({@code query}) or the keys its rules try for
 * a check ({@code lookup}, {@code suggest}). With a cf, the cf's own rules run (compiled on the
 * first check, so exact lookups never pay for it); without one ({@code --no-cf}), the model of
 * the newest sendmail's rules answers.
 */
public final class MapLookup implements Closeable {
  private final MapSource map;
  private final Rules rules;
  private final boolean fold;
  private final Settings host;
  private final KeyLookup store;
  private final MapStorage records;
  /** False for the second copy of a batch when it shares the first's map: the first closes it. */
  private final boolean ownsMap;
  private Answers answers;
  /**
   * Opens this map again, or shares it, with the same cf: the second copy of a batch on two
   * threads.
   */
  private Callable<MapLookup> again;

  private MapLookup(MapSource map, Rules rules, boolean fold, Settings host, boolean ownsMap) {
    this.map = map;
    this.ownsMap = ownsMap;
    this.rules = rules;
    this.fold = fold;
    this.host = host;
    this.store = key -> {
      try {
        return map.getLatin1(key);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    this.records = key -> {
      try {
        return map.get(key);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * Opens {@code map}, or the default the cf names ({@link MapTarget#defaultLookupMap}).
   *
   * @param parse makemap's text options as given: -f there keeps keys as typed; the K line's -f
   *     is added
   */
  public static MapLookup open(Optional<CfFile> cf, Path map, ParseOptions parse)
      throws IOException {
    return open(cf, map, parse, RulesetLookup.hostSettings());
  }

  /**
   * {@link #open(Optional, Path, ParseOptions)} with the host's names and class {@code w} as
   * given, and maps that answer instead of the cf's (a DNS map, by name).
   */
  public static MapLookup open(Optional<CfFile> cf, Path map, ParseOptions parse, Settings host)
      throws IOException {
    MapTarget target = MapTarget.lookup(cf, null);
    ParseOptions options = target.parseOptions(parse);
    MapSource source = Maps.open(map, target, options);
    MapLookup m = over(source, cf, options, host, true);
    // a map several threads may read is shared: its reader's tables are built once, not twice
    m.again = () -> source.sharedGets() ? over(source, cf, options, host, false)
        : open(cf, map, parse, host);
    return m;
  }

  private static MapLookup over(MapSource source, Optional<CfFile> cf, ParseOptions options,
      Settings host, boolean ownsMap) {
    return new MapLookup(source, cf.map(Rules::of).orElseGet(Rules::assumed),
        options.foldKeys(), host, ownsMap);
  }

  public MapSource map() {
    return map;
  }

  public Rules rules() {
    return rules;
  }

  /**
   * The value of exactly this key, as sendmail's map layer finds it: folded unless -f, tried
   * without and then with a trailing NUL.
   */
  public Optional<byte[]> exact(String key) throws IOException {
    byte[] k = (fold ? Bytes.foldAscii(key) : key).getBytes(StandardCharsets.UTF_8);
    Optional<byte[]> v = map.get(k);
    return v.isPresent() ? v : map.get(Arrays.copyOf(k, k.length + 1));
  }

  /**
   * What sendmail decides for one check.
   *
   * @throws UncheckedIOException when the map cannot be read, or the cf cannot be read or
   *     compiled (the message names the file and line)
   */
  public Answer answer(Query q) {
    if (answers == null) {
      answers = rules.fromCf() ? compile() : new Simulator(rules, rules.accessMap(store));
    }
    return answers.lookup(q);
  }

  private Answers compile() {
    try {
      return CfAnswers.compile(rules, records, host);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CfException e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
  }

  /** One answer of {@code lookup --batch}: the line, its answer, or why it has none. */
  public record BatchAnswer(String line, Optional<Answer> answer, String error) {}

  /**
   * Answers a batch line {@code TAG<TAB>NAME<TAB>ADDR} (NAME and ADDR may be missing) within the
   * session {@code like} describes (its client, recipient and macros; its tag, name and address
   * are the line's).
   */
  public BatchAnswer batch(String line, Query like) {
    String[] f = line.split("\t", -1);
    Optional<Tag> t = Catalog.stock().find(f[0].strip());
    if (t.isEmpty()) {
      return new BatchAnswer(line, Optional.empty(), "unknown tag \"" + f[0] + "\"");
    }
    if (f.length > 3) {
      return new BatchAnswer(line, Optional.empty(), "more than three fields");
    }
    Optional<String> addr = f.length > 2 && !f[2].isEmpty() ? Optional.of(f[2]) : Optional.empty();
    Query q = new Query(t.get(), f.length > 1 ? f[1] : "", addr, like.inboundName(),
        like.inboundAddr(), like.literal(), like.rcpt(), like.defines());
    return new BatchAnswer(line, Optional.of(answer(q)), null);
  }

  /**
   * Answers every line of {@code lookup --batch} in order, writes what {@code render} makes of
   * each answer, and returns how many lines had no answer or an answer with a problem. With a cf
   * and {@code twoThreads}, a second copy (the cf compiled here, its own maps) answers half of
   * each chunk on a second core ({@link TwoThreadBatch}); the answers are the same.
   */
  public int batch(BufferedReader in, Query like, Function<BatchAnswer, String> render,
      Writer out, boolean twoThreads) throws IOException {
    CfAnswers compiled = twoThreads && again != null ? compiledOrNull() : null;
    Callable<MapLookup> second = compiled == null ? null : () -> {
      MapLookup copy = again.call();
      copy.answers = compiled.twin(copy.records);
      return copy;
    };
    try (TwoThreadBatch<MapLookup> batch = new TwoThreadBatch<>(this, second, MapLookup::book)) {
      return BatchLines.answer(in, out, batch, (m, line) -> {
        BatchAnswer b = m.batch(line, like);
        return new BatchLines.Printed(render.apply(b),
            b.answer().isEmpty() || b.answer().get().problem().isPresent());
      });
    }
  }

  /**
   * The cf's answers, compiled now if need be, for the second copy to share; null without a cf,
   * or when it cannot be compiled (the first question then says why).
   */
  private CfAnswers compiledOrNull() {
    try {
      book();
    } catch (UncheckedIOException e) {
      return null;
    }
    return answers instanceof CfAnswers c ? c : null;
  }

  /** The compiled cf the answers run, compiled now if need be; null without a cf. */
  private RuleBook book() {
    if (!rules.fromCf()) {
      return null;
    }
    if (answers == null) {
      answers = compile();
    }
    return answers instanceof CfAnswers c ? c.book() : null;
  }

  @Override
  public void close() throws IOException {
    if (ownsMap) {
      map.close();
    }
  }
}
