package io.accessctl.source;

import java.util.Arrays;

/**
 * compile's fast path for large maps: key and value byte ranges straight from the file's bytes, no
 * per-line objects.
 *
 * <p>It reads lines the way {@link AccessParser} does in accessctl's whole-line mode, but it gives
 * up ({@link #scan} returns null) on any line that the parser would report or that a makemap-level
 * lint rule (AC1…) could flag: a NUL or CR byte, a UTF-8 BOM, a line of 1023 bytes or more, a line
 * starting with white space, a key without value, a repeated key after folding, a non-ASCII key,
 * any '#' on an entry line, blanks ending a value, a comment naming accessctl (a suppression). The
 * caller then runs the full parser, so every diagnostic is printed exactly as before; a clean map
 * needs neither. CompileScanDifferentialTest proves the two agree.
 */
public final class CompileScan {
  private static final byte LF = '\n';
  private static final byte CR = '\r';
  private static final byte NUL = 0;
  private static final byte HASH = '#';
  private static final int FIRST_NON_ASCII = 0x80;
  private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final byte[] SUPPRESSION_WORD = {'a', 'c', 'c', 'e', 's', 's', 'c', 't', 'l'};
  private static final int INITIAL_ENTRIES = 1024;
  private static final int EMPTY_SLOT = -1;
  private static final int BYTE_VALUES = 256;
  private static final int HASH_MULTIPLIER = 31;
  /** Folds the high bits of a hash into the low ones that the table's mask keeps, as HashMap. */
  private static final int HASH_SPREAD = 16;

  private CompileScan() {}

  /**
   * The entries of a clean map, in file order.
   *
   * @param data the file's bytes; the ranges point into it
   * @param fold whether keys are folded (makemap's default); the ranges are not folded
   */
  public record Ranges(byte[] data, boolean fold, int count, int[] keyStart, int[] keyEnd,
      int[] valueStart, int[] valueEnd) {

    /** Entry {@code i}'s key as stored: folded when {@link #fold()}, plus {@code extra} NUL bytes. */
    public byte[] storedKey(int i, int extra) {
      int from = keyStart[i];
      byte[] k = Arrays.copyOfRange(data, from, keyEnd[i] + extra);
      int len = keyEnd[i] - from;
      if (fold) {
        for (int j = 0; j < len; j++) {
          k[j] = foldByte(k[j]);
        }
      }
      for (int j = len; j < k.length; j++) {
        k[j] = NUL;
      }
      return k;
    }

    /** Entry {@code i}'s value, plus {@code extra} NUL bytes. */
    public byte[] value(int i, int extra) {
      byte[] v = Arrays.copyOfRange(data, valueStart[i], valueEnd[i] + extra);
      for (int j = valueEnd[i] - valueStart[i]; j < v.length; j++) {
        v[j] = NUL;
      }
      return v;
    }
  }

