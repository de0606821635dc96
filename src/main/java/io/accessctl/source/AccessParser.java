package io.accessctl.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
   * second, and its lines are independent but for the duplicate-key check, which the join does.
   */
  static final int SPLIT_FROM = 1 << 20;

  /** As {@link #parse(String, byte[])}, in two halves from {@code splitFrom} bytes on. */
  AccessSource parse(String name, byte[] data, int splitFrom) {
    int cut = options.makemapLines() || data.length < splitFrom ? -1 : cut(data);
    State st;
    if (cut < 0) {
      st = new State(options, lineCount(data, 0, data.length), false);
      if (options.makemapLines()) {
        readLikeFgets(data, st);
      } else {
        readWholeLines(data, 0, data.length, 1, st);
      }
    } else {
      st = parseHalves(data, cut);
    }
    // the lists are this parse's own: a view that cannot change them, not a copy that checks
    // every one of a large map's lines for null
    return new AccessSource(name, options, Collections.unmodifiableList(st.lines),
        Collections.unmodifiableList(st.entries), List.copyOf(st.issues),
        List.copyOf(st.canitMarkers));
  }

  /** Where the second half starts: after the first LF from the middle on; -1 for none. */
  private static int cut(byte[] data) {
    int nl = indexOf(data, (byte) '\n', data.length / 2, data.length);
    return nl < 0 || nl + 1 >= data.length ? -1 : nl + 1;
  }

  /**
   * Parses {@code [0, cut)} on this thread and the rest on another, then joins them as one pass
   * would have made them: the second half's entries are numbered on, and its keys are looked up
   * among the first half's here, in file order, so that each duplicate names the same first line
   * and sits in the same place among the issues as in one pass. Each half fills a key table of
   * its own, so that the join only looks up and the tables are filled on two threads.
   */
  private State parseHalves(byte[] data, int cut) {
    State[] second = new State[1];
    Throwable[] failed = new Throwable[1];
    Thread helper = new Thread(() -> {
      try {
        State b = new State(options, lineCount(data, cut, data.length), true);
        readWholeLines(data, cut, data.length, lineCount(data, 0, cut), b);
        second[0] = b;
      } catch (RuntimeException | Error e) {
        failed[0] = e;
      }
    }, "accessctl-parse");
    helper.setDaemon(true);
    helper.start();
    int firstLines = lineCount(data, 0, cut);
    // the first half's lists take the second's at the join: sized for both, they are not copied
    State a = new State(options, firstLines, firstLines + lineCount(data, cut, data.length),
        false);
    readWholeLines(data, 0, cut, 1, a);
    try {
      helper.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing", e);
    }
    if (failed[0] instanceof RuntimeException e) {
      throw e;
    }
    if (failed[0] instanceof Error e) {
      throw e;
    }
    State b = second[0];
    List<SyntaxIssue> duplicates = new ArrayList<>();
    int shift = a.entries.size();
    for (int i = 0; i < b.entries.size(); i++) {
      Entry e = b.entries.get(i);
      e.shiftIndex(shift);
      // a key of the first half is first there; any other is first where the second half met it
      Entry earlier = a.keys.find(e, b.keyHashes[i]);
      if (earlier == null) {
        earlier = b.earlierInHalf.get(i);
      }
      if (earlier != null) {
        duplicates.add(duplicate(e, earlier));
      }
    }
    a.lines.addAll(b.lines);
    a.entries.addAll(b.entries);
    a.canitMarkers.addAll(b.canitMarkers);
    // both in line order; a line's own issue (too long) comes before its duplicate, as in one pass
    int d = 0;
    for (SyntaxIssue issue : b.issues) {
      while (d < duplicates.size() && duplicates.get(d).line() < issue.line()) {
        a.issues.add(duplicates.get(d++));
      }
      a.issues.add(issue);
    }
    a.issues.addAll(duplicates.subList(d, duplicates.size()));
    return a;
  }

  /**
   * The lines as accessctl reads them (makemap's 1023-byte reads may make more, and the lists and
   * the key table then grow), so that they are sized once.
   */
  private static int lineCount(byte[] data, int from, int to) {
    int n = 1;
    for (int i = from; i < to; i++) {
      if (data[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** The lines of {@code [from, to)}, the first of them numbered {@code first}. */
  private void readWholeLines(byte[] data, int from, int to, int first, State st) {
    int start = from;
    int number = first - 1;
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
    while (end < data.length && data[end] != '\n') {
      if (data[end] == 0 && nul < 0) {
        nul = end - start;
      }
      end++;
    }
    if (nul >= 0) {
      st.invalid(number, start, data, start, end, new SyntaxIssue(SyntaxIssue.Kind.NUL_BYTE, number,
          nul + 1, ParseOptions.LINE_TOO_LONG, 0));
    } else {
      if (end - start >= ParseOptions.MAKEMAP_READ) {
        // makemap cannot read it; accessctl reads it whole, so the issue is recorded but the line
        // is still parsed.
        st.issues.add(new SyntaxIssue(SyntaxIssue.Kind.LINE_TOO_LONG, number,
            ParseOptions.MAKEMAP_READ + 1, ParseOptions.LINE_TOO_LONG, 0));
      }
      parseLine(number, start, data, start, end, st);
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
        parseLine(number, pos, data, pos, lf, st);
      } else if (eof) {
        parseLine(number, pos, data, pos, strEnd, st);
      } else {
        // A NUL hid the LF from strchr, but the line's text still ends before its LF.
        int rawEnd = nl >= 0 ? nl : chunkEnd;
        SyntaxIssue.Kind kind = cEnd >= 0 ? SyntaxIssue.Kind.NUL_BYTE : SyntaxIssue.Kind.LINE_TOO_LONG;
        int col = cEnd >= 0 ? cEnd - pos + 1 : ParseOptions.MAKEMAP_READ + 1;
        st.invalid(number, pos, data, pos, rawEnd, new SyntaxIssue(kind, number, col,
            ParseOptions.LINE_TOO_LONG, 0));
      }
      pos = chunkEnd;
    }
  }

  /** makemap's handling of one line of text: the bytes from {@code from} to {@code to} (no LF). */
  private void parseLine(int number, long offset, byte[] data, int from, int to, State st) {
    if (from == to) {
      st.lines.add(new SourceLine(number, offset, data, from, to, SourceLine.Kind.EMPTY));
      return;
    }
    int first = data[from] & 0xff;
    if (options.commentChar() != ParseOptions.NONE && first == options.commentChar()) {
      SourceLine comment = new SourceLine(number, offset, data, from, to, SourceLine.Kind.COMMENT);
      st.lines.add(comment);
      if (AccessSource.isCanitMarker(comment)) {
        st.canitMarkers.add(comment);
      }
      return;
    }
    if (options.delimiter() == ParseOptions.WHITESPACE && Bytes.isSpace(first)) {
      st.invalid(number, offset, data, from, to, new SyntaxIssue(SyntaxIssue.Kind.LEADING_SPACE,
          number, 1, "syntax error (leading space)", 0));
      return;
    }
    boolean[] separator = st.separator;
    boolean fold = options.foldKeys();
    int k = from;
    int h = 0;
    int folded = 0;
    int colon = -1;
    int tagHash = 0;
    while (k < to && !separator[data[k] & 0xff]) {
      byte b = data[k];
      // the stored key's hash, and the tag's as folded, while the key's bytes are at hand
      char f = Bytes.foldAscii((char) (b & 0xff));
      if (b == ':' && colon < 0) {
        colon = k - from;
        tagHash = folded;
      }
      folded = KeyTable.MULTIPLIER * folded + f;
      h = fold ? folded : KeyTable.MULTIPLIER * h + (b & 0xff);
      k++;
    }
    int v = k;
    while (v < to && separator[data[v] & 0xff]) {
      v++;
    }
    if (v == to && !options.allowEmptyValues()) {
      // makemap folds the key in its buffer before any check, so every message names the folded key.
      String key = new String(data, from, k - from, StandardCharsets.ISO_8859_1);
      st.invalid(number, offset, data, from, to, new SyntaxIssue(SyntaxIssue.Kind.MISSING_VALUE,
          number, k - from + 1, "no RHS for LHS " + (fold ? Bytes.foldAscii(key) : key), 0));
      return;
    }
    SourceLine line = new SourceLine(number, offset, data, from, to, SourceLine.Kind.ENTRY);
    st.lines.add(line);
    String tag = colon < 0 ? "" : st.tags.of(data, from, colon, tagHash);
    Entry e = new Entry(line, st.entries.size(), k - from, v - from, colon, fold, tag);
    Entry earlier = st.keys.putIfAbsent(e, h);
    if (st.keyHashes != null) {
      st.keyHash(h, earlier); // reported by the join of the halves
    } else if (earlier != null) {
      st.issues.add(duplicate(e, earlier));
    }
    st.entries.add(e);
  }

  private static SyntaxIssue duplicate(Entry e, Entry earlier) {
    return new SyntaxIssue(SyntaxIssue.Kind.DUPLICATE_KEY, e.lineNumber(), 1,
        "key " + e.storedKey() + ": duplicate key", earlier.lineNumber());
  }

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
    final List<SyntaxIssue> issues = new ArrayList<>();
    final List<SourceLine> canitMarkers = new ArrayList<>();
    final KeyTable keys;
    final TagTexts tags = new TagTexts();
    /** isSeparator for every char of a line (ISO-8859-1: one char a byte). */
    final boolean[] separator = new boolean[256];

    /**
     * With {@code deferKeys}, the stored keys' hashes by entry, for a second half whose keys are
     * looked up when it joins the first; else null.
     */
    final int[] keyHashes;
    /** With {@code deferKeys}: by entry, the earlier entry of this half with its key. */
    final Map<Integer, Entry> earlierInHalf = new HashMap<>();
    private int hashed;

    State(ParseOptions options, int lines, boolean deferKeys) {
      this(options, lines, lines, deferKeys);
    }

    /** @param capacity the lines the lists are sized for, {@code lines} and more */
    State(ParseOptions options, int lines, int capacity, boolean deferKeys) {
      this.lines = new ArrayList<>(capacity);
      this.entries = new ArrayList<>(capacity);
      this.keys = new KeyTable(options.foldKeys(), lines);
      this.keyHashes = deferKeys ? new int[lines] : null;
      for (int b = 0; b < separator.length; b++) {
        separator[b] = options.isSeparator(b);
      }
    }

    void keyHash(int h, Entry earlier) {
      if (earlier != null) {
        earlierInHalf.put(hashed, earlier);
      }
      keyHashes[hashed++] = h;
    }

    void invalid(int number, long offset, byte[] data, int from, int to, SyntaxIssue issue) {
      lines.add(new SourceLine(number, offset, data, from, to, SourceLine.Kind.INVALID));
      issues.add(issue);
    }
  }
}
