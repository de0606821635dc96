package io.accessctl.rules;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.tokens.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * A compiled map file (hash, btree, cdb) as db_map_lookup() reads it: the key folded to lower case
 * unless {@code -f}, cut to MAXNAME bytes, tried without and then with a trailing NUL ({@code -N}
 * only with, {@code -O} only without), the value through map_rewrite(). The records come from the
 * file the K line names, or from storage the caller puts in its place.
 */
final class FileMap implements MapClass {
  private final String description;
  private final Opener opener;
  private final MapOptions options;
  private MapStorage reader;
  /**
   * Which key forms to try, as {@link #WITHOUT_NUL}/{@link #WITH_NUL} bits; as db_map_lookup()
   * does, once one form is found the other is no longer tried (a map is made with or without
   * NULs, not both).
   */
  private int tries;
  /** The key forms found since {@link #forgetFound()}, as bits. */
  private int found;
  private boolean failed;

  /** A key form as a bit of {@link #tries()} and {@link #found()}. */
  static final int WITHOUT_NUL = 1;
  static final int WITH_NUL = 2;

  /** Opens the records; null when they cannot be read. */
  private interface Opener {
    MapStorage open() throws IOException;
  }

  private FileMap(String description, Opener opener, MapOptions options) {
    this.description = description;
    this.opener = opener;
    this.options = options;
    this.tries = (options.has('N') ? 0 : WITHOUT_NUL) | (options.has('O') ? 0 : WITH_NUL);
  }

  /** The map file a K line names, read when first looked up. */
  static FileMap of(MapFormat format, Path file, MapOptions options) {
    return new FileMap(format.name().toLowerCase(Locale.ROOT) + " " + file, new OpenedOnce(() -> {
      if (!Files.isReadable(file)) {
        return null;
      }
      MapReader r = format.reader(file);
      return r::get;
    }), options);
  }

  /**
   * Opens a file once for a map and its {@link #twin}s: a map reader answers several threads at
   * once, and the bucket tables it builds as it is read serve them all.
   */
  private static final class OpenedOnce implements Opener {
    private final Opener opener;
    private boolean opened;
    private MapStorage records;

    OpenedOnce(Opener opener) {
      this.opener = opener;
    }

    @Override
    public synchronized MapStorage open() {
      if (!opened) {
        opened = true;
        try {
          records = opener.open();
        } catch (IOException | UncheckedIOException e) {
          records = null;
        }
      }
      return records;
    }
  }

  /**
   * The same map for another engine: the same records and options, with no memory of the key
   * forms found (as freshly compiled).
   */
  FileMap twin() {
    return new FileMap(description, opener, options);
  }

  /** The same map for another engine, reading {@code records} instead. */
  FileMap twin(MapStorage records) {
    return of(records, options);
  }

  /** Records from elsewhere, looked up with the K line's options. */
  static FileMap of(MapStorage records, MapOptions options) {
    return new FileMap("records given for the map", () -> records, options);
  }

  /** The file a K line names: sendmail adds the format's extension when it is missing. */
  static Path fileOf(MapFormat format, String path) {
    return path.endsWith(format.extension()) ? Path.of(path) : Path.of(path + format.extension());
  }

  @Override
  public Result lookup(String key, List<String> args, Macros macros) {
    if (!open()) {
      return options.optional() ? Result.NOT_FOUND : options.tempfail(key);
    }
    byte[] bytes = storedBytes(key);
    String k;
    if (bytes != null) {
      k = bytesAsGiven ? key : new String(bytes, StandardCharsets.ISO_8859_1);
    } else {
      k = storedKey(key);
      bytes = k.getBytes(StandardCharsets.ISO_8859_1);
    }
    Optional<byte[]> hit = Optional.empty();
    boolean withNul = false;
    if ((tries & WITHOUT_NUL) != 0) {
      hit = reader.get(bytes);
      if (hit.isPresent()) {
        tries = WITHOUT_NUL;
        found |= WITHOUT_NUL;
      }
    }
    if (hit.isEmpty() && (tries & WITH_NUL) != 0) {
      hit = reader.get(Arrays.copyOf(bytes, bytes.length + 1));
      if (hit.isPresent()) {
        tries = WITH_NUL;
        withNul = true;
        found |= WITH_NUL;
      }
    }
    if (hit.isEmpty()) {
      return new Result(null, false, null, new Stored(k, false, null));
    }
    String v = new String(hit.get(), StandardCharsets.ISO_8859_1);
    return new Result(options.rewrite(v, key, args), false, null, new Stored(k, withNul, v));
  }

  /** A compiled cf's hash, btree, cdb… maps by name: what remembers between questions. */
  static Map<String, FileMap> in(RuleBook book) {
    Map<String, FileMap> out = new LinkedHashMap<>();
    book.maps.forEach((name, m) -> {
      if (m instanceof FileMap f) {
        out.put(name, f);
      }
    });
    return out;
  }

  /** The key forms db_map_lookup() still tries, as bits: all a question leaves for the next. */
  int tries() {
    return tries;
  }

  /** Sets the forms to try, as {@link #tries()} gave them (of this map or its twin's). */
  void tries(int forms) {
    tries = forms;
  }

  /** The key forms found since {@link #forgetFound()}, as bits. */
  int found() {
    return found;
  }

  void forgetFound() {
    found = 0;
  }

  /** Adds key forms to {@link #found()}: those a replayed subroutine call found ({@link CallMemo}). */
  void found(int forms) {
    found |= forms;
  }

  /**
   * The key the database is asked for, as bytes (one a char of the rules' text), folded unless
   * -f and cut to MAXNAME; null when the key holds a char beyond ISO-8859-1.
   */
  private byte[] storedBytes(String key) {
    int n = Math.min(key.length(), Limits.MAXNAME);
    boolean fold = !options.keepsCase();
    boolean asGiven = n == key.length();
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c > LAST_BYTE) {
        return null;
      }
      if (fold && c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
        asGiven = false;
      }
      b[i] = (byte) c;
    }
    bytesAsGiven = asGiven;
    return b;
  }

  /**
   * Whether the last {@link #storedBytes} are the key's chars as they are (most keys are neither
   * folded nor cut).
   */
  private boolean bytesAsGiven;

  private static final char LAST_BYTE = 0xff;

  /**
   * {@link #storedBytes} as text, for a key with a char beyond ISO-8859-1 (a name typed on the
   * command line): the char is kept here, cut as one, and asked for as '?'.
   */
  private String storedKey(String key) {
    String k = options.keepsCase() ? key : lower(key);
    return k.length() > Limits.MAXNAME ? k.substring(0, Limits.MAXNAME) : k;
  }

  /** sendmail's makelower(): ASCII letters only. */
  static String lower(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        sb.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return sb == null ? s : sb.toString();
  }

  private boolean open() {
    if (reader != null || failed) {
      return reader != null;
    }
    try {
      reader = opener.open();
    } catch (IOException | UncheckedIOException e) {
      reader = null;
    }
    failed = reader == null;
    return !failed;
  }

  @Override
  public String toString() {
    return description;
  }
}
