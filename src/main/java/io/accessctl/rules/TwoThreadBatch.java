package io.accessctl.rules;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
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
 * answers the earlier half ({@link Halves}: whichever is done first goes on with what is left of
 * the other's). Questions are independent but for one thing: db_map_lookup() remembers which key
 * form a map holds (with or without a trailing NUL) from the first key it finds, and then tries
 * that form only. While every map's keys are found in one form only, a copy's answers to a run of
 * questions equal those of the run in order, if it starts the run trying at least the forms the
 * run in order tries there: where its copy still tries both forms and the run in order tries one,
 * the extra try finds nothing (it would have found the other form). A chunk in which some map's
 * keys were found in both forms is answered again in order by the first copy alone. The second
 * copy is made on the worker thread (a {@link RuleBook#twin} of the first's compiled cf) while
 * the first answers; until it is ready, questions are answered in order.
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
    return ask(chunk, answer, () -> { });
  }

  /**
   * {@link #ask(List, BiFunction)}, running {@code meanwhile} on this thread first, while the
   * second copy already answers (the batch reads its next lines and writes the last answers
   * there instead of leaving the second core idle).
   */
  public <Q, T> List<T> ask(List<Q> chunk, BiFunction<A, Q, T> answer, Runnable meanwhile) {
    int n = chunk.size();
    Object[] answers = new Object[n];
    Runnable before = meanwhile;
    int from = 0;
    if (n < 2 * Halves.BLOCK || !twinReady()) {
      before.run();
      before = () -> { };
      // in order until the second copy is ready (it is being compiled), a block at a time
      while (from < n && (n - from < 2 * Halves.BLOCK || !twinReady())) {
        from = inOrder(first, chunk, from, Math.min(n, from + Halves.BLOCK), answer, answers);
      }
    }
    if (from < n) {
      shared(chunk, from, answer, answers, before);
    }
    @SuppressWarnings("unchecked")
    List<T> out = (List<T>) Arrays.asList(answers);
    return out;
  }

  /**
   * Answers the questions from {@code from} on with both copies, each from the state of the
   * maps' key forms that the first copy has now. Each copy answers its half from the front, in
   * order, and blocks from the back of the other's half once its own is done; it answers each
   * such block from that state again: the state a question in order meets has at most the key
   * forms of the one before it, so a copy answering a run of questions in order from that state
   * tries every form the run in order tries, and more only while nothing was found in the other
   * form (see the class comment).
   */
  private <Q, T> void shared(List<Q> chunk, int from, BiFunction<A, Q, T> answer,
      Object[] answers, Runnable meanwhile) {
    int[] before = new int[mine.length];
    for (int i = 0; i < mine.length; i++) {
      before[i] = mine[i].tries();
      its[i].tries(before[i]);
      mine[i].forgetFound();
      its[i].forgetFound();
    }
    Halves halves = new Halves(from, chunk.size());
    halved++;
    Future<?> helper = worker.submit(() -> take(halves, 1, twin, its, before, chunk, answer,
        answers));
    meanwhile.run();
    take(halves, 0, first, mine, before, chunk, answer, answers);
    join(helper);
    int[] found = new int[mine.length];
    boolean oneForm = true;
    for (int i = 0; i < mine.length; i++) {
      found[i] = mine[i].found() | its[i].found();
      oneForm &= found[i] != (FileMap.WITHOUT_NUL | FileMap.WITH_NUL);
    }
    for (int i = 0; i < mine.length; i++) {
      mine[i].tries(oneForm && found[i] != 0 ? found[i] : before[i]);
    }
    if (!oneForm) {
      inOrder(first, chunk, from, chunk.size(), answer, answers);
      fallbacks++;
    }
  }

  /** Copy {@code own}'s share of the halves: its own half, then what is left of the other's. */
  private static <A, Q, T> void take(Halves halves, int own, A copy, FileMap[] maps,
      int[] before, List<Q> chunk, BiFunction<A, Q, T> answer, Object[] answers) {
    for (long b = halves.next(own); b >= 0; b = halves.next(own)) {
      if (halves.stolen(own, b)) {
        for (int i = 0; i < maps.length; i++) {
          maps[i].tries(before[i]);
        }
      }
      inOrder(copy, chunk, Halves.start(b), Halves.end(b), answer, answers);
    }
  }

  /** How many chunks were answered on two threads. */
  public int halved() {
    return halved;
  }

  /** How many chunks were answered again in order (some map's keys found in both forms). */
  public int fallbacks() {
    return fallbacks;
  }

  /** Answers questions {@code from} to {@code to} in order into {@code answers}; returns {@code to}. */
  private static <A, Q, T> int inOrder(A copy, List<Q> questions, int from, int to,
      BiFunction<A, Q, T> answer, Object[] answers) {
    for (int i = from; i < to; i++) {
      answers[i] = answer.apply(copy, questions.get(i));
    }
    return to;
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
