package io.accessctl.lint.rules;

import io.accessctl.lint.EntriesByTag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import io.accessctl.tokens.Prescan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AC408: an untagged entry that a tagged entry with the same key hides. This is the one kind of
 * shadowing accessctl can prove from the file alone: Connect:, From: and To: lookups try the tagged
 * key and then the untagged one at every step, so for equal keys the tagged entry always wins.
 * Shadowing across steps (a host name entry beating an address entry, a subdomain beating its
 * parent) is what the entries are for, and depends on DNS; it is not reported.
 */
public final class Precedence implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC408", "precedence", Severity.INFO,
      "an untagged entry hidden by a tagged entry with the same key",
      """
      The order of the lines does not matter to sendmail: each check walks from the most specific
      key to the least (the host name and its parent domains before the address and its
      prefixes), and at every step the connection (Connect:), sender (From:) and recipient (To:)
      checks try the tagged key first and the untagged one only when that is not found. So an
      untagged entry next to Connect:, From: or To: with the same key no longer applies to that
      check, whatever the line order; with all the tags it could serve present, it is never used.
      accessctl reports this only when the values differ (or the untagged line is dead).

      Wrong (the REJECT no longer applies to connections):
        spam.example REJECT
        Connect:spam.example OK
      Right (say which checks each value is for):
        Connect:spam.example OK
        From:spam.example REJECT
        To:spam.example REJECT
      """);

  private static final List<String> TAGS = List.of("Connect", "From", "To");
  private static final Map<String, String> CHECK = Map.of(
      "connect", "connections", "from", "senders (From)", "to", "recipients (To)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx, Findings out) {
    Map<String, Map<String, Entry>> taggedBySubject = new HashMap<>();
    List<Entry> untagged = new ArrayList<>();
    // Untagged entries first: most maps have none, and then no tagged subject needs indexing.
    Set<String> untaggedKeys = new HashSet<>();
    for (Entry e : untagged(ctx)) {
      untagged.add(e);
      untaggedKeys.add(e.storedKey());
    }
    if (untagged.isEmpty()) {
      return;
    }
    EntriesByTag byTag = EntriesByTag.of(ctx);
    for (Entry e : EntriesByTag.inFileOrder(byTag.tagged("Connect"), byTag.tagged("From"),
        byTag.tagged("To"))) {
      String tag = e.tag().toLowerCase(Locale.ROOT);
      if (CHECK.containsKey(tag)) {
        String subject = e.storedKey().substring(e.storedKey().indexOf(':') + 1);
        if (untaggedKeys.contains(subject)) {
          taggedBySubject.computeIfAbsent(subject, k -> new LinkedHashMap<>()).putIfAbsent(tag, e);
        }
      }
    }
    for (Entry u : untagged) {
      Map<String, Entry> hiding = taggedBySubject.getOrDefault(u.storedKey(), Map.of());
      if (hiding.isEmpty()) {
        continue;
      }
      List<String> unhidden = unhiddenTags(u, hiding);
      List<String> uses = unhidden.stream().map(t -> CHECK.get(t.toLowerCase(Locale.ROOT))).toList();
      String found = describe(hiding);
      if (uses.isEmpty()) {
        out.add(INFO, u, u.keyColumn(), found + " tried before this untagged entry at the same"
            + " step of every check that looks " + Values.quote(u.key()) + " up, so this line is"
            + " never used; remove it");
      } else if (hiding.values().stream().anyMatch(t -> !sameValue(t, u))) {
        out.add(INFO, u, u.keyColumn(), found + " tried first (tagged keys come before untagged"
            + " ones at each step; line order does not matter), so this entry's "
            + Values.quote(Values.intended(u.value())) + " now applies only to "
            + String.join(" and ", uses) + "; write it with the tags it is meant for ("
            + String.join(", ", unhidden.stream().map(t -> t + ":" + u.key()).toList())
            + ") to make that visible");
      }
    }
  }

  private static String describe(Map<String, Entry> hiding) {
    List<String> parts = new ArrayList<>();
    hiding.values().forEach(t -> parts.add(t.key() + " (line " + t.lineNumber() + ")"));
    return ConfigRule.joinAnd(parts) + (parts.size() == 1 ? " is" : " are");
  }

  /**
   * The entries with keys without tag, which Connect:, From: and To: lookups also try, in file
   * order; {@code IPv6:…} is an untagged IPv6 address, not a tag.
   */
  static List<Entry> untagged(LintContext ctx) {
    EntriesByTag byTag = EntriesByTag.of(ctx);
    return EntriesByTag.inFileOrder(byTag.untagged(), byTag.tagged("IPv6"));
  }

  /** The tags whose checks look the untagged key up and find no tagged entry first. */
  private static List<String> unhiddenTags(Entry u, Map<String, Entry> hiding) {
    List<String> tags = new ArrayList<>();
    for (String t : TAGS) {
      boolean looksUp = !t.equals("Connect") || u.key().indexOf('@') < 0;
      if (looksUp && !hiding.containsKey(t.toLowerCase(Locale.ROOT))) {
        tags.add(t);
      }
    }
    return tags;
  }

  private static boolean sameValue(Entry a, Entry b) {
    return Prescan.texts(Prescan.tokens(Values.intended(a.value()))).toString().equalsIgnoreCase(
        Prescan.texts(Prescan.tokens(Values.intended(b.value()))).toString());
  }
}
