package io.accessctl.app;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.serve.Store;
import io.accessctl.source.AccessParser;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens any map by its path: what it is is told by the file, not by its name. */
public final class Maps {
  private Maps() {}

  /**
   * Opens {@code map}, or, when it is null, the compiled map the target's cf names ({@link
   * MapTarget#defaultLookupMap}).
   *
   * @param text how a text map is parsed (the target's folding applies)
   */
  public static MapSource open(Path map, MapTarget target, ParseOptions text) throws IOException {
    return open(map != null ? map : target.defaultLookupMap(), target.parseOptions(text));
  }

  /** Opens the map at {@code p}; a text map is parsed with {@code text}. */
  public static MapSource open(Path p, ParseOptions text) throws IOException {
    if (Files.isDirectory(p) && Store.isStore(p)) {
      return StoreMap.open(p); // accessctl serve's live store, read-only
    }
    if (Files.isDirectory(p)) {
      throw new IOException(p + ": is a directory, not a map");
    }
    if (!Files.exists(p)) {
      throw new NoSuchFileException(p.toString());
    }
    if (MapFormat.isCompiled(p)) {
      // a damaged db is reported as such, not read as text
      return new CompiledMap(p, MapReader.open(p));
    }
    return new TextMap(p, new AccessParser(text).parse(p.toString(), SourceFiles.read(p)));
  }

  /**
   * Opens a compiled map to read every record in file order (dump).
   *
   * @param wanted the format the caller insists on, or null for whatever the file is
   * @throws IOException when {@code db} is a directory, not a map, or not in {@code wanted}
   */
  public static MapReader openCompiled(Path db, MapFormat wanted) throws IOException {
    if (Files.isDirectory(db)) {
      throw new IOException(db + ": is a directory, not a map");
    }
    MapFormat detected = MapFormat.detect(db);
    if (wanted != null && wanted != detected) {
      throw new IOException(db + ": is a " + detected + " file, not " + wanted);
    }
    return MapReader.open(db);
  }
}
