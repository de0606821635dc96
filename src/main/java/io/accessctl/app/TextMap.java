package io.accessctl.app;

import io.accessctl.mapfile.Record;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** A text map, parsed as compile parses it, held as the records compile would write. */
final class TextMap implements MapSource {
  private final Path path;
  private final AccessSource source;
  private final Map<ByteBuffer, byte[]> map = new HashMap<>();

  TextMap(Path path, AccessSource source) {
    this.path = path;
    this.source = source;
    for (Record r : Records.of(source, Records.Duplicates.FIRST_WINS, false)) {
      map.putIfAbsent(ByteBuffer.wrap(r.key()), r.value());
    }
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    return Optional.ofNullable(map.get(ByteBuffer.wrap(key)));
  }

  @Override
  public List<String> keys(int limit) {
    TreeSet<String> keys = new TreeSet<>();
    for (Entry e : source.entries()) {
      if (keys.size() < limit) {
        keys.add(e.key());
      }
    }
    return List.copyOf(keys);
  }

  @Override
  public void close() {}
}
