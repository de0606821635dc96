package io.accessctl.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
  private static final int MAX_CHUNK = ParseOptions.MAKEMAP_BUFFER - 1;

  private final ParseOptions options;

  public AccessParser(ParseOptions options) {
    this.options = options;
  }

  public static AccessSource parse(Path file, ParseOptions options) throws IOException {
    return new AccessParser(options).parse(file.toString(), Files.readAllBytes(file));
  }

  public AccessSource parse(String name, byte[] data) {
    State st = new State();
    if (options.makemapLines()) {
      readLikeFgets(data, st);
    } else {
      readWholeLines(data, st);
    }
    return new AccessSource(name, options, List.copyOf(st.lines), List.copyOf(st.entries),
        List.copyOf(st.issues));
  }

  private void readWholeLines(byte[] data, State st) {
    int start = 0;
    int number = 0;
    while (start < data.length) {
      int nl = indexOf(data, (byte) '\n', start, data.length);
      int end = nl < 0 ? data.length : nl;
      number++;
      String text = new String(data, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
      int nul = text.indexOf('\0');
      if (nul >= 0) {
        st.invalid(number, start, text, new SyntaxIssue(SyntaxIssue.Kind.NUL_BYTE, number, nul + 1,
            "line too long (1024 bytes max)", 0));
      } else {
        if (end - start >= MAX_CHUNK) {
          // makemap cannot read it; accessctl reads it whole, so the issue is recorded but the line
          // is still parsed.
          st.issues.add(new SyntaxIssue(SyntaxIssue.Kind.LINE_TOO_LONG, number, MAX_CHUNK + 1,
              "line too long (1024 bytes max)", 0));
        }
        parseText(number, start, text, st);
      }
      start = nl < 0 ? data.length : nl + 1;
    }
  }

  private void readLikeFgets(byte[] data, State st) {
    int pos = 0;
    int number = 0;
    while (pos < data.length) {
      int limit = Math.min(data.length, pos + MAX_CHUNK);
      int nl = indexOf(data, (byte) '\n', pos, limit);
      int chunkEnd = nl >= 0 ? nl + 1 : limit;
      // fgets sets end-of-file only when it ran out of input before filling the buffer.
      boolean eof = nl < 0 && limit == data.length && limit - pos < MAX_CHUNK;
      number++;
      int cEnd = indexOf(data, (byte) 0, pos, chunkEnd);
      int strEnd = cEnd < 0 ? chunkEnd : cEnd;
      int lf = indexOf(data, (byte) '\n', pos, strEnd);
      String text;
      if (lf >= 0) {
        text = new String(data, pos, lf - pos, java.nio.charset.StandardCharsets.ISO_8859_1);
      } else if (eof) {
        text = new String(data, pos, strEnd - pos, java.nio.charset.StandardCharsets.ISO_8859_1);
      } else {
        // A NUL hid the LF from strchr, but the line's text still ends before its LF.
        int rawEnd = nl >= 0 ? nl : chunkEnd;
        String raw = new String(data, pos, rawEnd - pos, java.nio.charset.StandardCharsets.ISO_8859_1);
        SyntaxIssue.Kind kind = cEnd >= 0 ? SyntaxIssue.Kind.NUL_BYTE : SyntaxIssue.Kind.LINE_TOO_LONG;
        int col = cEnd >= 0 ? cEnd - pos + 1 : MAX_CHUNK + 1;
        st.invalid(number, pos, raw, new SyntaxIssue(kind, number, col,
            "line too long (1024 bytes max)", 0));
        pos = chunkEnd;
        continue;
      }
      parseText(number, pos, text, st);
      pos = chunkEnd;
    }
  }

  /** makemap's handling of one line of text (already cut at the LF). */
  private void parseText(int number, long offset, String t, State st) {
    if (t.isEmpty()) {
      st.lines.add(new SourceLine(number, offset, t, SourceLine.Kind.EMPTY));
      return;
    }
    if (options.commentChar() != ParseOptions.NONE && t.charAt(0) == options.commentChar()) {
      st.lines.add(new SourceLine(number, offset, t, SourceLine.Kind.COMMENT));
      return;
    }
    if (options.delimiter() == ParseOptions.WHITESPACE && Bytes.isSpace(t.charAt(0))) {
      st.invalid(number, offset, t, new SyntaxIssue(SyntaxIssue.Kind.LEADING_SPACE, number, 1,
          "syntax error (leading space)", 0));
      return;
    }
    int k = 0;
    while (k < t.length() && !options.isSeparator(t.charAt(k))) {
      k++;
    }
    int v = k;
    while (v < t.length() && options.isSeparator(t.charAt(v))) {
      v++;
    }
    String key = t.substring(0, k);
    String value = t.substring(v);
    // makemap folds the key in its buffer before any check, so every message names the folded key.
    String stored = options.foldKeys() ? Bytes.foldAscii(key) : key;
    if (value.isEmpty() && !options.allowEmptyValues()) {
      st.invalid(number, offset, t, new SyntaxIssue(SyntaxIssue.Kind.MISSING_VALUE, number,
          k + 1, "no RHS for LHS " + stored, 0));
      return;
    }
    SourceLine line = new SourceLine(number, offset, t, SourceLine.Kind.ENTRY);
    st.lines.add(line);
    Entry e = new Entry(line, key, stored, value, 1, v + 1);
    Entry first = st.firstByKey.putIfAbsent(stored, e);
    if (first != null) {
      st.issues.add(new SyntaxIssue(SyntaxIssue.Kind.DUPLICATE_KEY, number, 1,
          "key " + stored + ": duplicate key", first.lineNumber()));
    }
    st.entries.add(e);
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
    final List<SourceLine> lines = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();
    final List<SyntaxIssue> issues = new ArrayList<>();
    final Map<String, Entry> firstByKey = new HashMap<>();

    void invalid(int number, long offset, String text, SyntaxIssue issue) {
      lines.add(new SourceLine(number, offset, text, SourceLine.Kind.INVALID));
      issues.add(issue);
    }
  }
}
