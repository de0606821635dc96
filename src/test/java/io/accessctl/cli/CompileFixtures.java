package io.accessctl.cli;

import io.accessctl.testutil.Oracle;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Large seeded access maps for the compile, dump and query tests, with the records a correct
 * compiler must store computed independently of accessctl's parser, and the real tools' views of a
 * compiled file.
 *
 * <p>Map text is handled as ISO-8859-1 strings (one char a byte), so every byte round-trips.
 */
final class CompileFixtures {
  private CompileFixtures() {}

  /** How a generated map is compiled, and so what it may contain. */
  record Shape(boolean nul, boolean noFold, boolean replace, boolean allowEmpty) {
    static final Shape PLAIN = new Shape(false, false, false, false);

    List<String> flags() {
      List<String> f = new ArrayList<>();
      if (nul) {
        f.add("-N");
      }
      if (noFold) {
        f.add("-f");
      }
      if (replace) {
        f.add("-r");
      }
      if (allowEmpty) {
        f.add("-e");
      }
      return f;
    }

    @Override
    public String toString() {
      return flags().isEmpty() ? "no flags" : String.join(" ", flags());
    }
  }

  /**
   * A generated map: its text, and the records a compiler must store, in the order of the first
   * line of each key (keys as stored: folded unless -f, with the NUL of -N).
   */
  record Generated(byte[] text, Map<String, String> expected) {
    /** The records as {@code makemap -u} prints them: key TAB value, up to any NUL. */
    List<String> dumpLines() {
      List<String> out = new ArrayList<>(expected.size());
      expected.forEach((k, v) -> out.add(cut(k) + "\t" + cut(v)));
      return out;
    }

    /** The records in btree order: unsigned byte order of the stored keys. */
    List<String> dumpLinesInKeyOrder() {
      List<String> keys = new ArrayList<>(expected.keySet());
      keys.sort(Comparator.comparing(k -> k.getBytes(StandardCharsets.ISO_8859_1),
          Arrays::compareUnsigned));
      List<String> out = new ArrayList<>(keys.size());
      for (String k : keys) {
        out.add(cut(k) + "\t" + cut(expected.get(k)));
      }
      return out;
    }
  }

  private static final String[] TAGS = {"Try_TLS", "Connect", "From", "To", "Srv_Features",
    "Clt_Features", "Spam", "GreetPause", ""};
  private static final String VALUE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t:.@\"#<>[]()!-_=/";

