package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Two copies share a chunk's questions: each question is answered once, each half in order. */
class HalvesTest {
  @Test
  void aCopyAnswersItsOwnHalfInOrderThenTheRestOfTheOtherFromItsBack() {
    Halves h = new Halves(10, 10 + 4 * Halves.BLOCK);
    int middle = 10 + 2 * Halves.BLOCK;
    List<long[]> taken = new ArrayList<>();
    for (long b = h.next(0); b >= 0; b = h.next(0)) {
      taken.add(new long[] {Halves.start(b), Halves.end(b), h.stolen(0, b) ? 1 : 0});
    }
    assertThat(taken).extracting(t -> t[0] + "-" + t[1] + (t[2] == 1 ? " stolen" : ""))
        .containsExactly(
            "10-" + (10 + Halves.BLOCK),
            (10 + Halves.BLOCK) + "-" + middle,
            (middle + Halves.BLOCK) + "-" + (middle + 2 * Halves.BLOCK) + " stolen",
            middle + "-" + (middle + Halves.BLOCK) + " stolen");
    assertThat(h.next(1)).isNegative();
  }

  @Test
  void aHalfThatIsNotAWholeNumberOfBlocksEndsWithAShortOne() {
    Halves h = new Halves(0, 5);
    assertThat(h.next(1)).satisfies(b -> {
      assertThat(Halves.start(b)).isEqualTo(2);
      assertThat(Halves.end(b)).isEqualTo(5);
    });
    assertThat(h.next(1)).satisfies(b -> {
      assertThat(Halves.start(b)).isZero();
      assertThat(Halves.end(b)).isEqualTo(2);
      assertThat(h.stolen(1, b)).isTrue();
    });
    assertThat(h.next(0)).isNegative();
  }

  @RepeatedTest(20)
  void twoThreadsTakeEveryQuestionExactlyOnce() throws Exception {
    int n = 4096;
    Halves h = new Halves(0, n);
    AtomicIntegerArray times = new AtomicIntegerArray(n);
    Thread other = new Thread(() -> take(h, 1, times));
    other.start();
    take(h, 0, times);
    other.join();
    for (int i = 0; i < n; i++) {
      assertThat(times.get(i)).as("question %d", i).isEqualTo(1);
    }
  }

  private static void take(Halves h, int own, AtomicIntegerArray times) {
    for (long b = h.next(own); b >= 0; b = h.next(own)) {
      for (int i = Halves.start(b); i < Halves.end(b); i++) {
        times.incrementAndGet(i);
      }
    }
  }
}
