package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** The three file formats sendmail can open for a map, and their writers. */
public enum MapFormat {
  /** Berkeley DB 5.3 hash, version 9 ({@code Kaccess hash}, {@code makemap hash}). */
  HASH(".db"),
  /** Berkeley DB 5.3 btree, version 9 ({@code Kaccess btree}, {@code makemap btree}). */
  BTREE(".db"),
  /** tinycdb / D. J. Bernstein constant database ({@code Kaccess cdb}, sendmail 8.17+ built with CDB). */
  CDB(".cdb");

  private final String extension;

  MapFormat(String extension) {
    this.extension = extension;
  }

  /** The suffix sendmail and makemap add to a map name: ".db" for hash and btree, ".cdb" for cdb. */
  public String extension() {
    return extension;
  }

  /** A writer for this format (a new stateless instance each call). */
  public MapWriter writer() {
    return switch (this) {
      case HASH -> new HashWriter();
      case BTREE -> new BtreeWriter();
      case CDB -> new CdbWriter();
    };
  }

  /** "hash", "btree" or "cdb", in any case, as on makemap's command line. */
  public static MapFormat parse(String name) {
    for (MapFormat f : values()) {
      if (f.name().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown map type \"" + name + "\" (expected hash, btree or cdb)");
  }

  /** Lower-case name as makemap spells it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * True when {@code file} is a regular file in one of the three formats (by its contents, as
   * {@link #detect} tells); false for a text map, a directory or a file that cannot be read.
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
   * The format of an existing file, from its contents: the Berkeley DB magic number and page type
   * in either byte order, or else the self-consistent table directory of a cdb file.
   *
   * @throws IOException naming the file when it cannot be read or is none of the three formats
   */
  public static MapFormat detect(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      MapFormat bdb = bdbFormat(ch, size);
      if (bdb != null) {
        return bdb;
      }
      if (size >= Cdb.HEADER_SIZE) {
        ByteBuffer header = ByteBuffer.allocate(Cdb.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, header, 0);
        if (Cdb.isConsistentHeader(header, size)) {
          return CDB;
        }
      }
    }
    throw new IOException(file + ": not a map file (neither a Berkeley DB hash or btree file"
        + " in either byte order, nor a cdb file)");
  }

  private static MapFormat bdbFormat(FileChannel ch, long size) throws IOException {
    if (size < Bdb.META_USED_SIZE) {
      return null;
    }
    ByteBuffer meta = ByteBuffer.allocate(Bdb.META_USED_SIZE);
    readFully(ch, meta, 0);
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      meta.order(order);
      int magic = meta.getInt(Bdb.META_MAGIC);
      int type = Byte.toUnsignedInt(meta.get(Bdb.META_TYPE));
      if (magic == Bdb.HASH_MAGIC && type == Bdb.P_HASHMETA) {
        return HASH;
      }
      if (magic == Bdb.BTREE_MAGIC && type == Bdb.P_BTREEMETA) {
        return BTREE;
      }
    }
    return null;
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
