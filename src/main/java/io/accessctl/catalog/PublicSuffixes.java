package io.accessctl.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The top-level domains and public suffixes of the Public Suffix List's ICANN section, bundled as
 * {@code public-suffixes.txt} (refreshed by {@code scripts/refresh-public-suffixes.sh} from
 * Debian's {@code publicsuffix} package). Names are compared in lower case, in the ASCII (xn--)
 * form that access-map keys use. Read on first use: most runs never ask.
 */
public final class PublicSuffixes {
  private static final String RESOURCE = "io/accessctl/catalog/public-suffixes.txt";
  private static final String WILDCARD = "*.";
  private static final String EXCEPTION = "!";

  private final Set<String> rules = new HashSet<>();
  private final Set<String> wildcardParents = new HashSet<>();
  private final Set<String> exceptions = new HashSet<>();
  private final Set<String> topLevel = new HashSet<>();
  /** {@link #mayBeSuffix} hashes of the top-level domains. */
  private final HashBits topLevelBits = new HashBits();
  /** Of the last two labels of every name of two labels or more that is or parents a suffix. */
  private final HashBits lastTwoBits = new HashBits();
  /** Of the wildcard parents of one label ({@code *.ck}): every two-label name below is one. */
  private final HashBits wildcardTopBits = new HashBits();

  private PublicSuffixes() {}

  private static final class Holder {
    static final PublicSuffixes LIST = load();
  }

  /** Reads the list now, for a caller that has a core to spare before the first question. */
  public static void prepare() {
    if (Holder.LIST == null) {
      throw new IllegalStateException("the public-suffix list was not read");
    }
  }

  /** Whether {@code name} is one label that the list knows as a top-level domain. */
  public static boolean isTopLevelDomain(String name) {
    return name.indexOf('.') < 0 && Holder.LIST.topLevel.contains(lower(name));
  }

  /**
   * Whether {@code name} is a public suffix of two labels or more (co.uk, kawasaki.jp's
   * children): a name under which registries hand out domains to the public. One label: see
   * {@link #isTopLevelDomain}.
   */
  public static boolean isPublicSuffix(String name) {
    String n = lower(name);
    int dot = n.indexOf('.');
    if (dot <= 0 || n.endsWith(".")) {
      return false;
    }
    PublicSuffixes l = Holder.LIST;
    if (l.exceptions.contains(n)) {
      return false;
    }
    return l.rules.contains(n) || l.wildcardParents.contains(n.substring(dot + 1));
  }

  /**
   * False when the name from index {@code from} of {@code s} (in any case) is surely neither a
   * top-level domain nor a public suffix; true when it may be one. No string is made: lint asks
   * this of every host key of a map, and only a few keys are worth the full test.
   */
  public static boolean mayBeSuffix(CharSequence s, int from) {
    PublicSuffixes l = Holder.LIST;
    int end = s.length();
    int last = -1;
    int second = -1;
    for (int i = end - 1; i >= from && second < 0; i--) {
      char c = s.charAt(i);
      if (c >= NON_ASCII) {
        return true; // the full test decides what lower case means here
      }
      if (c == '.') {
        if (last < 0) {
          last = i;
        } else {
          second = i;
        }
      }
    }
    if (last < 0) {
      return l.topLevelBits.mayHold(foldedHash(s, from, end));
    }
    return l.lastTwoBits.mayHold(foldedHash(s, second < 0 ? from : second + 1, end))
        || (second < 0 && l.wildcardTopBits.mayHold(foldedHash(s, last + 1, end)));
  }

  private static final char NON_ASCII = 0x80;

  /** {@link String#hashCode} of {@code s.substring(from, to)} in ASCII lower case. */
  private static int foldedHash(CharSequence s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return h;
  }

  /** The last two labels of a name of two labels or more. */
  private static String lastTwo(String name) {
    int last = name.lastIndexOf('.');
    return name.substring(name.lastIndexOf('.', last - 1) + 1);
  }

  /**
   * A set of string hashes that may answer "maybe" for a hash it does not hold, never "no" for
   * one it does: a filter in front of the exact sets.
   */
  private static final class HashBits {
    private static final int BITS = 1 << 16;
    private final long[] words = new long[BITS / Long.SIZE];

    void add(int hash) {
      int b = index(hash);
      words[b >>> 6] |= 1L << b;
    }

    boolean mayHold(int hash) {
      int b = index(hash);
      return (words[b >>> 6] & 1L << b) != 0;
    }

    private static int index(int hash) {
      return (hash ^ hash >>> 16) & (BITS - 1);
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static PublicSuffixes load() {
    PublicSuffixes l = new PublicSuffixes();
    byte[] text;
    // Through the module: Class.getResourceAsStream would ask the JDK's loaders first and so open
    // the JDK's module image, which a run whose classes come from the CDS archive never needs.
    try (InputStream in = PublicSuffixes.class.getModule().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      text = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The list is ASCII: lines cut from the bytes, with no decoder and no reader, cost lint's
    // start-up least (every lint reads the list).
    for (int start = 0; start < text.length; ) {
      int end = start;
      while (end < text.length && text[end] != '\n') {
        end++;
      }
      if (end > start && text[start] != '#') {
        l.add(new String(text, start, end - start, StandardCharsets.US_ASCII));
      }
      start = end + 1;
    }
    return l;
  }

  private void add(String rule) {
    if (rule.startsWith(EXCEPTION)) {
      exceptions.add(rule.substring(EXCEPTION.length()));
      return;
    }
    String name = rule;
    if (rule.startsWith(WILDCARD)) {
      name = rule.substring(WILDCARD.length());
      wildcardParents.add(name);
      if (name.indexOf('.') < 0) {
        wildcardTopBits.add(name.hashCode());
      }
    } else {
      rules.add(rule);
    }
    if (name.indexOf('.') >= 0) {
      lastTwoBits.add(lastTwo(name).hashCode());
    }
    String top = name.substring(name.lastIndexOf('.') + 1);
    topLevel.add(top);
    topLevelBits.add(top.hashCode());
  }
}
