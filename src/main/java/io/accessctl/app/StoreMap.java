package io.accessctl.app;

import io.accessctl.serve.MapInfo;
import io.accessctl.serve.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A live store ({@code accessctl push}/{@code serve}) as a map: opened read only, so it works
 * beside a running server and sees what was committed when it opened. The map is the store's
 * "access", or its only map.
 */
final class StoreMap implements MapSource {
  static final String DEFAULT_MAP = "access";

  private final Path dir;
  private final Store store;
  private final Store.View view;

  private StoreMap(Path dir, Store store, Store.View view) {
    this.dir = dir;
    this.store = store;
    this.view = view;
  }

  static MapSource open(Path dir) throws IOException {
    Store s = Store.openReadOnly(dir);
    try {
      List<MapInfo> maps = s.maps();
      String name = maps.stream().anyMatch(m -> m.name().equals(DEFAULT_MAP)) || maps.size() != 1
          ? DEFAULT_MAP : maps.get(0).name();
      return new StoreMap(dir, s, s.view(name));
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  @Override
  public Path path() {
    return dir;
  }

  @Override
  public Optional<byte[]> get(byte[] key) throws IOException {
    return view.get(key);
  }

  @Override
  public List<String> keys(int limit) {
    return List.of();
  }

  @Override
  public void close() {
    view.close();
    store.close();
  }
}
