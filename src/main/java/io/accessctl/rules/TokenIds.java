package io.accessctl.rules;

import java.util.AbstractList;
import java.util.Arrays;

/**
 * A workspace of the engine: token numbers ({@link Symbols}) in an array with a length, read as
 * the list of their texts where a list is wanted (a map key joined, a trace step, a result).
 */
final class TokenIds extends AbstractList<String> {
  private final Symbols symbols;
  int[] ids;
  int size;

  TokenIds(Symbols symbols, int capacity) {
    this.symbols = symbols;
    this.ids = new int[capacity];
  }

  @Override
  public String get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return symbols.text(ids[index]);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void clear() {
    size = 0;
  }

  void add(int id) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, 2 * size + 16);
    }
    ids[size++] = id;
  }

  /** Appends the tokens {@code from} to {@code to} of another workspace. */
  void add(TokenIds source, int from, int to) {
    add(source.ids, from, to);
  }

  void add(int[] source, int from, int to) {
    int n = to - from;
    room(n);
    if (n > COPIED_BY_LOOP) {
      System.arraycopy(source, from, ids, size, n);
      size += n;
      return;
    }
    // a loop: most ranges are a few tokens, where System.arraycopy costs more than it saves
    int[] target = ids;
    int at = size;
    for (int i = from; i < to; i++) {
      target[at++] = source[i];
    }
    size = at;
  }

  /**
   * The longest range copied token by token; a longer one (a binding of most of a workspace, as
   * {@code R$* $: $1 …} copies) is copied at once.
   */
  private static final int COPIED_BY_LOOP = 8;

  /** Removes the tokens {@code from} to {@code to}. */
  void remove(int from, int to) {
    System.arraycopy(ids, to, ids, from, size - to);
    size -= to - from;
  }

  /** Puts {@code with} in the place of the tokens {@code from} to {@code to}. */
  void replace(int from, int to, int[] with) {
    int grow = with.length - (to - from);
    room(grow);
    System.arraycopy(ids, to, ids, to + grow, size - to);
    System.arraycopy(with, 0, ids, from, with.length);
    size += grow;
  }

  private void room(int more) {
    if (size + more > ids.length) {
      ids = Arrays.copyOf(ids, Math.max(2 * ids.length, size + more));
    }
  }
}
