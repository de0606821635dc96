package io.accessctl.rules;

import io.accessctl.tokens.Prescan;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Token texts numbered, so that the engine's workspaces are arrays of ints and an LHS literal is
 * compared with a token by one int: a token equal in any case (as the matcher compares them) to a
 * rule's text has that text's {@link #fold} number. What the engine asks of a token on every rule
 * (its operator, its id byte, whether it is an atom) is worked out once, when it is numbered.
 *
 * <p>A cf's rule tokens are numbered first, each text once (the book's table, never changed once
 * the book is built); an engine numbers its questions' tokens after them in its own copy. Two
 * tokens with one number are the same text, so the call memo compares calls by their numbers; for
 * it to find them, a text the questions bring again and again keeps its number: everything the
 * table says of a token follows from its text, so a token with a rule's text takes the rule's
 * number, and the texts numbered lately are remembered ({@link #recentText}). A text seen once (a
 * host's own name) may be numbered anew when it comes again. Between questions the engine cuts the
 * copy back to the rules' part when it has grown; each cut starts a new {@link #generation}, in
 * which a question token's number may stand for another text than before.
 */
final class Symbols {
  /** A token the lookup step acts on: {@code $(} or {@code $[}. */
  static final int LOOKS = 1;
  /** A token the subroutine step acts on: {@code $>}. */
  static final int CALLS = 2;
  /** The fold number of a question token that equals no rule text in any case. */
  private static final int NO_RULE_TEXT = -1;
  /** What {@link #ruleset} holds for a token not yet looked up as a ruleset name. */
  static final int UNKNOWN = Integer.MIN_VALUE;

  private final Map<String, Integer> ids;
  private final Map<String, Integer> folds;
  private String[] text;
  private char[] kind;
  /** What the lookup and subroutine steps see in a token, as {@link #LOOKS} and {@link #CALLS}. */
  private byte[] acts;
  private int[] arg;
  private boolean[] atom;
  /** Whether the text holds a double quote or a backslash: what stripping quotes acts on. */
  private boolean[] quoting;
  private int[] fold;
  /** Each token's bits among the rules' required literals ({@link RuleCode#requiredBits}). */
  private long[] literalBits;
  private long[] bitsByFold;
  /** The ruleset a token names after {@code $>}, as the engine found it; else {@link #UNKNOWN}. */
  private int[] ruleset;
  /** The map a token names after {@code $(}, once the engine looked it up. */
  private MapClass[] map;
  private boolean[] mapKnown;
  /**
   * Which classes' membership of the token's text the engine found, and in which of them the
   * text is, as bits by the engine's class slots ({@link #CLASS_SLOTS} at most).
   */
  private long[] classKnown;
  private long[] classHeld;
  /** How many classes the membership bits can tell of. */
  static final int CLASS_SLOTS = Long.SIZE;
  private int size;
  /** How many times question tokens were forgotten ({@link #cut}). */
  private int generation;
  /**
   * Question texts numbered lately and their numbers, each in the slot its hash names. A text
   * found again in its slot is marked, and a marked text gives way only to the second text after
   * it that wants the slot: the texts most questions bring stay, those of one question pass.
   */
  private final String[] recentText = new String[RECENT];
  /** The texts' hashes: a text is compared only with one of its hash. */
  private final int[] recentHash = new int[RECENT];
  private final int[] recentId = new int[RECENT];
  private final boolean[] recentAgain = new boolean[RECENT];
  private static final int RECENT = 1 << 12;

  Symbols() {
    this(new HashMap<>(), new HashMap<>(), 256);
  }

  private Symbols(Map<String, Integer> ids, Map<String, Integer> folds, int capacity) {
    this.ids = ids;
    this.folds = folds;
    text = new String[capacity];
    kind = new char[capacity];
    acts = new byte[capacity];
    arg = new int[capacity];
    atom = new boolean[capacity];
    quoting = new boolean[capacity];
    fold = new int[capacity];
    literalBits = new long[capacity];
    ruleset = new int[capacity];
    map = new MapClass[capacity];
    mapKnown = new boolean[capacity];
    classKnown = new long[capacity];
    classHeld = new long[capacity];
  }

  /** An independent copy, to number more texts in. */
  Symbols copy() {
    Symbols s = new Symbols(new HashMap<>(ids), new HashMap<>(folds), Math.max(256, 2 * size));
    s.size = size;
    System.arraycopy(text, 0, s.text, 0, size);
    System.arraycopy(kind, 0, s.kind, 0, size);
    System.arraycopy(acts, 0, s.acts, 0, size);
    System.arraycopy(arg, 0, s.arg, 0, size);
    System.arraycopy(atom, 0, s.atom, 0, size);
    System.arraycopy(quoting, 0, s.quoting, 0, size);
    System.arraycopy(fold, 0, s.fold, 0, size);
    System.arraycopy(literalBits, 0, s.literalBits, 0, size);
    s.bitsByFold = bitsByFold;
    System.arraycopy(ruleset, 0, s.ruleset, 0, size);
    System.arraycopy(map, 0, s.map, 0, size);
    System.arraycopy(mapKnown, 0, s.mapKnown, 0, size);
    System.arraycopy(classKnown, 0, s.classKnown, 0, size);
    System.arraycopy(classHeld, 0, s.classHeld, 0, size);
    return s;
  }

  /** Forgets every token numbered from {@code keep} on, starting a new {@link #generation}. */
  void cut(int keep) {
    if (size <= keep) {
      return;
    }
    Arrays.fill(recentText, null);
    generation++;
    Arrays.fill(text, keep, size, null);
    Arrays.fill(map, keep, size, null);
    size = keep;
  }

  int size() {
    return size;
  }

  /**
   * Changes when tokens are forgotten: a number kept from an earlier generation may now stand for
   * another text, or for none.
   */
  int generation() {
    return generation;
  }

  /** How many fold numbers the rules' texts have: every {@link #fold} is below it (or -1). */
  int foldCount() {
    return folds.size();
  }

  /**
   * Gives each fold number its bits ({@link RuleCode#requiredBits}): every token numbered, now or
   * later, carries the bits of its fold.
   */
  void literalBits(long[] byFold) {
    bitsByFold = byFold;
    for (int id = 0; id < size; id++) {
      literalBits[id] = fold[id] >= 0 ? byFold[fold[id]] : 0;
    }
  }

  /** The bits of a token's fold number (see {@link #literalBits(long[])}), 0 for none. */
  long literalBits(int id) {
    return literalBits[id];
  }

  /** The number of a rule's text, numbering it if it is new. */
  int id(String t) {
    Integer known = ids.get(t);
    if (known != null) {
      return known;
    }
    int id = number(t, folds.computeIfAbsent(folded(t), k -> folds.size()));
    ids.put(t, id);
    return id;
  }

  /**
   * The number of a question's token: a rule's text's or a recent text's number, else a new one.
   */
  int token(String t) {
    int h = t.hashCode();
    int slot = slot(h);
    String recent = recentText[slot];
    if (recentHash[slot] == h && recent != null && recent.equals(t)) {
      recentAgain[slot] = true;
      return recentId[slot];
    }
    return numbered(t, h, slot);
  }

  /**
   * {@link #token(String)} of the {@code length} chars of {@code s} from {@code from} on: a
   * recent text is found without making a string of them.
   */
  int token(String s, int from, int length) {
    int h = 0;
    for (int i = from; i < from + length; i++) {
      // String.hashCode()'s, so that a text has one hash however it came
      h = 31 * h + s.charAt(i);
    }
    int slot = slot(h);
    String recent = recentText[slot];
    if (recentHash[slot] == h && recent != null && recent.length() == length
        && recent.regionMatches(0, s, from, length)) {
      recentAgain[slot] = true;
      return recentId[slot];
    }
    return numbered(s.substring(from, from + length), h, slot);
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (RECENT - 1);
  }

  /** The number of a text not found in its {@code slot} of the recent texts; {@code h} its hash. */
  private int numbered(String t, int h, int slot) {
    String recent = recentText[slot];
    Integer rule = ids.get(t);
    int id;
    if (rule != null) {
      id = rule;
    } else {
      Integer ruleFold = folds.get(folded(t));
      id = number(t, ruleFold == null ? NO_RULE_TEXT : ruleFold);
    }
    if (recent == null || !recentAgain[slot]) {
      recentText[slot] = t;
      recentHash[slot] = h;
      recentId[slot] = id;
    }
    recentAgain[slot] = false;
    return id;
  }

  private int number(String t, int folding) {
    if (size == text.length) {
      grow();
    }
    int id = size++;
    text[id] = t;
    kind[id] = Meta.kind(t);
    acts[id] = (byte) ((Meta.looksUp(kind[id]) ? LOOKS : 0)
        | (kind[id] == Meta.CALLSUBR ? CALLS : 0));
    arg[id] = t.length() > 1 ? t.charAt(1) : -1;
    atom[id] = !t.isEmpty() && Prescan.isAtom(t.charAt(0));
    quoting[id] = t.indexOf('"') >= 0 || t.indexOf('\\') >= 0;
    fold[id] = folding;
    literalBits[id] = folding >= 0 && bitsByFold != null ? bitsByFold[folding] : 0;
    ruleset[id] = UNKNOWN;
    map[id] = null;
    mapKnown[id] = false;
    classKnown[id] = 0;
    classHeld[id] = 0;
    return id;
  }

  /**
   * A text's letters as String.equalsIgnoreCase compares them: two chars are equal in any case
   * exactly when their upper cases' lower cases are. Most texts are their own.
   */
  private static String folded(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      // of the ASCII chars, only the capitals are not their own
      if (c < ASCII_END ? c >= 'A' && c <= 'Z'
          : Character.toLowerCase(Character.toUpperCase(c)) != c) {
        char[] f = t.toCharArray();
        for (int j = i; j < f.length; j++) {
          f[j] = Character.toLowerCase(Character.toUpperCase(f[j]));
        }
        return new String(f);
      }
    }
    return t;
  }

  private static final char ASCII_END = 0x80;

  private void grow() {
    int n = 2 * text.length;
    text = Arrays.copyOf(text, n);
    kind = Arrays.copyOf(kind, n);
    acts = Arrays.copyOf(acts, n);
    arg = Arrays.copyOf(arg, n);
    atom = Arrays.copyOf(atom, n);
    quoting = Arrays.copyOf(quoting, n);
    fold = Arrays.copyOf(fold, n);
    literalBits = Arrays.copyOf(literalBits, n);
    ruleset = Arrays.copyOf(ruleset, n);
    map = Arrays.copyOf(map, n);
    mapKnown = Arrays.copyOf(mapKnown, n);
    classKnown = Arrays.copyOf(classKnown, n);
    classHeld = Arrays.copyOf(classHeld, n);
  }

  String text(int id) {
    return text[id];
  }

  /** The texts by id, for joining a workspace's tokens (valid until the next text is numbered). */
  String[] texts() {
    return text;
  }

  /** The operator a token is ({@link Meta#kind}), or 0 for text. */
  char kind(int id) {
    return kind[id];
  }

  /**
   * Whether the lookup step ({@link #LOOKS}) or the subroutine step ({@link #CALLS}) acts on a
   * token, as bits.
   */
  int acts(int id) {
    return acts[id];
  }

  /** The char after a token's first ({@code $=X}'s class id, {@code $1}'s digit), or -1. */
  int arg(int id) {
    return arg[id];
  }

  /** Whether cataddr() puts a blank between this token and a neighbouring atom. */
  boolean atom(int id) {
    return atom[id];
  }

  /** Whether the text holds a double quote or a backslash. */
  boolean quoting(int id) {
    return quoting[id];
  }

  /** Equal for texts equal in any case. */
  int fold(int id) {
    return fold[id];
  }

  /** The fold numbers by id, for the matcher's loop (valid until the next text is numbered). */
  int[] folds() {
    return fold;
  }

  int ruleset(int id) {
    return ruleset[id];
  }

  void ruleset(int id, int number) {
    ruleset[id] = number;
  }

  boolean mapKnown(int id) {
    return mapKnown[id];
  }

  MapClass map(int id) {
    return map[id];
  }

  void map(int id, MapClass m) {
    map[id] = m;
    mapKnown[id] = true;
  }

  /** Whether the token's membership of the class in {@code slot} is known ({@link #inClass}). */
  boolean classKnown(int id, int slot) {
    return (classKnown[id] & 1L << slot) != 0;
  }

  /** Whether the token's text is in the class in {@code slot}, once known. */
  boolean inClass(int id, int slot) {
    return (classHeld[id] & 1L << slot) != 0;
  }

  void inClass(int id, int slot, boolean in) {
    classKnown[id] |= 1L << slot;
    if (in) {
      classHeld[id] |= 1L << slot;
    }
  }
}
