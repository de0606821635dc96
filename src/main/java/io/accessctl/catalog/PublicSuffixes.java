package io.accessctl.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
  private static final String RESOURCE = "public-suffixes.txt";
  private static final String WILDCARD = "*.";
  private static final String EXCEPTION = "!";

  private final Set<String> rules = new HashSet<>();
  private final Set<String> wildcardParents = new HashSet<>();
  private final Set<String> exceptions = new HashSet<>();
  private final Set<String> topLevel = new HashSet<>();

  private PublicSuffixes() {}

  private static final class Holder {
    static final PublicSuffixes LIST = load();
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

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static PublicSuffixes load() {
    PublicSuffixes l = new PublicSuffixes();
    try (InputStream in = PublicSuffixes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        l.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    } else {
      rules.add(rule);
    }
    topLevel.add(name.substring(name.lastIndexOf('.') + 1));
  }
}
