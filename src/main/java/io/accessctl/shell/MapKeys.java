package io.accessctl.shell;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.source.AccessParser;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/** The keys of a map, for completion: a compiled db read natively, or a text map parsed. */
final class MapKeys {
  /** More than an admin would page through; a bigger map completes its first keys only. */
  static final int LIMIT = 200_000;

  private MapKeys() {}

  static List<String> load(Path map) throws IOException {
    TreeSet<String> keys = new TreeSet<>();
    if (MapFormat.isCompiled(map)) {
      try (MapReader r = MapReader.open(map)) {
        r.forEach((k, v) -> {
          if (keys.size() < LIMIT) {
            int n = k.length > 0 && k[k.length - 1] == 0 ? k.length - 1 : k.length;
            keys.add(new String(k, 0, n, StandardCharsets.UTF_8));
          }
        });
      }
    } else {
      byte[] data = SourceFiles.read(map);
      for (Entry e : new AccessParser(ParseOptions.defaults()).parse(map.toString(), data).entries()) {
        if (keys.size() < LIMIT) {
          keys.add(e.key());
        }
      }
    }
    return List.copyOf(keys);
  }
}
