package io.accessctl.testutil;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of access-map source text, for property and differential tests.
 *
 * <p>Every generator draws only from the {@link Random} it was built with, so a seed reproduces a
 * file byte for byte. Tests take their seed from {@link #seed()}: {@code -Daccessctl.seed=N}
 * replays a run, and without it every run explores a fresh seed. Print {@link #replayHint(long)}
 * on failure.
 *
 * <p>The text mixes what admins write ({@code Try_TLS:host.example NO}, {@code Connect:1.2.3
 * REJECT}, {@code From:a@b ERROR:"550 x"}, duplicates differing only in case) with what breaks
 * parsers: bytes from {@link #NASTY}, blank and white-space-only lines, comment lines, leading
 * blanks, CRLF line ends, keys without a value, a last line without LF, and lines around makemap's
 * 1023-byte read limit or far beyond it.
 */
public final class AccessGen {
  /** System property that fixes the seed of a run: {@code -Daccessctl.seed=N}. */
  public static final String SEED_PROPERTY = "accessctl.seed";

  /** makemap reads at most this many bytes of a line at once (fgets into a 1024-byte buffer). */
  public static final int MAKEMAP_CHUNK = 1023;

  /**
   * Bytes that stress makemap's tokenizer: every C {@code isspace} byte but LF (SP HT VT FF CR),
   * the default and an alternative comment character, the {@code -t :} separator, upper and lower
   * case, NUL, and bytes with the high bit set.
   */
  public static final String NASTY;

  static {
    StringBuilder sb = new StringBuilder(" \t\u000b\f\r#:;\0");
    for (char c = 'A'; c <= 'Z'; c++) {
      sb.append(c).append((char) (c + ('a' - 'A')));
    }
    for (int b = 0x80; b <= 0xff; b += 0x0d) {
      sb.append((char) b);
    }
    sb.append((char) 0xa0).append((char) 0xff);
    NASTY = sb.toString();
  }

  private static final String[] TAGS = {
    "Try_TLS", "Connect", "From", "To", "Srv_Features", "Clt_Features", "Spam", "GreetPause",
    "TRY_TLS", "connect", "",
  };
  private static final String[] HOSTS = {
    "host.example", "Bagoona.COM", "mail.example.org", "[192.0.2.1]", "broken.server",
    "IPv6:2001:db8", ".example.net", "",
  };
  private static final String[] ADDRESSES = {"1.2.3", "192.0.2", "10", "127.0.0.1", "198.51.100.7"};
  private static final String[] MAILBOXES = {"a@b", "Postmaster@", "user@Example.org", "spammer@"};
  private static final String[] VALUES = {
    "NO", "YES", "REJECT", "OK", "RELAY", "DISCARD", "SKIP", "ERROR:\"550 x\"",
    "ERROR:5.7.1:\"550 go  away\" # x", "NO # broken", "A P", "0", "QUARANTINE:spam", "%1 100%",
    "no", "Relay", "TEMP:\"451 later\"", "`quoted' value",
  };
  private static final String BLANKS = " \t";
  private static final String SEPARATORS = " \t \t \t\u000b\f\r";

  /** What a generated file may contain besides ordinary lines. */
  public record Shape(boolean nulBytes, boolean longLines) {
    /** No NUL byte and no line of {@value #MAKEMAP_CHUNK} bytes or more: both readers agree. */
    public static final Shape PLAIN = new Shape(false, false);
    /** Anything, including NUL bytes and lines beyond makemap's read limit. */
    public static final Shape NASTY = new Shape(true, true);
  }

  private final Random rnd;
  private final List<String> keysSoFar = new ArrayList<>();

  public AccessGen(long seed) {
    this.rnd = new Random(seed);
  }

  /** The seed given with {@code -Daccessctl.seed=N}, else a fresh random one. */
  public static long seed() {
    String given = System.getProperty(SEED_PROPERTY);
    if (given != null && !given.isBlank()) {
      return Long.parseLong(given.trim());
    }
    return new SecureRandom().nextLong();
  }

  /** How to replay a run: the Maven/JVM flag that fixes its seed. */
  public static String replayHint(long seed) {
    return "replay with -D" + SEED_PROPERTY + "=" + seed;
  }

  /** A seed for the {@code index}-th case of a run, spread so neighbouring cases differ widely. */
  public static long caseSeed(long runSeed, int index) {
    long z = runSeed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A whole source file of {@code minLines..maxLines} lines: sometimes CRLF throughout, sometimes
   * without the final LF.
   */
  public byte[] file(Shape shape, int minLines, int maxLines) {
    keysSoFar.clear();
    int count = minLines + rnd.nextInt(maxLines - minLines + 1);
    boolean crlf = chance(15);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(line(shape));
      if (crlf) {
        text.append('\r');
      }
      text.append('\n');
    }
    boolean unterminated = chance(30);
    if (shape.longLines() && chance(15)) {
      // makemap's end-of-file test fires only when fgets ran out of input before its buffer filled:
      // a last line of 1022, 1023 or 1024 bytes without LF takes three different paths.
      text.append(longLine(shape, MAKEMAP_CHUNK - 1 + rnd.nextInt(3))).append('\n');
      count++;
      unterminated = chance(70);
    }
    if (count > 0 && unterminated) {
      text.setLength(text.length() - 1);
    }
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** One line, without its LF, as a one-char-per-byte string. */
  public String line(Shape shape) {
    int roll = rnd.nextInt(100);
    if (roll < 30) {
      return entry();
    } else if (roll < 38) {
      return duplicateInOtherCase();
    } else if (roll < 50) {
      return nasty(shape, rnd.nextInt(41));
    } else if (roll < 55) {
      return "";
    } else if (roll < 59) {
      return blanks(1 + rnd.nextInt(4));
    } else if (roll < 65) {
      return pick("#", "#", ";") + nasty(shape, rnd.nextInt(30));
    } else if (roll < 70) {
      return blanks(1 + rnd.nextInt(2)) + entry();
    } else if (roll < 77) {
      return keyWithoutValue();
    } else if (roll < 85) {
      return separatorEntry();
    } else if (roll < 90) {
      return tagged() + pick("", " ", ":") + nasty(shape, rnd.nextInt(20));
    } else if (shape.longLines() && roll < 98) {
      return chance(30) ? entryAfterFullChunk(shape) : longLine(shape, 1019 + rnd.nextInt(9));
    } else if (shape.longLines()) {
      return longLine(shape, 2000 + rnd.nextInt(1001));
    }
    return entry();
  }

  /** {@code Tag:subject<separators>value}, with a key from a small pool so keys repeat. */
  public String entry() {
    String key = tagged();
    keysSoFar.add(key);
    return key + separators() + value();
  }

  /** A key seen before in this file, with the case of its letters flipped at random. */
  public String duplicateInOtherCase() {
    if (keysSoFar.isEmpty()) {
      return entry();
    }
    String key = keysSoFar.get(rnd.nextInt(keysSoFar.size()));
    StringBuilder sb = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      sb.append(rnd.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return sb + separators() + value();
  }

  /** A key alone, perhaps followed by blanks or by the CR of a CRLF line end. */
  public String keyWithoutValue() {
    return tagged() + pick("", "", "   ", "\t", "\r", " \r");
  }

  /** Lines written for {@code -t :} or {@code -t ' '}: blanks inside keys, empty keys, "::". */
  public String separatorEntry() {
    return pick("Key With Space:value one", ":emptykey", "a::b", "x: y", "  lead:x", "::", ":",
        "a\tb c", "tab\tkey value", "Try_TLS:" + pick(HOSTS) + ":" + value(),
        "#hash is key now", ";semicolon comment", "%1 100%");
  }

  private String tagged() {
    String tag = pick(TAGS);
    String subject = switch (tag.toLowerCase(java.util.Locale.ROOT)) {
      case "connect" -> pick(ADDRESSES);
      case "from", "to", "spam" -> pick(MAILBOXES);
      default -> pick(HOSTS);
    };
    return tag.isEmpty() ? (subject.isEmpty() ? "untagged.example" : subject) : tag + ":" + subject;
  }

  private String value() {
    String v = pick(VALUES);
    return chance(20) ? v + blanks(1 + rnd.nextInt(3)) : v;
  }

  private String separators() {
    if (chance(70)) {
      return pick(" ", "\t");
    }
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(SEPARATORS.charAt(rnd.nextInt(SEPARATORS.length())));
    }
    return sb.toString();
  }

  private String blanks(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(BLANKS.charAt(rnd.nextInt(BLANKS.length())));
    }
    return sb.toString();
  }

  /** {@code length} bytes from {@link #NASTY} (without NUL unless the shape allows it). */
  public String nasty(Shape shape, int length) {
    StringBuilder sb = new StringBuilder(length);
    while (sb.length() < length) {
      char c = NASTY.charAt(rnd.nextInt(NASTY.length()));
      if (c != '\0' || shape.nulBytes()) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** An entry padded with value bytes to exactly {@code length} bytes. */
  public String longLine(Shape shape, int length) {
    StringBuilder sb = new StringBuilder(entry());
    if (sb.length() > length) {
      sb.setLength(length);
    }
    // Mostly ordinary value bytes, so that the tail after byte 1023 is often a plausible line.
    while (sb.length() < length) {
      sb.append(chance(80) ? (char) ('a' + rnd.nextInt(26)) : nasty(Shape.PLAIN, 1).charAt(0));
    }
    if (shape.nulBytes() && chance(10)) {
      sb.setCharAt(rnd.nextInt(length), '\0');
    }
    return sb.toString();
  }

  /** A line that fills makemap's buffer exactly, then an entry that becomes the next "line". */
  public String entryAfterFullChunk(Shape shape) {
    return longLine(shape, MAKEMAP_CHUNK) + pick("", " ", "\t") + pick(entry(), keyWithoutValue());
  }

  // ---- entries of the common shapes, and near misses of them ----------------------------------

  private static final String[] COMMON_TAGS = {
    "Connect", "From", "To", "Spam", "Try_TLS", "Srv_Features", "Clt_Features",
  };
  private static final String[] NEAR_TAGS = {
    "CONNECT", "connect", "try_tls", "TRY_TLS", "Conect", "GreetPause", "ClientRate", "TLS_Srv",
    "TLS_Clt_Features", "AuthInfo", "QGRP", "IPv6", "Compat", "CERTISSUER", "bcc", "MyIssuers", "",
  };
  private static final String[] NAME_EDGES = {
    "co.uk", "com.au", "ne.jp", "example.com", "example.de", "EXAMPLE.COM", "xn--p1ai", "com", "de",
    "localhost", "mx.example.", ".example.com", "a..example.com", "-mx.example.com",
    "mx-.example.com", "1.2.3.example", "123.456", "ipv6.example.org", "IPv6:2001:db8::1",
    "[192.0.2.1]", "[mx.example.com]", "2001:db8::1", "*.example.com", "example.com/24",
    "mx_1.example.com", "h\u00e9te.example", "xn--bcher-kva.example",
  };
  private static final String[] ADDRESS_EDGES = {
    "192.0.2", "10", "0", "0.0.0.0", "255.255.255.255", "256.1.1.1", "01.2.3.4", "1.02.3",
    "1.2.3.4.5", "1.2.3.", "1.2.3.0/24", "1.2.*", "10.1-20", "1..2", "1234.5",
  };
  private static final String[] MAIL_EDGES = {
    "<>", "\"\"", "user+*@example.com", "user+detail@", "@example.com", "a.@example.com",
    ".a@example.com", "a@b@c.example", "user@localhost", "user@co.uk", "User.Name@Example.COM",
    "abuse@", "postmaster@example.com", "us%er@example.com", "user@[192.0.2.1]", "postmaster",
    "Abuse", "user+spam", "@[192.0.2.1]",
  };
  /**
   * Lines an edit broke or a habit from other maps put there: a tag without its colon, prose
   * that lost its #, a quoted or wrapped value, a value alone, and keys no lookup produces.
   */
  private static final String[] DAMAGED = {
    "TLS_Srv VERIFY+CN", "Try_TLS broken.example NO", "try_tls\tNO", "Connect\tREJECT",
    "Spam FRIEND", "This file lists the hosts we block", "Allow relaying from our network",
    "Note: see the README first", "From:quoted.example\t\"ERROR:550 go away\"",
    "Connect:192.0.2.9 \"QUARANTINE:held\"", "From:wrapped.example", "REJECT",
    "ERROR:\"550 lonely value\"", "550 5.7.1 go away", "OK", "Connect:0\tREJECT",
    "Connect:172\tRELAY", "192\tRELAY", "Connect:172.16\tRELAY", "Connect:300.1.2.3\tREJECT",
    "ClientRate:10.256\t5", "From:bad.example\tERROR:\"550 f\u00fcr dich\"",
    "To:x.example\tERROR:\"550 bell\u0007\"", "From:@spam.example\tREJECT",
  };
  private static final String[] ACTION_WORDS = {
    "OK", "RELAY", "REJECT", "DISCARD", "SKIP", "ok", "Relay", "REJECT ", "REJECT\r",
    "REJECT # spam", "\"REJECT\"", "ACCEPT", "QUARANTINE:held", "REJECT OK", "550 go away",
  };
  private static final String[] OTHER_VALUES = {
    "NO", "YES", "no", "\"NO\"", "NO ", "NO\tYES", "FRIEND", "HATER", "friend", "FRIENDS", "0", "5",
    "SKIP", "temp", "T", "VERIFY", "", " ", "(x)", "%0", "%1",
  };
  private static final String[] DSN_EDGES = {
    "5.7.1", "4.7.1", "5.1.10", "2.0.0", "5.7", "5.7.1000", "4.4.4", "5.x.1", "5.7.1.2", "",
  };
  private static final String TEXT_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789  .,!?'-_/:";
  private static final String TEXT_NASTY = "%\"\\#()<>@;\u00e9\t[]+=";

  /**
   * A line of the shapes a large map is made of (host names, addresses, mailboxes; keywords,
   * ERROR replies, feature letters under the common tags), about half of them correct, the rest
   * differing from a correct one by a tag, a subject, a value or a byte: where a rule's
   * declaration of the entries it judges ({@code Needs}) must be exact.
   */
  public String nearCommonEntry() {
    if (chance(3)) {
      return pick(DAMAGED);
    }
    boolean commonTag = chance(80);
    String tag = commonTag ? pick(COMMON_TAGS) : pick(NEAR_TAGS);
    String subject = switch (rnd.nextInt(10)) {
      case 0, 1, 2 -> name();
      case 3, 4 -> address();
      case 5, 6 -> mailbox();
      case 7 -> pick(NAME_EDGES);
      case 8 -> pick(ADDRESS_EDGES);
      default -> chance(50) ? pick(MAIL_EDGES) : chance(50) ? "" : longName();
    };
    String value = chance(70) ? valueFor(tag) : switch (rnd.nextInt(8)) {
      case 0, 1 -> pick(ACTION_WORDS);
      case 2, 3 -> errorReply();
      case 4, 5 -> featureLetters();
      default -> pick(OTHER_VALUES);
    };
    String key = tag.isEmpty() ? subject : tag + ":" + subject;
    String line = key + (chance(80) ? "\t" : pick(" ", "  ", "\t ")) + value;
    return chance(3) ? line + pick("\r", " ", " # note", "\u00a0") : line;
  }

  /** A value of the kind the tag takes, mostly well-formed. */
  private String valueFor(String tag) {
    return switch (tag) {
      case "Connect", "From", "To" -> chance(50) ? pick("OK", "RELAY", "REJECT", "DISCARD")
          : chance(70) ? errorReply() : pick(ACTION_WORDS);
      case "Try_TLS" -> chance(80) ? "NO" : pick(OTHER_VALUES);
      case "Spam" -> chance(80) ? pick("FRIEND", "HATER") : pick(OTHER_VALUES);
      case "Srv_Features", "Clt_Features" -> featureLetters();
      default -> pick(OTHER_VALUES);
    };
  }

  private String name() {
    int labels = 2 + rnd.nextInt(3);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < labels; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(label(i == labels - 1));
    }
    return sb.toString();
  }

  private String label(boolean last) {
    if (last && chance(60)) {
      return pick("com", "net", "org", "de", "uk", "example", "info", "COM");
    }
    int n = 1 + rnd.nextInt(10);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(chance(4) ? '-' : chance(30) ? (char) ('0' + rnd.nextInt(10))
          : chance(10) ? (char) ('A' + rnd.nextInt(26)) : (char) ('a' + rnd.nextInt(26)));
    }
    return sb.toString();
  }

  private String longName() {
    StringBuilder sb = new StringBuilder("mx");
    while (sb.length() < 240 + rnd.nextInt(40)) {
      sb.append('.').append(label(false));
    }
    return sb.append(".example.com").toString();
  }

  private String address() {
    int octets = 1 + rnd.nextInt(4);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < octets; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(chance(5) ? 256 + rnd.nextInt(100) : rnd.nextInt(256));
    }
    return sb.toString();
  }

  private String mailbox() {
    String local = pick("user", "abuse", "postmaster", "john.doe", "a_b-c", "x.y.z", "User9");
    return switch (rnd.nextInt(3)) {
      case 0 -> local + "@";
      case 1 -> local + "@" + name();
      default -> name();
    };
  }

  private String errorReply() {
    String code = chance(85) ? pick("550", "553", "450", "451", "554") : pick("250", "55", "5500",
        "650", "5x0");
    String dsn = chance(50) ? "" : pick(DSN_EDGES);
    StringBuilder text = new StringBuilder();
    int n = rnd.nextInt(25);
    for (int i = 0; i < n; i++) {
      String chars = chance(4) ? TEXT_NASTY : TEXT_CHARS;
      text.append(chars.charAt(rnd.nextInt(chars.length())));
    }
    String leading = chance(20) ? pick("5.7.1 ", "4.7.1 ", "5.1.10 ", "5.7.1", "2.0.0 ", "1 ", " ", "")
        : "";
    boolean quoted = chance(90);
    String body = code + (chance(95) ? " " : "") + leading + text;
    String message = quoted ? "\"" + body + "\"" : body;
    String keyword = chance(90) ? "ERROR" : pick("error", "Error", "ERR", "TEMP");
    return keyword + ":" + (dsn.isEmpty() ? "" : dsn + ":") + message;
  }

  private String featureLetters() {
    int n = 1 + rnd.nextInt(5);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(chance(92) ? " " : pick("  ", ",", "\t", ""));
      }
      sb.append(chance(70) ? pick("A", "B", "D", "E", "L", "P", "S", "V", "X", "M")
          : chance(50) ? String.valueOf((char) ('a' + rnd.nextInt(26)))
          : String.valueOf((char) ('A' + rnd.nextInt(26))));
    }
    return sb.toString();
  }

  private boolean chance(int percent) {
    return rnd.nextInt(100) < percent;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[rnd.nextInt(options.length)];
  }

  /** Number of LF-terminated or final unterminated lines in {@code data}, as an editor counts. */
  public static int physicalLines(byte[] data) {
    int n = 0;
    for (byte b : data) {
      if (b == '\n') {
        n++;
      }
    }
    return data.length > 0 && data[data.length - 1] != '\n' ? n + 1 : n;
  }

  /** True when makemap and accessctl read {@code data} identically: no NUL, no long line. */
  public static boolean isPlain(byte[] data) {
    int lineStart = 0;
    for (int i = 0; i <= data.length; i++) {
      if (i == data.length || data[i] == '\n') {
        if (i - lineStart >= MAKEMAP_CHUNK) {
          return false;
        }
        lineStart = i + 1;
      } else if (data[i] == 0) {
        return false;
      }
    }
    return true;
  }

  /** The bytes as a readable Java-ish literal, for failure messages. */
  public static String escape(byte[] data) {
    StringBuilder sb = new StringBuilder();
    for (byte raw : data) {
      int b = raw & 0xff;
      switch (b) {
        case '\n' -> sb.append("\\n\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (b < 0x20 || b >= 0x7f) {
            sb.append(String.format("\\x%02x", b));
          } else {
            sb.append((char) b);
          }
        }
      }
    }
    return sb.toString();
  }
}
