package io.accessctl.lint;

import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file's entries by tag, each group in file order, made in one pass on first use.
 *
 * <p>Why: a dozen whole-file rules each want the entries of one or two tags (Try_TLS NO entries,
 * AuthInfo passwords, untagged keys, …), and the {@link Linter} dispatches per-entry rules by
 * every entry's tag. Each of them walking all entries of a 100,000-entry map and comparing tags
 * cost more than their own work; now one pass finds every entry's tag, by the tag string the
 * parser shares between entries that spell it alike.
 */
public final class EntriesByTag {
  private static final String MEMO = "entries-by-tag";
  /** The group of entries without tag. */
  public static final int UNTAGGED = -1;

  private final List<Entry> untagged = new ArrayList<>();
  private final List<Group> groups = new ArrayList<>();
  private final Map<String, Group> byFolded = new HashMap<>();
  private final int[] groupOf;

  /** One tag's entries. {@code folded}: the tag in ASCII lower case. */
  private record Group(int id, String folded, List<Entry> entries) {}

  private EntriesByTag(List<Entry> entries) {
    groupOf = new int[entries.size()];
    Map<String, Group> bySpelling = new HashMap<>();
    String lastSpelling = null;
    Group last = null;
    for (Entry e : entries) {
      if (!e.isTagged()) {
        untagged.add(e);
        groupOf[e.index()] = UNTAGGED;
        continue;
      }
      // The parser shares one string per spelling of a tag (most maps write each tag one way),
      // and maps often list one tag's entries together: the same string as the entry before
      // costs one comparison, a known spelling one lookup of a string whose hash is kept, and
      // only a new spelling is folded.
      String spelling = e.tag();
      if (spelling != lastSpelling) {
        // get and put, not computeIfAbsent(spelling, this::group): a method reference made for
        // every change of tag was most of what this pass allocated
        last = bySpelling.get(spelling);
        if (last == null) {
          last = group(spelling);
          bySpelling.put(spelling, last);
        }
        lastSpelling = spelling;
      }
      last.entries.add(e);
      groupOf[e.index()] = last.id;
    }
  }

  /** The index of this file, made once. */
  public static EntriesByTag of(LintContext ctx) {
    return ctx.memo(MEMO, () -> new EntriesByTag(ctx.source().entries()));
  }

  /** The group of a tag as spelled, made on its first spelling. */
  private Group group(String spelling) {
    return byFolded.computeIfAbsent(Bytes.foldAscii(spelling), folded -> {
      Group g = new Group(groups.size(), folded, new ArrayList<>());
      groups.add(g);
      return g;
    });
  }

  /**
   * The entries whose tag is {@code tag} in any case, in file order; {@code tag} is ASCII, as
   * every tag sendmail knows ({@link Entry#tagIs}).
   */
  public List<Entry> tagged(String tag) {
    Group g = byFolded.get(Bytes.foldAscii(tag));
    return g == null ? List.of() : g.entries;
  }

  /** The entries whose key has no colon at all, in file order. */
  public List<Entry> untagged() {
    return untagged;
  }

  /** The number of distinct tags; groups are numbered from 0. */
  public int groups() {
    return groups.size();
  }

  /** The group of an entry of this file, or {@link #UNTAGGED}. */
  public int groupOf(Entry e) {
    return groupOf[e.index()];
  }

  /** A group's tag in ASCII lower case. */
  public String tag(int group) {
    return groups.get(group).folded;
  }

  /** Several groups as one list in file order. */
  @SafeVarargs
  public static List<Entry> inFileOrder(List<Entry>... groups) {
    List<Entry> all = new ArrayList<>();
    for (List<Entry> g : groups) {
      all.addAll(g);
    }
    all.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return all;
  }
}
