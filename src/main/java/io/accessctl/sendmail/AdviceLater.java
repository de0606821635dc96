package io.accessctl.sendmail;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An answer's hints, put into words when first read: a batch prints none of them. Unmodifiable,
 * equal to any list of the same hints.
 */
final class AdviceLater extends AbstractList<String> implements RandomAccess {
  private final Supplier<List<String>> words;
  private List<String> hints;

  AdviceLater(Supplier<List<String>> words) {
    this.words = words;
  }

  private List<String> hints() {
    List<String> h = hints;
    if (h == null) {
      // another thread may write the same hints at once: either copy is kept
      h = List.copyOf(words.get());
      hints = h;
    }
    return h;
  }

  @Override
  public String get(int index) {
    return hints().get(index);
  }

  @Override
  public int size() {
    return hints().size();
  }
}
