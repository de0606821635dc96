package io.accessctl.rules;

import java.util.Map;
import java.util.Set;

/**
 * What the caller knows that the cf does not say: macros sendmail defines itself ({@code $w},
 * {@code $j}, {@code $m} …, as {@code x} or {@code {name}}), words of classes sendmail fills at
 * start ({@code w} with the host's names), maps to use instead of a K line's (by map name), and
 * storage to read instead of the file a K line names, its options kept (by map name).
 */
public record Settings(Map<String, String> macros, Map<String, Set<String>> classes,
    Map<String, MapClass> maps, Map<String, MapStorage> storage) {
  public static final Settings NONE = new Settings(Map.of(), Map.of(), Map.of());

  public Settings {
    macros = Map.copyOf(macros);
    classes = Map.copyOf(classes);
    maps = Map.copyOf(maps);
    storage = Map.copyOf(storage);
  }

  public Settings(Map<String, String> macros, Map<String, Set<String>> classes,
      Map<String, MapClass> maps) {
    this(macros, classes, maps, Map.of());
  }

  /** These settings with the map named {@code map} read from {@code records}. */
  public Settings withStorage(String map, MapStorage records) {
    Map<String, MapStorage> s = new java.util.HashMap<>(storage);
    s.put(map, records);
    return new Settings(macros, classes, maps, s);
  }
}