  /**
   * Scans {@code data}; null when a line needs the full parser (see the class comment) or the
   * options are makemap's line reading, which the fast path does not model.
   */
  public static Ranges scan(byte[] data, ParseOptions options) {
    if (options.makemapLines() || startsWith(data, 0, BOM)) {
      return null;
    }
    int cc = options.commentChar();
    boolean fold = options.foldKeys();
    // one table lookup a byte instead of a call through the options
    boolean[] separator = new boolean[BYTE_VALUES];
    for (int b = 0; b < BYTE_VALUES; b++) {
      separator[b] = options.isSeparator(b);
    }
    int cap = INITIAL_ENTRIES;
    int[] hs = new int[cap];
    int[] ks = new int[cap];
    int[] ke = new int[cap];
    int[] vs = new int[cap];
    int[] ve = new int[cap];
    int n = 0;
    int start = 0;
    while (start < data.length) {
      int end = start;
      while (end < data.length) {
        byte b = data[end];
        if (b == LF) {
          break;
        }
        if (b == NUL || b == CR) {
          return null;
        }
        end++;
      }
      int next = end + 1;
      if (end - start >= ParseOptions.MAKEMAP_READ) {
        return null;
      }
      if (end == start) {
        start = next;
        continue;
      }
      int first = data[start] & 0xff;
      if (cc != ParseOptions.NONE && first == cc) {
        if (indexOf(data, start, end, SUPPRESSION_WORD) >= 0) {
          return null;
        }
        start = next;
        continue;
      }
      if (Bytes.isSpace(first)) {
        return null; // leading white space, or an indented comment
      }
      int k = start;
      int h = 0;
      while (k < end && !separator[data[k] & 0xff]) {
        byte b = data[k];
        if (b < 0 || b == HASH) { // b < 0: a byte of 0x80 or more, a non-ASCII key
          return null;
        }
        // the key's hash as folded, while its bytes are in the cache
        h = HASH_MULTIPLIER * h + (fold ? foldByte(b) : b);
        k++;
      }
      int v = k;
      while (v < end && separator[data[v] & 0xff]) {
        v++;
      }
      if (v == end) {
        if (!options.allowEmptyValues()) {
          return null;
        }
      } else {
        int last = data[end - 1];
        if (last == ' ' || last == '\t') {
          return null;
        }
        for (int j = v; j < end; j++) {
          if (data[j] == HASH) {
            return null;
          }
        }
      }
      if (n == cap) {
        cap *= 2;
        ks = Arrays.copyOf(ks, cap);
        ke = Arrays.copyOf(ke, cap);
        vs = Arrays.copyOf(vs, cap);
        ve = Arrays.copyOf(ve, cap);
        hs = Arrays.copyOf(hs, cap);
      }
      hs[n] = h ^ (h >>> HASH_SPREAD);
      ks[n] = start;
      ke[n] = k;
      vs[n] = v;
      ve[n] = end;
      n++;
      start = next;
    }
    Ranges r = new Ranges(data, options.foldKeys(), n, ks, ke, vs, ve);
    return hasDuplicate(r, hs) ? null : r;
  }

  /**
   * Open addressing over entry indices; keys are compared (as folded) only when their full hashes
   * are equal, so a probe rarely touches the file's bytes.
   */
  private static boolean hasDuplicate(Ranges r, int[] hashes) {
    int size = Integer.highestOneBit(Math.max(2, r.count) * 2 - 1) << 1;
    int mask = size - 1;
    int[] slots = new int[size];
    Arrays.fill(slots, EMPTY_SLOT);
    for (int i = 0; i < r.count; i++) {
      int h = hashes[i];
      int slot = h & mask;
      while (slots[slot] != EMPTY_SLOT) {
        int other = slots[slot];
        if (hashes[other] == h && sameKey(r, other, i)) {
          return true;
        }
        slot = (slot + 1) & mask;
      }
      slots[slot] = i;
    }
    return false;
  }

  private static boolean sameKey(Ranges r, int a, int b) {
    int la = r.keyEnd[a] - r.keyStart[a];
    if (la != r.keyEnd[b] - r.keyStart[b]) {
      return false;
    }
    for (int j = 0; j < la; j++) {
      byte x = r.data[r.keyStart[a] + j];
      byte y = r.data[r.keyStart[b] + j];
      if (r.fold ? foldByte(x) != foldByte(y) : x != y) {
        return false;
      }
    }
    return true;
  }

  /** ASCII-only lower-casing, byte for byte as {@link Bytes#foldAscii}. */
  static byte foldByte(byte b) {
    return (byte) Bytes.foldAscii((char) b);
  }

  private static boolean startsWith(byte[] data, int at, byte[] prefix) {
    if (data.length - at < prefix.length) {
      return false;
    }
    for (int j = 0; j < prefix.length; j++) {
      if (data[at + j] != prefix[j]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] data, int from, int to, byte[] word) {
    for (int i = from; i + word.length <= to; i++) {
      if (startsWith(data, i, word) || startsWithFolded(data, i, word)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWithFolded(byte[] data, int at, byte[] lower) {
    for (int j = 0; j < lower.length; j++) {
      if (foldByte(data[at + j]) != lower[j]) {
        return false;
      }
    }
    return true;
  }
}
