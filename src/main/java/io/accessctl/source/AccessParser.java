package io.accessctl.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * makemap's line syntax (makemap.c of sendmail 8.17.1), shared by lint, compile, makemap mode and
 * lookups on text maps so that they can never disagree about what a line means.
 *
 * <p>In accessctl's own mode every physical line is read whole; in makemap mode lines are read the
 * way makemap's {@code fgets} into a 1024-byte buffer reads them (see {@link ParseOptions}).
 */
public final class AccessParser {
  private final ParseOptions options;

  public AccessParser(ParseOptions options) {
    this.options = options;
  }

  public static AccessSource parse(Path file, ParseOptions options) throws IOException {
    return new AccessParser(options).parse(file.toString(), Files.readAllBytes(file));
  }

  public AccessSource parse(String name, byte[] data) {
    boolean twoCores = Runtime.getRuntime().availableProcessors() >= 2;
    return parse(name, data, twoCores ? SPLIT_FROM : Integer.MAX_VALUE);
  }

  /**
   * From this many bytes on (some 30,000 lines), a file read whole is parsed in two halves on two
   * threads: a million-entry map's parse otherwise holds up everything after it for a third of a
   * second, and its lines are independent: the duplicate-key check runs once both are parsed.
   */
  static final int SPLIT_FROM = 1 << 20;

  /** As {@link #parse(String, byte[])}, in two halves from {@code splitFrom} bytes on. */
  AccessSource parse(String name, byte[] data, int splitFrom) {
    int cut = options.makemapLines() || data.length < splitFrom ? -1 : cut(data);
    State st;
    if (cut < 0) {
      st = new State(options, expectedLines(data.length));
      if (options.makemapLines()) {
        readLikeFgets(data, st);
      } else {
        readWholeLines(data, 0, data.length, st);
      }
    } else {
      st = parseHalves(data, cut);
    }
    List<SyntaxIssue> issues = withDuplicates(st);
    // the lists are this parse's own: a view that cannot change them, not a copy that checks
    // every one of a large map's lines for null
    return new AccessSource(name, options, Collections.unmodifiableList(st.lines),
        Collections.unmodifiableList(st.entries), issues, List.copyOf(st.canitMarkers));
  }

  /** Where the second half starts: after the first LF from the middle on; -1 for none. */
  private static int cut(byte[] data) {
    int nl = indexOf(data, (byte) '\n', data.length / 2, data.length);
    return nl < 0 || nl + 1 >= data.length ? -1 : nl + 1;
  }

  /**
   * A guess at the lines of {@code bytes} bytes, for the lists' first size: counting them would
   * read the whole file once more, and a list that is too small only grows.
   */
  private static int expectedLines(int bytes) {
    return bytes / BYTES_PER_LINE + 1;
  }

  /** A short access map line: a domain key and a short action. */
  private static final int BYTES_PER_LINE = 32;

  /**
   * Parses {@code [0, cut)} on this thread and the rest on another, then joins them as one pass
   * would have made them: the second half, numbered from 1 while the first half's lines were not
   * yet counted, is placed after the first (its lines and entries count from their part's start)
   * and its issues are numbered on.
   */
  private State parseHalves(byte[] data, int cut) {
    SecondHalf helper = new SecondHalf(data, cut);
    helper.start();
    // the first half's lists take the second's at the join: sized for both, they are not copied
    State a = new State(options, expectedLines(data.length));
    readWholeLines(data, 0, cut, a);
    State b = helper.parsed();
    int lineShift = a.lines.size();
    b.part.place(lineShift, a.entries.size());
    for (SyntaxIssue i : b.issues) {
      a.issues.add(new SyntaxIssue(i.kind(), i.line() + lineShift, i.column(),
          i.makemapMessage(), i.firstLine()));
    }
    a.lines.addAll(b.lines);
    a.entries.addAll(b.entries);
    a.canitMarkers.addAll(b.canitMarkers);
    a.addHashes(b);
    return a;
  }

  /**
   * The thread that parses the second half. A class of its own, not a lambda: a lambda that no
   * run archived (see the launcher) is spun at run time, which cost more than the thread's start
   * while the first half waited for it.
   */
  private final class SecondHalf implements Runnable {
    private final byte[] data;
    private final int cut;
    private final Thread thread = new Thread(this, "accessctl-parse");
    private State parsed;
    private Throwable failed;

    SecondHalf(byte[] data, int cut) {
      this.data = data;
      this.cut = cut;
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    @Override
    public void run() {
      try {
        State b = new State(options, expectedLines(data.length - cut));
        readWholeLines(data, cut, data.length, b);
        parsed = b;
      } catch (RuntimeException | Error e) {
        failed = e;
      }
    }

    /** Waits for the half; throws what its parse threw. */
    State parsed() {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while parsing", e);
      }
      if (failed instanceof RuntimeException e) {
        throw e;
      }
      if (failed instanceof Error e) {
        throw e;
      }
      return parsed;
    }
  }

