package io.accessctl.rules;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Many questions to a compiled cf on two threads, answered exactly as one run of them in order:
 * {@code lookup --ruleset - --batch} and {@code lookup --batch}.
 *
 * <p>A second copy of the compiled cf answers the later half of each chunk while the first
 * answers the earlier half. Questions are independent but for one thing: db_map_lookup()
 * remembers which key form a map holds (with or without a trailing NUL) from the first key it
 * finds, and then tries that form only. While every map's keys are found in one form only, the
 * second half's answers equal those of the run in order: where its copy still tries both forms
 * and the run in order tries one, the extra try finds nothing (it would have found the other
 * form). A chunk in which some map's keys were found in both forms is answered in order by the
 * first copy alone. The second copy is compiled on the worker thread while the first answers;
 * until it is ready, chunks are answered in order.
 */
public final class TwoThreadBatch<A> implements AutoCloseable {
  /** Questions handed over at once: the hand-over is paid per chunk, not per question. */
  public static final int CHUNK = 4096;

  private final A first;
  private final Function<A, RuleBook> bookOf;
  private final ExecutorService worker;
  private final Future<A> second;
  /** The second copy, once made and paired; until then (or for good, when alone) in order. */
  private A twin;
  private boolean alone;
  /** The two copies' file maps, paired by name. */
  private FileMap[] mine;
  private FileMap[] its;
  private int fallbacks;
  private int halved;

  /**
   * @param first answers in order, and the earlier half of each chunk
   * @param second makes the second copy (the same cf and maps), on the worker thread; null to
   *     answer everything in order on one thread
   * @param bookOf the compiled cf a copy runs, whose maps are what a question leaves behind; it
   *     gives null when the copy runs none (then everything is answered in order)
   */
  public TwoThreadBatch(A first, Callable<A> second, Function<A, RuleBook> bookOf) {
    this.first = first;
    this.bookOf = bookOf;
    if (second == null || Runtime.getRuntime().availableProcessors() < 2) {
      this.worker = null;
      this.second = null;
    } else {
      this.worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "accessctl-batch");
        t.setDaemon(true);
        return t;
      });
      this.second = worker.submit(second);
    }
  }

  /**
   * The answers to a chunk of questions (at most {@link #CHUNK} pay off), in their order, each
   * made by {@code answer} from a copy and the question on the thread that answers it.
   */
  public <Q, T> List<T> ask(List<Q> chunk, BiFunction<A, Q, T> answer) {
    if (!twinReady() || chunk.size() < 2) {
      return inOrder(first, chunk, answer);
    }
    int[] before = new int[mine.length];
    for (int i = 0; i < mine.length; i++) {
      before[i] = mine[i].tries();
      its[i].tries(before[i]);
      mine[i].forgetFound();
      its[i].forgetFound();
    }
    int half = chunk.size() / 2;
    halved++;
    Future<List<T>> later = worker.submit(() -> inOrder(twin, chunk.subList(half,
        chunk.size()), answer));
    List<T> answers = inOrder(first, chunk.subList(0, half), answer);
    List<T> rest = join(later);
    int[] found = new int[mine.length];
    boolean oneForm = true;
    for (int i = 0; i < mine.length; i++) {
      found[i] = mine[i].found() | its[i].found();
      oneForm &= found[i] != (FileMap.WITHOUT_NUL | FileMap.WITH_NUL);
    }
    if (oneForm) {
      for (int i = 0; i < mine.length; i++) {
        mine[i].tries(found[i] == 0 ? before[i] : found[i]);
      }
    } else {
      rest = inOrder(first, chunk.subList(half, chunk.size()), answer);
      fallbacks++;
    }
    answers.addAll(rest);
    return answers;
  }

  /** How many chunks were answered on two threads. */
  public int halved() {
    return halved;
  }

  /** How many chunks were answered again in order (some map's keys found in both forms). */
  public int fallbacks() {
    return fallbacks;
  }

  private static <A, Q, T> List<T> inOrder(A copy, List<Q> questions,
      BiFunction<A, Q, T> answer) {
    List<T> out = new ArrayList<>(questions.size());
    for (Q q : questions) {
      out.add(answer.apply(copy, q));
    }
    return out;
  }

  /** True once the second copy is compiled and its file maps paired with the first's. */
  boolean twinReady() {
    if (twin != null) {
      return true;
    }
    if (alone || second == null || !second.isDone()) {
      return false;
    }
    A t = made();
    RuleBook firstBook = bookOf.apply(first);
    RuleBook twinBook = t == null ? null : bookOf.apply(t);
    if (firstBook == null || twinBook == null) {
      alone = true; // no copy, or nothing tells what a question leaves behind: in order
      return false;
    }
    Map<String, FileMap> a = FileMap.in(firstBook);
    Map<String, FileMap> b = FileMap.in(twinBook);
    mine = new FileMap[a.size()];
    its = new FileMap[a.size()];
    int i = 0;
    for (Map.Entry<String, FileMap> e : a.entrySet()) {
      mine[i] = e.getValue();
      its[i++] = b.get(e.getKey());
    }
    twin = t;
    return true;
  }

  /** The second copy once its making is done; null when it failed. */
  private A made() {
    try {
      return second.get();
    } catch (ExecutionException | CancellationException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the second half was answered", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stops the worker and closes the second copy, if it is {@link Closeable} (its own map). */
  @Override
  public void close() throws IOException {
    if (worker == null) {
      return;
    }
    worker.shutdownNow();
    try {
      // a copy still being made opens its map: wait for it, to close it
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (second.isDone() && made() instanceof Closeable c) {
      c.close();
    }
  }
}
