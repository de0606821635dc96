package io.accessctl.lint;

import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file's entries by tag: each entry's tag group found in one pass on first use, each group's
 * entries listed in file order when first asked for.
 *
 * <p>Why: a dozen whole-file rules each want the entries of one or two tags (Try_TLS NO entries,
 * AuthInfo passwords, untagged keys, …), and the {@link Linter} dispatches per-entry rules by
 * every entry's tag. Each of them walking all entries of a 100,000-entry map and comparing tags
 * cost more than their own work; now one pass finds every entry's tag, by the tag string the
 * parser shares between entries that spell it alike. The walk needs only that pass before it
 * starts; a group's list is made by the rule that asks, while the walk runs.
 */
public final class EntriesByTag {
  private static final String MEMO = "entries-by-tag";
  /** The group of entries without tag. */
  public static final int UNTAGGED = -1;

  private final List<Entry> entries;
  private final List<String> folded = new ArrayList<>();
  private final Map<String, Integer> byFolded = new HashMap<>();
  private final int[] groupOf;
  /** Each group's entries once asked for, by group + 1 (untagged first); guarded by this. */
  private List<List<Entry>> lists;

  private EntriesByTag(List<Entry> entries) {
    this.entries = entries;
    groupOf = new int[entries.size()];
    Map<String, Integer> bySpelling = new HashMap<>();
    String lastSpelling = null;
    int last = UNTAGGED;
    for (Entry e : entries) {
      if (!e.isTagged()) {
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
        Integer known = bySpelling.get(spelling);
        if (known == null) {
          known = group(spelling);
          bySpelling.put(spelling, known);
        }
        last = known;
        lastSpelling = spelling;
      }
      groupOf[e.index()] = last;
    }
  }

  /** The index of this file, made once. */
  public static EntriesByTag of(LintContext ctx) {
    return ctx.memo(MEMO, () -> new EntriesByTag(ctx.source().entries()));
  }

  /** The group of a tag as spelled, made on its first spelling. */
  private int group(String spelling) {
    return byFolded.computeIfAbsent(Bytes.foldAscii(spelling), f -> {
      folded.add(f);
      return folded.size() - 1;
    });
  }

  /**
   * The entries whose tag is {@code tag} in any case, in file order; {@code tag} is ASCII, as
   * every tag sendmail knows ({@link Entry#tagIs}).
   */
  public List<Entry> tagged(String tag) {
    Integer g = byFolded.get(Bytes.foldAscii(tag));
    return g == null ? List.of() : entriesOf(g);
  }

  /** The entries whose key has no colon at all, in file order. */
  public List<Entry> untagged() {
    return entriesOf(UNTAGGED);
  }

  /**
   * A group's entries in file order. Every group is listed on the first request, in one pass:
   * the whole-file rules ask for several tags, and a pass each cost more than the lists.
   */
  private synchronized List<Entry> entriesOf(int group) {
    if (lists == null) {
      int[] sizes = new int[folded.size() + 1];
      for (int g : groupOf) {
        sizes[g + 1]++;
      }
      List<List<Entry>> all = new ArrayList<>(sizes.length);
      for (int size : sizes) {
        all.add(new ArrayList<>(size));
      }
      for (int i = 0; i < groupOf.length; i++) {
        all.get(groupOf[i] + 1).add(entries.get(i));
      }
      lists = all;
    }
    return lists.get(group + 1);
  }

  /** The number of distinct tags; groups are numbered from 0. */
  public int groups() {
    return folded.size();
  }

  /** The group of an entry of this file, or {@link #UNTAGGED}. */
  public int groupOf(Entry e) {
    return groupOf[e.index()];
  }

  /** The group of the entry at {@code index} in the file's entries, or {@link #UNTAGGED}. */
  int groupAt(int index) {
    return groupOf[index];
  }

  /** A group's tag in ASCII lower case. */
  public String tag(int group) {
    return folded.get(group);
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
