package io.accessctl.rules;

import java.util.Map;
import java.util.Set;

/**
 * What the caller knows that the cf does not say: macros sendmail defines itself ({@code $w},
 * {@code $j}, {@code $m} …, as {@code x} or {@code {name}}), words of classes sendmail fills at
 * start ({@code w} with the host's names), and maps to use instead of a K line's (by map name).
 */
public record Settings(Map<String, String> macros, Map<String, Set<String>> classes,
    Map<String, MapClass> maps) {
  public static final Settings NONE = new Settings(Map.of(), Map.of(), Map.of());

  public Settings {
    macros = Map.copyOf(macros);
    classes = Map.copyOf(classes);
    maps = Map.copyOf(maps);
  }
}
