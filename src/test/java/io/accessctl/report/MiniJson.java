package io.accessctl.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser for tests only: proves a document is valid JSON and gives its values
 * ({@link Map}, {@link List}, {@link String}, {@link BigDecimal}, {@link Boolean}, {@link #NULL}).
 * Rejects what lenient parsers let through: control characters in strings, bad escapes, lone
 * surrogate escapes, leading zeros, trailing commas, duplicate names, and anything after the value.
 */
final class MiniJson {
  /** JSON {@code null}, so that a map can tell it from a missing member. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private final String s;
  private int i;

  private MiniJson(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    MiniJson p = new MiniJson(text);
    p.ws();
    Object v = p.value();
    p.ws();
    if (p.i != text.length()) {
      throw p.error("text after the value");
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object v) {
    if (!(v instanceof Map)) {
      throw new AssertionError("not an object: " + v);
    }
    return (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  static List<Object> array(Object v) {
    if (!(v instanceof List)) {
      throw new AssertionError("not an array: " + v);
    }
    return (List<Object>) v;
  }

  private Object value() {
    if (i >= s.length()) {
      throw error("value expected");
    }
    char c = s.charAt(i);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", NULL);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    ws();
    if (peek() == '}') {
      i++;
      return m;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw error("member name expected");
      }
      String name = string();
      ws();
      expect(':');
      ws();
      if (m.put(name, value()) != null) {
        throw error("duplicate name " + name);
      }
      ws();
      if (peek() == ',') {
        i++;
      } else {
        expect('}');
        return m;
      }
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    i++;
    ws();
    if (peek() == ']') {
      i++;
      return l;
    }
    while (true) {
      ws();
      l.add(value());
      ws();
      if (peek() == ',') {
        i++;
      } else {
        expect(']');
        return l;
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        break;
      }
      if (c < 0x20) {
        throw error("raw control character in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = i < s.length() ? s.charAt(i++) : 0;
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append(hex4());
        default -> throw error("bad escape \\" + e);
      }
    }
    String out = sb.toString();
    for (int k = 0; k < out.length(); k++) {
      char c = out.charAt(k);
      boolean paired = Character.isHighSurrogate(c) && k + 1 < out.length()
          && Character.isLowSurrogate(out.charAt(k + 1));
      if (paired) {
        k++;
      } else if (Character.isSurrogate(c)) {
        throw error("lone surrogate in string");
      }
    }
    return out;
  }

  private char hex4() {
    if (i + 4 > s.length()) {
      throw error("short \\u escape");
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(s.charAt(i++), 16);
      if (d < 0) {
        throw error("bad \\u escape");
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  private BigDecimal number() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    if (peek() == '0') {
      i++;
    } else if (peek() >= '1' && peek() <= '9') {
      digits();
    } else {
      throw error("value expected");
    }
    if (peek() == '.') {
      i++;
      if (!Character.isDigit(peek())) {
        throw error("digit expected");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      i++;
      if (peek() == '+' || peek() == '-') {
        i++;
      }
      if (!Character.isDigit(peek())) {
        throw error("digit expected");
      }
      digits();
    }
    return new BigDecimal(s.substring(start, i));
  }

  private void digits() {
    while (peek() >= '0' && peek() <= '9') {
      i++;
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw error("bad literal");
    }
    i += word.length();
    return v;
  }

  private void ws() {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : 0;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "' expected");
    }
    i++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at offset " + i);
  }
}
