package io.accessctl.app;

import io.accessctl.mapfile.MapReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A hash, btree or cdb file, read natively. */
final class CompiledMap implements MapSource {
  private final Path path;
  private final MapReader reader;

  CompiledMap(Path path, MapReader reader) {
    this.path = path;
    this.reader = reader;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public Optional<byte[]> get(byte[] key) throws IOException {
    return reader.get(key);
  }

  @Override
  public boolean sharedGets() {
    return true;
  }

  @Override
  public List<String> keys(int limit) throws IOException {
    TreeSet<String> keys = new TreeSet<>();
    reader.forEach((k, v) -> {
      if (keys.size() < limit) {
        int n = k.length > 0 && k[k.length - 1] == 0 ? k.length - 1 : k.length;
        keys.add(new String(k, 0, n, StandardCharsets.UTF_8));
      }
    });
    return List.copyOf(keys);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
