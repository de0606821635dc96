package io.accessctl.testutil;

import io.accessctl.mapfile.Record;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random maps for tests. Every generator prints its seed to stderr and puts it in {@link
 * #toString()}, which tests pass to AssertJ's {@code as(...)}, so a failure can be replayed with
 * {@code -Dmapgen.seed=N}.
 */
public final class MapGen {
  private final long seed;
  private final Random random;

  private MapGen(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** A generator seeded from {@code -Dmapgen.seed} if given, else from the clock. */
  public static MapGen create(String what) {
    String fixed = System.getProperty("mapgen.seed");
    long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
    System.err.println("MapGen seed for " + what + ": " + seed + " (replay with -Dmapgen.seed=" + seed + ")");
    return new MapGen(seed);
  }

  public Random random() {
    return random;
  }

  @Override
  public String toString() {
    return "MapGen seed " + seed + " (replay with -Dmapgen.seed=" + seed + ")";
  }

  /** What to generate. */
  public record Spec(
      int count,
      /** Longest key; keys above 1024 bytes only when the writer under test allows them. */
      int maxKeyLength,
      /** Longest value. */
      int maxValueLength,
      /** Restrict to what makemap can read from a text line: no white space in keys, line below 1024. */
      boolean makemapInput,
      /** Append a NUL to every key and value, as makemap -N stores them. */
      boolean nulTerminated,
      /** Number of extra records repeating earlier keys (duplicates), 0 for a unique map. */
      int duplicates) {

    public static Spec of(int count) {
      return new Spec(count, 1500, 6000, false, false, 0);
    }

    public Spec forMakemap() {
      return new Spec(count, Math.min(maxKeyLength, MAKEMAP_KEY_MAX), Math.min(maxValueLength,
          MAKEMAP_LINE_MAX), true, nulTerminated, duplicates);
    }

    public Spec withNul() {
      return new Spec(count, maxKeyLength, maxValueLength, makemapInput, true, duplicates);
    }

    public Spec withDuplicates(int n) {
      return new Spec(count, maxKeyLength, maxValueLength, makemapInput, nulTerminated, n);
    }

    public Spec maxKey(int n) {
      return new Spec(count, n, maxValueLength, makemapInput, nulTerminated, duplicates);
    }

    public Spec maxValue(int n) {
      return new Spec(count, maxKeyLength, n, makemapInput, nulTerminated, duplicates);
    }
  }

  /** makemap reads at most 1024 bytes a line, newline included. */
  public static final int MAKEMAP_LINE_MAX = 1022;
  private static final int MAKEMAP_KEY_MAX = 900;
  private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789.-:_@[]!";
  private static final String[] TAGS = {"connect:", "from:", "to:", "try_tls:", "srv_features:", ""};
  private static final String[] VERDICTS = {"OK", "REJECT", "RELAY", "DISCARD", "NO", "YES",
      "ERROR:\"550 go away\"", "SKIP"};

  /**
   * Records with distinct keys (then {@code duplicates} records repeating random earlier keys):
   * mostly access-map-like keys, some keys that are prefixes of others ("a:1" and "a:10", the hash
   * page order trap), a few long keys and some bytes above 0x7f; values empty, short verdicts,
   * medium text, or several KB.
   */
  public List<Record> map(Spec spec) {
    Set<String> seen = new HashSet<>();
    List<Record> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    while (out.size() < spec.count()) {
      String key = key(spec, keys);
      if (key.isEmpty() || !seen.add(key)) {
        continue;
      }
      String value = value(spec, key.length());
      keys.add(key);
      out.add(record(key, value, spec));
    }
    // duplicates come after every first record; a few keys get many (off-page duplicate sets)
    List<String> dupKeys = new ArrayList<>();
    for (int i = 0; i < spec.duplicates() && !keys.isEmpty(); i++) {
      if (dupKeys.isEmpty() || random.nextInt(4) == 0) {
        dupKeys.add(keys.get(random.nextInt(keys.size())));
      }
      String key = dupKeys.get(random.nextInt(dupKeys.size()));
      out.add(record(key, value(spec, key.length()), spec));
    }
    return out;
  }

  private static Record record(String key, String value, Spec spec) {
    String nul = spec.nulTerminated() ? "\0" : "";
    return new Record((key + nul).getBytes(StandardCharsets.ISO_8859_1),
        (value + nul).getBytes(StandardCharsets.ISO_8859_1));
  }

  private String key(Spec spec, List<String> earlier) {
    int roll = random.nextInt(100);
    if (roll < 8 && !earlier.isEmpty()) {
      // a prefix or an extension of an earlier key
      String base = earlier.get(random.nextInt(earlier.size()));
      if (random.nextBoolean() && base.length() > 1) {
        return base.substring(0, 1 + random.nextInt(base.length() - 1));
      }
      return clip(base + chars(1 + random.nextInt(3)), spec.maxKeyLength());
    }
    if (roll < 13) {
      return chars(1 + random.nextInt(Math.max(1, spec.maxKeyLength())));
    }
    if (roll < 16 && !spec.makemapInput()) {
      StringBuilder b = new StringBuilder(chars(2 + random.nextInt(20)));
      b.setCharAt(random.nextInt(b.length()), (char) (0x80 + random.nextInt(0x80)));
      return b.toString();
    }
    String tag = TAGS[random.nextInt(TAGS.length)];
    String body = random.nextBoolean()
        ? "host" + random.nextInt(1_000_000) + "." + chars(1 + random.nextInt(8)) + ".example"
        : random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    return clip(tag + body, spec.maxKeyLength());
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private String value(Spec spec, int keyLength) {
    int roll = random.nextInt(100);
    int max = spec.makemapInput()
        ? Math.min(spec.maxValueLength(), MAKEMAP_LINE_MAX - keyLength - 2) : spec.maxValueLength();
    int len;
    if (roll < 8) {
      return "";
    } else if (roll < 60) {
      return clip(VERDICTS[random.nextInt(VERDICTS.length)], max);
    } else if (roll < 85) {
      len = 1 + random.nextInt(60);
    } else if (roll < 95) {
      len = 61 + random.nextInt(1000);
    } else {
      len = 1000 + random.nextInt(Math.max(1, spec.maxValueLength() - 1000));
    }
    len = Math.max(0, Math.min(len, max));
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      // printable ASCII and a few high bytes; no TAB, LF or NUL (makemap -u could not show them)
      int c = random.nextInt(20) == 0 ? 0xa0 + random.nextInt(0x60) : 0x20 + random.nextInt(0x5f);
      b.append((char) c);
    }
    if (spec.makemapInput() && b.length() > 0 && b.charAt(0) == ' ') {
      b.setCharAt(0, 'x'); // makemap strips the white space between key and value
    }
    return b.toString();
  }

  private String chars(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length())));
    }
    return b.toString();
  }

  /** The records as makemap input lines {@code key<TAB>value}; NULs (for -N maps) left out. */
  public static byte[] makemapInput(List<Record> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Record r : records) {
      out.writeBytes(stripNul(r.key()));
      out.write('\t');
      out.writeBytes(stripNul(r.value()));
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** The bytes without one trailing NUL. */
  public static byte[] stripNul(byte[] b) {
    return b.length > 0 && b[b.length - 1] == 0 ? Arrays.copyOf(b, b.length - 1) : b;
  }

  /** ISO-8859-1 text of a byte array: one char a byte. */
  public static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** "key\tvalue" lines with the bytes as stored (NULs kept). */
  public static List<String> dumpLinesKeepingNul(List<Record> records) {
    List<String> lines = new ArrayList<>();
    for (Record r : records) {
      lines.add(text(r.key()) + "\t" + text(r.value()));
    }
    return lines;
  }

  /** "key\tvalue" lines, as makemap -u prints them, for multiset comparisons. */
  public static List<String> dumpLines(List<Record> records) {
    List<String> lines = new ArrayList<>();
    for (Record r : records) {
      lines.add(text(stripNul(r.key())) + "\t" + text(stripNul(r.value())));
    }
    return lines;
  }
}
