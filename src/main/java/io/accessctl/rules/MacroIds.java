package io.accessctl.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The id each macro or class name has inside compiled rules: a one-character name is its own id,
 * a {@code {long}} name gets one of its own above the byte range (sendmail numbers them too).
 */
final class MacroIds {
  private static final char FIRST_LONG = 0x100;
  private final Map<String, Character> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  char id(String name) {
    if (name.length() == 1) {
      return name.charAt(0);
    }
    return ids.computeIfAbsent(name, n -> {
      names.add(n);
      return (char) (FIRST_LONG + names.size() - 1);
    });
  }

  /** The id of a name already used, or 0. */
  char find(String name) {
    if (name.length() == 1) {
      return name.charAt(0);
    }
    Character c = ids.get(name);
    return c == null ? 0 : c;
  }

  String name(int id) {
    return id < FIRST_LONG ? String.valueOf((char) id) : names.get(id - FIRST_LONG);
  }

  /** One more than the highest id given so far. */
  int limit() {
    return FIRST_LONG + names.size();
  }

  /** {@code x} or {@code {name}} for what a user typed: {@code x}, {@code {x}}, {@code name}, {@code {name}}. */
  static String canonical(String typed) {
    boolean braced = braced(typed);
    if (braced && typed.length() != 3) {
      // already canonical (each question's macros come so): no new string per macro
      return typed;
    }
    String t = braced ? typed.substring(1, typed.length() - 1) : typed;
    return t.length() == 1 ? t : "{" + t + "}";
  }

  /**
   * Whether a name is in braces: asked of every macro of every question, by chars (C1's code
   * calls startsWith and endsWith).
   */
  private static boolean braced(String name) {
    int last = name.length() - 1;
    return last > 0 && name.charAt(0) == '{' && name.charAt(last) == '}';
  }
}
