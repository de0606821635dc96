package io.accessctl.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code text} class map: lines of columns split at {@code -z} (else at white space), the key in
 * column {@code -k} (0), the value in column {@code -v} (0, as text_map_open() defaults it: the key
 * column itself), keys compared in any case (text_map_lookup() compares with
 * sm_strcasecmp(), {@code -f} or not); {@code #} lines are comments.
 */
final class TextMap implements MapClass {
  private final Path file;
  private final MapOptions options;
  private Map<String, String> entries;

  TextMap(Path file, MapOptions options) {
    this.file = file;
    this.options = options;
  }

  /** The same map for another engine: it reads the file for itself. */
  TextMap twin() {
    return new TextMap(file, options);
  }

  @Override
  public Result lookup(String key, List<String> args, Macros macros) {
    if (entries == null && !load()) {
      return options.optional() ? Result.NOT_FOUND : options.tempfail(key);
    }
    String v = entries.get(FileMap.lower(key));
    return v == null ? Result.NOT_FOUND : Result.found(options.rewrite(v, key, args));
  }

  private boolean load() {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return false;
    }
    int keyColumn = column('k', 0);
    int valueColumn = column('v', 0);
    String delim = options.flags().get('z');
    String split = delim == null || delim.isEmpty() ? "[ \t]+"
        : java.util.regex.Pattern.quote(delim.substring(0, 1));
    entries = new HashMap<>();
    for (String line : lines) {
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      String[] cols = (delim == null ? line.strip() : line).split(split, -1);
      if (cols.length > Math.max(keyColumn, valueColumn)) {
        entries.putIfAbsent(FileMap.lower(cols[keyColumn]), cols[valueColumn]);
      }
    }
    return true;
  }

  private int column(char flag, int otherwise) {
    try {
      return Integer.parseInt(options.flags().getOrDefault(flag, "" + otherwise));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
