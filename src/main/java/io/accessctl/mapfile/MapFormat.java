package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of map file formats: each one's name, the extension its files get, how to
 * recognise one of its files, its reader and its writer. Everything that lists, names, detects,
 * reads or writes a format asks here, so a new format is one constant.
 *
 * <p>The order is the order of detection and of listings: the Berkeley DB formats, whose magic
 * numbers are exact, before cdb, which is recognised by a consistent header.
 */
public enum MapFormat {
  /** Berkeley DB 5.3 hash, version 9 ({@code Kaccess hash}, {@code makemap hash}). */
  HASH("hash", "Berkeley DB hash", ".db") {
    @Override
    MapReader open(Path file) throws IOException {
      return new HashReader(file);
    }

    @Override
    public MapWriter writer() {
      return new HashWriter();
    }

    @Override
    boolean matches(ByteBuffer head, long fileSize) {
      return Bdb.isMetaPage(head, Bdb.HASH_MAGIC, Bdb.P_HASHMETA);
    }
  },
  /** Berkeley DB 5.3 btree, version 9 ({@code Kaccess btree}, {@code makemap btree}). */
  BTREE("btree", "Berkeley DB btree", ".db") {
    @Override
    MapReader open(Path file) throws IOException {
      return new BtreeReader(file);
    }

    @Override
    public MapWriter writer() {
      return new BtreeWriter();
    }

    @Override
    boolean matches(ByteBuffer head, long fileSize) {
      return Bdb.isMetaPage(head, Bdb.BTREE_MAGIC, Bdb.P_BTREEMETA);
    }
  },
  /** tinycdb / D. J. Bernstein constant database ({@code Kaccess cdb}, sendmail 8.17+ built with CDB). */
  CDB("cdb", "cdb", ".cdb") {
    @Override
    MapReader open(Path file) throws IOException {
      return new CdbReader(file);
    }

    @Override
    public MapWriter writer() {
      return new CdbWriter();
    }

    @Override
    boolean matches(ByteBuffer head, long fileSize) {
      return Cdb.isCdbHead(head, fileSize);
    }
  };

  // Each format's reader, writer and magic are its own methods, not lambdas in a table: every
  // lint asks this class whether the text map is a compiled one (SourceFiles.checkText) on the
  // thread all else waits for, early in a run, where the JVM's first lambdas cost milliseconds to
  // link (see app/Ahead).

  /** Opens {@code file}, an existing file of this format. */
  abstract MapReader open(Path file) throws IOException;

  /** A writer for this format (a new stateless instance each call). */
  public abstract MapWriter writer();

  /**
   * Whether a file is of this format, by its first bytes.
   *
   * @param head the file's first {@link #HEAD_SIZE} bytes, or all of them when it is shorter
   * @param fileSize the file's size in bytes
   */
  abstract boolean matches(ByteBuffer head, long fileSize);

  /** How much of a file detection reads: enough for a Berkeley DB meta page and a cdb header. */
  public static final int HEAD_SIZE = Math.max(Bdb.META_USED_SIZE, Cdb.HEADER_SIZE);

  private final String typeName;
  private final String description;
  private final String extension;

  MapFormat(String typeName, String description, String extension) {
    this.typeName = typeName;
    this.description = description;
    this.extension = extension;
  }

  /** What the format is called in messages: "Berkeley DB hash", "cdb". */
  public String description() {
    return description;
  }

  /** The suffix sendmail and makemap add to a map name: ".db" for hash and btree, ".cdb" for cdb. */
  public String extension() {
    return extension;
  }

  /**
   * Opens {@code file} as a file of this format, without asking {@link #detect} first; a file of
   * another format fails as a damaged one would.
   */
  public MapReader reader(Path file) throws IOException {
    return open(file);
  }

  /** The format of this name, spelt exactly as {@link #toString()} spells it ("hash", not "HASH"). */
  public static Optional<MapFormat> named(String name) {
    for (MapFormat f : values()) {
      if (f.typeName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * "hash", "btree" or "cdb", in any case and with blanks around, as a user types it.
   *
   * @throws IllegalArgumentException naming the formats there are
   */
  public static MapFormat parse(String name) {
    for (MapFormat f : values()) {
      if (f.typeName.equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown map type \"" + name + "\" (expected "
        + namesInWords() + ")");
  }

  /** Every format's name, in registry order: hash, btree, cdb. */
  public static Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (MapFormat f : values()) {
      names.add(f.typeName);
    }
    return Collections.unmodifiableSet(names);
  }

  /** The names as a sentence lists them: "hash, btree or cdb". */
  public static String namesInWords() {
    StringBuilder sb = new StringBuilder();
    MapFormat[] all = values();
    for (int i = 0; i < all.length; i++) {
      if (i > 0) {
        sb.append(i == all.length - 1 ? " or " : ", ");
      }
      sb.append(all[i].typeName);
    }
    return sb.toString();
  }

  /** The format names as picocli completion candidates ({@code completionCandidates}). */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return names().iterator();
    }
  }

  /** Lower-case name as makemap spells it. */
  @Override
  public String toString() {
    return typeName;
  }

  /**
   * True when {@code file} is a regular file in one of the formats (by its contents, as {@link
   * #detect} tells); false for a text map, a directory or a file that cannot be read.
   */
  public static boolean isCompiled(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      detect(file);
      return true;
    } catch (IOException notCompiled) {
      return false;
    }
  }

  /**
   * The format of an existing file, from its contents: the first format whose magic matches its
   * first bytes (the Berkeley DB magic number and page type in either byte order, or else the
   * self-consistent table directory of a cdb file).
   *
   * @throws IOException naming the file when it cannot be read or is in none of the formats
   */
  public static MapFormat detect(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, HEAD_SIZE));
      readFully(ch, head, 0);
      Optional<MapFormat> found = recognise(head, size);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new IOException(file + ": not a map file (neither a Berkeley DB hash or btree file"
        + " in either byte order, nor a cdb file)");
  }

  /**
   * The format of a file that starts with {@code head}, by the first format whose magic matches.
   *
   * @param head the file's first bytes from position 0 to the limit; {@value #HEAD_SIZE} of them
   *     suffice, fewer than a format's header never match it
   * @param fileSize the whole file's size
   */
  public static Optional<MapFormat> recognise(ByteBuffer head, long fileSize) {
    for (MapFormat f : values()) {
      if (f.matches(head.duplicate(), fileSize)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      pos += n;
    }
    buf.flip();
  }
}
