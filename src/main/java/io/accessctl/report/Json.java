package io.accessctl.report;

import io.accessctl.lint.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer (RFC 8259), compact or pretty, with no dependencies.
 *
 * <pre>{@code
 * Json json = Json.compact(out);
 * json.beginObject().field("version", 1).name("items").beginArray().value("a").endArray()
 *     .endObject();
 * }</pre>
 *
 * <p>Output is pure ASCII: every character outside printable ASCII is written as a {@code \}{@code
 * uXXXX} escape (characters outside the Basic Multilingual Plane as a surrogate pair), so the
 * document survives any output encoding, including the ASCII a pre-commit hook gets under {@code
 * LANG=C}. A lone surrogate, which no UTF-8 or UTF-16 text can hold, is written as U+FFFD.
 *
 * <p>The writer checks its use: a value where a name is due, a name outside an object or an
 * unbalanced end throws {@link IllegalStateException}. I/O errors of the {@link Appendable} are
 * rethrown as {@link UncheckedIOException}.
 */
public final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final String INDENT = "  ";
  /** A line break and the indentation of each depth up to 15. */
  private static final String[] NEWLINES = new String[16];

  static {
    for (int i = 0; i < NEWLINES.length; i++) {
      NEWLINES[i] = "\n" + INDENT.repeat(i);
    }
  }

  private final Appendable out;
  /** {@code out} when it is a StringBuilder, written to without the Appendable detour. */
  private final StringBuilder sb;
  /** The target of a report's writer (see {@link #of(ByteText, boolean)}), else null. */
  private final ByteText bytes;
  private final boolean pretty;
  private final Deque<Scope> scopes = new ArrayDeque<>();
  private boolean done;

  private static final class Scope {
    final boolean object;
    int count;
    boolean named;

    Scope(boolean object) {
      this.object = object;
    }
  }

  private Json(Appendable out, boolean pretty) {
    this.out = out;
    this.sb = out instanceof StringBuilder b ? b : null;
    this.bytes = null;
    this.pretty = pretty;
  }

  private Json(ByteText bytes, boolean pretty) {
    this.out = null;
    this.sb = null;
    this.bytes = bytes;
    this.pretty = pretty;
  }

  /** A writer of a report's bytes, compact or pretty. */
  static Json of(ByteText out, boolean pretty) {
    return new Json(out, pretty);
  }

  /**
   * A writer of elements of an array that another writer began, {@code depth} scopes deep (the
   * array's own included), where {@code first} says whether they are the array's first: the
   * elements come out as if the other writer wrote them ({@link #elements}). A report's second
   * half is written so on a thread of its own.
   */
  static Json elements(ByteText out, boolean pretty, int depth, boolean first) {
    Json json = new Json(out, pretty);
    for (int i = 0; i < depth; i++) {
      json.scopes.push(new Scope(false));
    }
    json.scopes.peek().count = first ? 0 : 1;
    return json;
  }

  /** Counts {@code n} elements that other writers wrote into the array this one is in. */
  Json wroteElements(int n) {
    Scope s = scopes.peek();
    if (s == null || s.object) {
      throw new IllegalStateException("elements belong in an array");
    }
    s.count += n;
    return this;
  }

  /** A writer that puts the whole document on one line (one answer per line for batch modes). */
  public static Json compact(Appendable out) {
    return new Json(out, false);
  }

  /** A writer that indents by two spaces, one member or element per line. */
  public static Json pretty(Appendable out) {
    return new Json(out, true);
  }

  public Json beginObject() {
    beforeValue();
    write('{');
    scopes.push(new Scope(true));
    return this;
  }

  public Json endObject() {
    return end(true, '}');
  }

  public Json beginArray() {
    beforeValue();
    write('[');
    scopes.push(new Scope(false));
    return this;
  }

  public Json endArray() {
    return end(false, ']');
  }

  /** The name of the next member of the current object. */
  public Json name(String name) {
    Scope s = scopes.peek();
    if (s == null || !s.object || s.named) {
      throw new IllegalStateException("a name belongs inside an object, before a value");
    }
    separate(s);
    writeQuoted(name);
    write(pretty ? ": " : ":");
    s.named = true;
    return this;
  }

  /** A string value, or {@code null} when {@code s} is null. */
  public Json value(String s) {
    if (s == null) {
      return nullValue();
    }
    beforeValue();
    writeQuoted(s);
    done = scopes.isEmpty();
    return this;
  }

  public Json value(long n) {
    return scalar(Long.toString(n));
  }

  public Json value(boolean b) {
    return scalar(b ? "true" : "false");
  }

  public Json nullValue() {
    return scalar("null");
  }

  /** {@code name(name).value(value)}. */
  public Json field(String name, String value) {
    return name(name).value(value);
  }

  /**
   * {@code name(name).value(value)}, the text of a finding's message written part by part, or
   * {@code null} when it is null.
   */
  public Json field(String name, Message value) {
    name(name);
    if (value == null) {
      return nullValue();
    }
    beforeValue();
    if (bytes != null) {
      bytes.jsonString(value);
    } else {
      writeQuoted(value.toString());
    }
    done = scopes.isEmpty();
    return this;
  }

  /** {@code name(name).value(value)}. */
  public Json field(String name, long value) {
    return name(name).value(value);
  }

  /** {@code name(name).value(value)}. */
  public Json field(String name, boolean value) {
    return name(name).value(value);
  }

  /** Whether one complete top-level value has been written. */
  public boolean isComplete() {
    return done && scopes.isEmpty();
  }

  /** {@code s} as a quoted JSON string, pure ASCII; see the class comment. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(s, sb);
    return sb.toString();
  }

  /** The printable ASCII characters a JSON string escapes. */
  private static final byte[] QUOTED = Visible.stops("\"\\");

  /** Appends {@code s} as a quoted JSON string, pure ASCII; see the class comment. */
  public static void quote(String s, StringBuilder sb) {
    sb.append('"');
    escape(s, sb);
    sb.append('"');
  }

  /** {@code s} as the inside of a JSON string, without the quotes: {@link #quote} less them. */
  static String escaped(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    escape(s, sb);
    return sb.toString();
  }

  private static void escape(String s, StringBuilder sb) {
    int i = Visible.plainPrefix(s, QUOTED);
    sb.append(s, 0, i); // printable ASCII, as most of a message is, or all of it
    while (i < s.length()) {
      int plain = i;
      while (plain < s.length() && isPlain(s.charAt(plain))) {
        plain++;
      }
      if (plain > i) {
        sb.append(s, i, plain); // a run of printable ASCII, as most of a message is
        i = plain;
        continue;
      }
      int cp = Utf8.scalarAt(s, i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (cp >= 0x20 && cp < 0x7f) {
            sb.append((char) cp);
          } else if (Character.isBmpCodePoint(cp)) {
            unicodeEscape((char) cp, sb);
          } else {
            unicodeEscape(Character.highSurrogate(cp), sb);
            unicodeEscape(Character.lowSurrogate(cp), sb);
          }
        }
      }
    }
  }

  private static boolean isPlain(char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  }

  private static void unicodeEscape(char c, StringBuilder sb) {
    sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }

  private Json end(boolean object, char close) {
    Scope s = scopes.peek();
    if (s == null || s.object != object || s.named) {
      throw new IllegalStateException("unbalanced " + close);
    }
    scopes.pop();
    if (pretty && s.count > 0) {
      newline();
    }
    write(close);
    done = scopes.isEmpty();
    return this;
  }

  private Json scalar(String text) {
    beforeValue();
    write(text);
    done = scopes.isEmpty();
    return this;
  }

  private void beforeValue() {
    Scope s = scopes.peek();
    if (s == null) {
      if (done) {
        throw new IllegalStateException("a JSON text holds one top-level value");
      }
      return;
    }
    if (s.object) {
      if (!s.named) {
        throw new IllegalStateException("an object member needs a name first");
      }
      s.named = false;
    } else {
      separate(s);
    }
  }

  /** Writes the comma and line break before the current scope's next member or element. */
  private void separate(Scope s) {
    if (s.count++ > 0) {
      write(',');
    }
    if (pretty) {
      newline();
    }
  }

  private void newline() {
    int depth = scopes.size();
    if (depth < NEWLINES.length) {
      write(NEWLINES[depth]);
      return;
    }
    write('\n');
    for (int i = 0; i < depth; i++) {
      write(INDENT);
    }
  }

  private void writeQuoted(String s) {
    if (bytes != null) {
      bytes.jsonString(s);
    } else if (sb != null) {
      quote(s, sb);
    } else {
      write(quote(s));
    }
  }

  private void write(CharSequence s) {
    if (bytes != null) {
      bytes.ascii(s.toString()); // JSON's own characters and escaped text: ASCII
      return;
    }
    if (sb != null) {
      sb.append(s);
      return;
    }
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(char c) {
    if (bytes != null) {
      bytes.ascii(c);
      return;
    }
    if (sb != null) {
      sb.append(c);
      return;
    }
    try {
      out.append(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
