package io.accessctl.rules;

/** The macros of one question, as map classes see them ({@code macro} sets them). */
public interface Macros {
  /** The value of a macro named {@code x} or {@code {name}}; null when not defined. */
  String get(String name);

  /** Defines the macro, or undefines it with null. */
  void set(String name, String value);
}