  /**
   * {@code entries} keys (plus repeats with -r), with comments and blank lines between them, long
   * keys (up to 1,500 bytes) and values of several kilobytes (so lines far beyond makemap's 1,023
   * bytes), values with inner and trailing blanks, tabs, '#', bytes above 0x7f and a final CR.
   */
  static Generated generate(long seed, int entries, Shape shape) {
    Random rnd = new Random(seed);
    ByteArrayOutputStream text = new ByteArrayOutputStream(entries * 60);
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> written = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      int roll = rnd.nextInt(100);
      if (roll < 3) {
        line(text, "# comment " + i + " " + value(rnd, 20));
      } else if (roll < 5) {
        line(text, "");
      }
      String key;
      if (shape.replace && !written.isEmpty() && rnd.nextInt(10) == 0) {
        key = written.get(rnd.nextInt(written.size()));
        key = shape.noFold ? key : flipCase(rnd, key);
        i--; // a repeat: one more line, not one more key
      } else {
        key = key(rnd, i);
        written.add(key);
      }
      String value = shape.allowEmpty && rnd.nextInt(20) == 0 ? "" : value(rnd, valueLength(rnd));
      String sep = rnd.nextInt(4) == 0 ? " \t " : rnd.nextBoolean() ? " " : "\t";
      line(text, key + (value.isEmpty() ? (rnd.nextBoolean() ? "" : "  ") : sep + value));
      String stored = (shape.noFold ? key : key.toLowerCase(Locale.ROOT))
          + (shape.nul ? "\0" : "");
      String storedValue = value + (shape.nul ? "\0" : "");
      if (shape.replace) {
        expected.put(stored, storedValue);
      } else {
        expected.putIfAbsent(stored, storedValue);
      }
    }
    return new Generated(text.toByteArray(), expected);
  }

  private static String key(Random rnd, int i) {
    String tag = TAGS[rnd.nextInt(TAGS.length)];
    StringBuilder k = new StringBuilder(tag.isEmpty() ? "" : tag + ":");
    k.append(rnd.nextBoolean() ? "Host" : "host").append(i).append('.');
    int labels = rnd.nextInt(50) == 0 ? 60 + rnd.nextInt(300) : rnd.nextInt(3);
    for (int l = 0; l < labels; l++) {
      k.append(label(rnd)).append('.');
    }
    k.append(rnd.nextBoolean() ? "Example.COM" : "example.org");
    return k.toString();
  }

  private static String label(Random rnd) {
    int n = 1 + rnd.nextInt(8);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = (char) ('a' + rnd.nextInt(26));
      sb.append(rnd.nextInt(4) == 0 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  private static int valueLength(Random rnd) {
    int roll = rnd.nextInt(100);
    return roll < 2 ? 2000 + rnd.nextInt(7000) : roll < 5 ? 300 + rnd.nextInt(1500)
        : 1 + rnd.nextInt(30);
  }

  /** A value that does not start with white space (the separator would swallow it). */
  private static String value(Random rnd, int length) {
    StringBuilder sb = new StringBuilder(length);
    sb.append((char) ('A' + rnd.nextInt(26)));
    while (sb.length() < length) {
      int roll = rnd.nextInt(40);
      if (roll == 0) {
        sb.append((char) (0x80 + rnd.nextInt(0x80)));
      } else {
        sb.append(VALUE_CHARS.charAt(rnd.nextInt(VALUE_CHARS.length())));
      }
    }
    if (rnd.nextInt(30) == 0) {
      sb.append("  ");
    } else if (rnd.nextInt(50) == 0) {
      sb.append('\r');
    }
    return sb.toString();
  }

  private static String flipCase(Random rnd, String key) {
    StringBuilder sb = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      sb.append(rnd.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return sb.toString();
  }

  private static void line(ByteArrayOutputStream out, String latin1) {
    out.writeBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
    out.write('\n');
  }

  /** Bytes up to the first NUL, as makemap's %s prints them. */
  static String cut(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  /**
   * Writes {@code n} distinct entries ({@code Try_TLS:mxN.hostN.example.org NO} and the like)
   * quickly: about 35 MB for a million, in a fraction of a second.
   */
  static void writeBigMap(Path file, int n) throws IOException {
    byte[][] tags = {
      "Connect:10.".getBytes(StandardCharsets.US_ASCII),
      "Try_TLS:mx.host".getBytes(StandardCharsets.US_ASCII),
      "From:user@sender".getBytes(StandardCharsets.US_ASCII),
      "To:customer".getBytes(StandardCharsets.US_ASCII),
    };
    byte[][] values = {
      "\tREJECT\n".getBytes(StandardCharsets.US_ASCII),
      "\tNO\n".getBytes(StandardCharsets.US_ASCII),
      ".example.com\tDISCARD\n".getBytes(StandardCharsets.US_ASCII),
      ".example.net\tRELAY\n".getBytes(StandardCharsets.US_ASCII),
    };
    byte[] digits = new byte[16];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (int i = 0; i < n; i++) {
        int r = i & 3;
        out.write(tags[r]);
        // Connect: gets i in base 256, as octets (10.0 … 10.255, 10.1.0 …), a valid address
        // prefix for every i below 2^24; the other tags take i in decimal
        int base = r == 0 ? 256 : 10;
        int len = 0;
        for (int v = i; ; v /= base) {
          int d = v % base;
          do {
            digits[digits.length - 1 - len++] = (byte) ('0' + d % 10);
            d /= 10;
          } while (d > 0);
          if (v < base) {
            break;
          }
          digits[digits.length - 1 - len++] = '.';
        }
        out.write(digits, digits.length - len, len);
        out.write(values[r]);
      }
    }
  }

  /** {@code makemap -u TYPE FILE-without-.db} as lines (ISO-8859-1, so every byte is kept). */
  static List<String> makemapDump(Path db, String type) {
    Oracle.Result r = Oracle.run(List.of(Oracle.MAKEMAP, "-u", type,
        db.toString().replaceFirst("\\.db$", "")), new byte[0]);
    if (r.exit() != 0) {
      throw new AssertionError("makemap -u " + type + " " + db + " exited " + r.exit() + ": "
          + r.stderr());
    }
    return lines(r.stdout());
  }

  /** {@code cdb -d FILE} as "key TAB value" lines, in file order. */
  static List<String> cdbDump(Path cdb) {
    Oracle.Result r = Oracle.run(List.of(Oracle.CDB, "-d", cdb.toString()), new byte[0]);
    if (r.exit() != 0) {
      throw new AssertionError("cdb -d " + cdb + " exited " + r.exit() + ": " + r.stderr());
    }
    String s = r.stdout();
    List<String> out = new ArrayList<>();
    int p = 0;
    while (p < s.length() && s.charAt(p) == '+') {
      int comma = s.indexOf(',', p);
      int colon = s.indexOf(':', comma);
      int klen = Integer.parseInt(s.substring(p + 1, comma));
      int dlen = Integer.parseInt(s.substring(comma + 1, colon));
      String key = s.substring(colon + 1, colon + 1 + klen);
      int v = colon + 1 + klen + 2; // "->"
      String value = s.substring(v, v + dlen);
      out.add(cut(key) + "\t" + cut(value));
      p = v + dlen + 1;
    }
    return out;
  }

  /** Writes one-char-a-byte text to {@code dir/name}. */
  static Path write(Path dir, String name, String latin1) throws IOException {
    return Files.write(dir.resolve(name), latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Tool output read as ISO-8859-1, decoded as accessctl prints map bytes: UTF-8. */
  static String utf8(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  static List<String> lines(String out) {
    if (out.isEmpty()) {
      return List.of();
    }
    String body = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    return Arrays.asList(body.split("\n", -1));
  }

  static List<String> sorted(List<String> l) {
    return l.stream().sorted().toList();
  }
}