  /**
   * The parse's issues with makemap's "duplicate key" among them, in line order: a line's own
   * issue (too long) before its duplicate, as makemap reports them.
   */
  private List<SyntaxIssue> withDuplicates(State st) {
    long[] pairs = DuplicateKeys.find(st.entries, st.keyHashes, options.foldKeys());
    if (pairs.length == 0) {
      return List.copyOf(st.issues);
    }
    List<SyntaxIssue> all = new ArrayList<>(st.issues.size() + pairs.length);
    int d = 0;
    for (SyntaxIssue issue : st.issues) {
      for (; d < pairs.length && lineOf(st, pairs[d]) < issue.line(); d++) {
        all.add(duplicate(st, pairs[d]));
      }
      all.add(issue);
    }
    for (; d < pairs.length; d++) {
      all.add(duplicate(st, pairs[d]));
    }
    return List.copyOf(all);
  }

  private static int lineOf(State st, long pair) {
    return st.entries.get(DuplicateKeys.later(pair)).lineNumber();
  }

  private static SyntaxIssue duplicate(State st, long pair) {
    Entry e = st.entries.get(DuplicateKeys.later(pair));
    Entry earlier = st.entries.get(DuplicateKeys.first(pair));
    return new SyntaxIssue(SyntaxIssue.Kind.DUPLICATE_KEY, e.lineNumber(), 1,
        "key " + e.storedKey() + ": duplicate key", earlier.lineNumber());
  }

  /** The lines of {@code [from, to)}, numbered from 1. */
  private void readWholeLines(byte[] data, int from, int to, State st) {
    int start = from;
    int number = 0;
    while (start < to) {
      start = readWholeLine(data, start, ++number, st);
    }
  }

  /**
   * One line from {@code start}; returns where the next one starts. A method of its own so that
   * the JIT compiles it after a few hundred lines rather than the loop after tens of thousands.
   */
  private int readWholeLine(byte[] data, int start, int number, State st) {
    int end = start;
    int nul = -1;
    int n = data.length;
    for (; end < n; end++) {
      // LF and NUL are the only bytes this looks for, and both are below LINE_CONTROLS: most
      // bytes cost one comparison (a byte of 0x80 or more is negative here, and costs two)
      int b = data[end];
      if (b < LINE_CONTROLS && b >= 0) {
        if (b == '\n') {
          break;
        }
        if (b == 0 && nul < 0) {
          nul = end - start;
        }
      }
    }
    if (nul >= 0) {
      st.invalid(number, data, start, end, new SyntaxIssue(SyntaxIssue.Kind.NUL_BYTE, number,
          nul + 1, ParseOptions.LINE_TOO_LONG, 0));
    } else {
      if (end - start >= ParseOptions.MAKEMAP_READ) {
        // makemap cannot read it; accessctl reads it whole, so the issue is recorded but the line
        // is still parsed.
        st.issues.add(new SyntaxIssue(SyntaxIssue.Kind.LINE_TOO_LONG, number,
            ParseOptions.MAKEMAP_READ + 1, ParseOptions.LINE_TOO_LONG, 0));
      }
      parseLine(number, data, start, end, st);
    }
    return end < data.length ? end + 1 : data.length;
  }

  private void readLikeFgets(byte[] data, State st) {
    int pos = 0;
    int number = 0;
    while (pos < data.length) {
      int limit = Math.min(data.length, pos + ParseOptions.MAKEMAP_READ);
      int nl = indexOf(data, (byte) '\n', pos, limit);
      int chunkEnd = nl >= 0 ? nl + 1 : limit;
      // fgets sets end-of-file only when it ran out of input before filling the buffer.
      boolean eof = nl < 0 && limit == data.length && limit - pos < ParseOptions.MAKEMAP_READ;
      number++;
      int cEnd = indexOf(data, (byte) 0, pos, chunkEnd);
      int strEnd = cEnd < 0 ? chunkEnd : cEnd;
      int lf = indexOf(data, (byte) '\n', pos, strEnd);
      if (lf >= 0) {
        parseLine(number, data, pos, lf, st);
      } else if (eof) {
        parseLine(number, data, pos, strEnd, st);
      } else {
        // A NUL hid the LF from strchr, but the line's text still ends before its LF.
        int rawEnd = nl >= 0 ? nl : chunkEnd;
        SyntaxIssue.Kind kind = cEnd >= 0 ? SyntaxIssue.Kind.NUL_BYTE : SyntaxIssue.Kind.LINE_TOO_LONG;
        int col = cEnd >= 0 ? cEnd - pos + 1 : ParseOptions.MAKEMAP_READ + 1;
        st.invalid(number, data, pos, rawEnd, new SyntaxIssue(kind, number, col,
            ParseOptions.LINE_TOO_LONG, 0));
      }
      pos = chunkEnd;
    }
  }

