package io.accessctl.cli;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.mapfile.Record;
import io.accessctl.source.AccessParser;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map to look keys up in: a compiled hash, btree or cdb file read natively, or a text map
 * parsed exactly as compile would parse it.
 */
abstract class MapSource implements Closeable {
  /** The map's file, for messages. */
  abstract Path path();

  /** The stored value for these exact key bytes, or empty. */
  abstract Optional<byte[]> get(byte[] key) throws IOException;

  /**
   * Opens {@code map}, or the default: the file of the access K line in the cf, else
   * /etc/mail/access.db.
   */
  static MapSource open(Path map, Optional<CfFile> cf, ParseOptions text) throws IOException {
    Path p = map;
    if (p == null) {
      Optional<AccessMapSpec> k = cf.flatMap(CfFile::accessMap);
      p = k.map(s -> Path.of(s.path()
              + MapFormat.named(s.mapClass()).orElse(MapFormat.HASH).extension()))
          .orElse(Path.of("/etc/mail/access.db"));
    }
    if (Files.isDirectory(p) && StoreMapSource.isStore(p)) {
      return StoreMapSource.open(p); // accessctl serve's live store, read-only
    }
    if (Files.isDirectory(p)) {
      throw new IOException(p + ": is a directory, not a map");
    }
    if (!Files.exists(p)) {
      throw new java.nio.file.NoSuchFileException(p.toString());
    }
    if (MapFormat.isCompiled(p)) {
      // a damaged db is reported as such, not read as text
      return new Compiled(p, MapReader.open(p));
    }
    byte[] data = SourceFiles.read(p);
    return new Text(p, Records.of(new AccessParser(text).parse(p.toString(), data),
        Records.Duplicates.FIRST_WINS, false));
  }

  private static final class Compiled extends MapSource {
    private final Path path;
    private final MapReader reader;

    Compiled(Path path, MapReader reader) {
      this.path = path;
      this.reader = reader;
    }

    @Override
    Path path() {
      return path;
    }

    @Override
    Optional<byte[]> get(byte[] key) throws IOException {
      return reader.get(key);
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  private static final class Text extends MapSource {
    private final Path path;
    private final Map<ByteBuffer, byte[]> map = new HashMap<>();

    Text(Path path, List<Record> records) {
      this.path = path;
      for (Record r : records) {
        map.putIfAbsent(ByteBuffer.wrap(r.key()), r.value());
      }
    }

    @Override
    Path path() {
      return path;
    }

    @Override
    Optional<byte[]> get(byte[] key) {
      return Optional.ofNullable(map.get(ByteBuffer.wrap(key)));
    }

    @Override
    public void close() {}
  }
}
