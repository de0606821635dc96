package io.accessctl.catalog;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags that no sendmail ruleset looks up but that other programs read from the same access db, so
 * that their entries are not "unknown tags": the tags of well-known milters, and those a site
 * declares ({@code lint --extra-tags}, {@code ACCESSCTL_EXTRA_TAGS}).
 *
 * <p>Snert's milters (milter-limit, milter-sender, milter-spamc, …) look up
 * {@code milter-NAME-Connect:}, {@code milter-NAME-From:}, {@code milter-NAME-To:} and
 * {@code milter-NAME-Auth:} keys in sendmail's access db, with the same walks as the stock tags.
 */
public final class ForeignTags {
  /** The milters of Snert's family that read the access db, by the NAME in their tags. */
  private static final Set<String> SNERT_MILTERS = Set.of(
      "7bit", "ahead", "bcc", "clamc", "cli", "date", "gris", "limit", "link", "null", "report",
      "sender", "siq", "spamc", "spiff");
  private static final Pattern MILTER_TAG =
      Pattern.compile("milter-([a-z0-9]+)-(connect|from|to|auth)");
  private static final ForeignTags STOCK = new ForeignTags(Set.of());

  private final Set<String> declared;

  private ForeignTags(Set<String> declared) {
    this.declared = declared;
  }

  /** The milters' tags alone. */
  public static ForeignTags stock() {
    return STOCK;
  }

  /** These tags and the site's own (names without the colon, any case). */
  public ForeignTags with(Collection<String> tags) {
    Set<String> all = new HashSet<>(declared);
    for (String t : tags) {
      String name = t.strip();
      if (name.endsWith(":")) {
        name = name.substring(0, name.length() - 1);
      }
      if (!name.isEmpty()) {
        all.add(name.toLowerCase(Locale.ROOT));
      }
    }
    return new ForeignTags(Set.copyOf(all));
  }

  /** Whether a program other than sendmail reads keys with this tag (any case). */
  public boolean knows(String tag) {
    String folded = tag.toLowerCase(Locale.ROOT);
    if (declared.contains(folded)) {
      return true;
    }
    Matcher m = MILTER_TAG.matcher(folded);
    return m.matches() && SNERT_MILTERS.contains(m.group(1));
  }
}