  /** makemap's handling of one line of text: the bytes from {@code from} to {@code to} (no LF). */
  private void parseLine(int number, byte[] data, int from, int to, State st) {
    if (from == to) {
      st.lines.add(new SourceLine(number, data, from, to, SourceLine.Kind.EMPTY,
          st.part));
      return;
    }
    int first = data[from] & 0xff;
    if (options.commentChar() != ParseOptions.NONE && first == options.commentChar()) {
      SourceLine comment = new SourceLine(number, data, from, to, SourceLine.Kind.COMMENT,
          st.part);
      st.lines.add(comment);
      if (AccessSource.isCanitMarker(comment)) {
        st.canitMarkers.add(comment);
      }
      return;
    }
    if (options.delimiter() == ParseOptions.WHITESPACE && Bytes.isSpace(first)) {
      st.invalid(number, data, from, to, new SyntaxIssue(SyntaxIssue.Kind.LEADING_SPACE,
          number, 1, "syntax error (leading space)", 0));
      return;
    }
    boolean[] separator = st.separator;
    boolean fold = options.foldKeys();
    // The key's bytes are read once, for the stored key's hash (folded unless -f) and the tag's
    // as folded: up to the first colon both, after it only the stored key's.
    int k = from;
    int folded = 0;
    int raw = 0;
    int colon = -1;
    int tagHash = 0;
    for (; k < to; k++) {
      int c = data[k] & 0xff;
      if (separator[c]) {
        break;
      }
      if (c == ':') {
        colon = k - from;
        tagHash = folded;
        break;
      }
      folded = DuplicateKeys.MULTIPLIER * folded + Bytes.foldAscii((char) c);
      raw = DuplicateKeys.MULTIPLIER * raw + c;
    }
    int h;
    if (fold) {
      for (; k < to; k++) {
        int c = data[k] & 0xff;
        if (separator[c]) {
          break;
        }
        folded = DuplicateKeys.MULTIPLIER * folded + Bytes.foldAscii((char) c);
      }
      h = folded;
    } else {
      for (; k < to; k++) {
        int c = data[k] & 0xff;
        if (separator[c]) {
          break;
        }
        raw = DuplicateKeys.MULTIPLIER * raw + c;
      }
      h = raw;
    }
    int v = k;
    while (v < to && separator[data[v] & 0xff]) {
      v++;
    }
    if (v == to && !options.allowEmptyValues()) {
      // makemap folds the key in its buffer before any check, so every message names the folded key.
      String key = new String(data, from, k - from, StandardCharsets.ISO_8859_1);
      st.invalid(number, data, from, to, new SyntaxIssue(SyntaxIssue.Kind.MISSING_VALUE,
          number, k - from + 1, "no RHS for LHS " + (fold ? Bytes.foldAscii(key) : key), 0));
      return;
    }
    String tag = colon < 0 ? "" : st.tags.of(data, from, colon, tagHash);
    st.keyHash(h);
    Entry entry = new Entry(number, data, from, to, st.part, st.entries.size(), k - from,
        v - from, colon, tag);
    st.lines.add(entry);
    st.entries.add(entry);
  }

  /** Bytes below this are line controls: LF and NUL among them, no printable one. */
  private static final int LINE_CONTROLS = '\n' + 1;

  private static int indexOf(byte[] data, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static final class State {
    final List<SourceLine> lines;
    final List<Entry> entries;
    /** Without makemap's "duplicate key": those are found once every key is known. */
    final List<SyntaxIssue> issues = new ArrayList<>();
    final List<SourceLine> canitMarkers = new ArrayList<>();
    final TagTexts tags = new TagTexts();
    /** Where the part these lines and entries come from starts; the first's never moves. */
    final PartStart part;
    /** isSeparator for every char of a line (ISO-8859-1: one char a byte). */
    final boolean[] separator = new boolean[256];
    /** By entry, the stored key's hash, for {@link DuplicateKeys}; grows. */
    int[] keyHashes;
    private int hashed;

    State(ParseOptions options, int expectedLines) {
      this.part = new PartStart(options.foldKeys());
      this.lines = new ArrayList<>(expectedLines);
      this.entries = new ArrayList<>(expectedLines);
      this.keyHashes = new int[expectedLines];
      for (int b = 0; b < separator.length; b++) {
        separator[b] = options.isSeparator(b);
      }
    }

    void keyHash(int h) {
      if (hashed == keyHashes.length) {
        keyHashes = Arrays.copyOf(keyHashes, Math.max(16, hashed + (hashed >> 1)));
      }
      keyHashes[hashed++] = h;
    }

    /**
     * Takes {@code later}'s hashes after this state's own, in the array sized for both halves when
     * it holds them (a large map's parse then copies none).
     */
    void addHashes(State later) {
      if (keyHashes.length < hashed + later.hashed) {
        keyHashes = Arrays.copyOf(keyHashes, hashed + later.hashed);
      }
      System.arraycopy(later.keyHashes, 0, keyHashes, hashed, later.hashed);
      hashed += later.hashed;
    }

    void invalid(int number, byte[] data, int from, int to, SyntaxIssue issue) {
      lines.add(new SourceLine(number, data, from, to, SourceLine.Kind.INVALID, part));
      issues.add(issue);
    }
  }
}
