package io.accessctl.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What subroutine calls ({@code $>}) of memoisable rulesets ({@link CallPurity}) did, kept by one
 * engine across its questions: a call of the same ruleset on the same tokens, while the file maps
 * try the same key forms and each macro it read (itself or in a nested call) has the value it
 * read, does the same again, so the engine replays it instead of running its rules — the map
 * lookups reported to the trace in order with what each found (and each nested ruleset's input
 * and result, for a trace that reads them), the result tokens, the status, the key forms the file
 * maps try and found afterwards, and the steps counted against the work limit. (A run is decided
 * by its tokens and what it reads; while the values it read are the same, it reads the same
 * macros in the same order.)
 *
 * <p>A call is kept only when it ran to its end without an error and asked only maps whose
 * answers replay ({@link RuleBook#answerable}): none sets a macro. A kept call is replayed only
 * where it would run alike: its deepest nested call still within MaxRuleRecursion from the
 * caller's depth, at least the room it had for its workspace (every length check passes with more
 * room), and its steps within the work limit; elsewhere it runs again (and stops where sendmail
 * stops).
 *
 * <p>A call is known by the numbers of its tokens ({@link Symbols}: the same text, the same number),
 * so the memory forgets every call when the engine forgets its question tokens (a new {@link
 * Symbols#generation}). At most {@link #ENTRIES} calls are kept; then the memory starts afresh.
 * Not thread-safe: each engine (each copy of a batch on two threads) has its own.
 */
final class CallMemo {
  static final int ENTRIES = 1 << 15;
  /** The key forms of a file map take two bits of a {@code long}. */
  private static final int FORM_BITS = 2;
  private static final int FORMS = (1 << FORM_BITS) - 1;
  static final int MAX_FILE_MAPS = Long.SIZE / FORM_BITS;

  private final Symbols symbols;
  /** A macro's value now, by canonical name, not counted as read. */
  private final UnaryOperator<String> macroValue;
  private final Set<String> answerable;
  private final FileMap[] fileMaps;
  private final Map<String, Integer> fileIndex = new HashMap<>();
  private final int capacity;
  private final CallTable<Entry> entries;
  /** The {@link Symbols#generation} the kept calls' token numbers belong to. */
  private int generation;
  /** The key of the call last asked for ({@link Key}'s ints), and its length and hash. */
  private int[] probe = new int[32];
  private int probeLength;
  private int probeHash;
  /** What the calls being recorded reported, in order: each call's own is a range of it. */
  private final List<Object> log = new ArrayList<>();
  /**
   * The macros the calls being recorded read, a name and its value after it, each call's a range
   * of it: a name read again with the same value in the innermost call is not repeated.
   */
  private String[] reads = new String[32];
  private int readCount;
  /** By depth of recording, where the call's range of {@link #log} and {@link #reads} starts. */
  private int[] logStarts = new int[8];
  private int[] readStarts = new int[8];
  private final Recorder recorder = new Recorder();
  private int recording;
  /** How many calls are kept, over every chain. */
  private int kept;
  /** The most calls of one ruleset on the same tokens kept at once, with other macro values. */
  static final int CHAIN = 4;
  /**
   * Counts what makes a running call unfit to keep (a map whose answers do not replay, an
   * error): a call is kept when the count did not change while it ran.
   */
  private long unfit;
  private long hits;
  private long misses;
  private long readingHits;
  /**
   * Per ruleset, of the calls looked for in the current window, how many and how many were
   * found; and how many calls are still to run without looking, for a ruleset whose calls were
   * seldom found (each is asked once: its own tokens differ each time).
   */
  private final int[] windowLooked = new int[RuleBook.MAX_RULESETS];
  private final int[] windowFound = new int[RuleBook.MAX_RULESETS];
  private final int[] resting = new int[RuleBook.MAX_RULESETS];
  private static final int WINDOW = 1 << 10;
  /** Found fewer than one in this many calls of a window, a ruleset rests. */
  private static final int SELDOM = 32;
  private static final int REST = 1 << 14;
  /**
   * The hashes of calls {@link #find} did not find, each in the slot its low bits name: the
   * memory is searched only for a call whose hash is there (a kept call was asked before it was
   * kept), which spares most calls asked once a search of the memory.
   */
  private final int[] asked = new int[ASKED];
  private static final int ASKED = 1 << 13;
  private boolean askedBefore;

  private CallMemo(RuleBook book, Symbols symbols, UnaryOperator<String> macroValue,
      FileMap[] fileMaps, int capacity) {
    this.symbols = symbols;
    this.macroValue = macroValue;
    this.answerable = book.answerable;
    this.fileMaps = fileMaps;
    this.capacity = capacity;
    this.entries = new CallTable<>(capacity);
    this.generation = symbols.generation();
    int i = 0;
    for (String name : FileMap.in(book).keySet()) {
      fileIndex.put(name, i++);
    }
  }

  /**
   * A memory for an engine running {@code book}; null when the cf has too many file maps.
   *
   * @param macroValue a macro's value now, by canonical name
   */
  static CallMemo of(RuleBook book, Symbols symbols, int capacity,
      UnaryOperator<String> macroValue) {
    FileMap[] maps = FileMap.in(book).values().toArray(FileMap[]::new);
    return maps.length > MAX_FILE_MAPS ? null
        : new CallMemo(book, symbols, macroValue, maps, capacity);
  }

  /**
   * A call of a ruleset on a workspace, from some token on: the ruleset's number, the key forms
   * each file map tries (two bits a map, a long in two ints), then the numbers of the tokens.
   */
  static final class Key {
    private final int[] ints;
    private final int hash;

    private Key(int[] ints, int hash) {
      this.ints = ints;
      this.hash = hash;
    }
  }

  /** Where a {@link Key}'s token numbers start. */
  private static final int TOKENS = 3;

  /**
   * What a kept call did; with the other calls of the same ruleset on the same tokens that read
   * other macro values.
   */
  static final class Entry {
    /** The macros the call read: a name and its value after it. */
    private final String[] macros;
    private Entry next;
    /** The result tokens' numbers, of the memory's {@link #generation}. */
    private final int[] ids;
    private final int status;
    /** {@link Looked} and {@link Step} events, in order. */
    private final Object[] events;
    /** Whether the events hold each nested ruleset's input and result. */
    private final boolean steps;
    private final long work;
    /** How much deeper than the call itself its deepest nested call went. */
    private final int depth;
    /** The room the call had: it runs alike with as much or more. */
    private final int maxatom;
    private final long formsAfter;
    private final long found;

    private Entry(String[] macros, int[] ids, int status, Object[] events, boolean steps,
        long work, int depth, int maxatom, long formsAfter, long found) {
      this.macros = macros;
      this.ids = ids;
      this.status = status;
      this.events = events;
      this.steps = steps;
      this.work = work;
      this.depth = depth;
      this.maxatom = maxatom;
      this.formsAfter = formsAfter;
      this.found = found;
    }

    /**
     * Whether the call runs here as it ran: called at recursion level {@code reclevel}, its
     * deepest call stays within {@code maxRecursion}; every length check that passed with the
     * room it had passes with {@code maxatom} as large or larger; its steps stay within {@code
     * workLeft} (else it is to stop where it passes the limit); and a trace that reads the steps
     * gets them.
     */
    boolean fits(int reclevel, int maxRecursion, int maxatom, long workLeft, boolean steps) {
      return reclevel + depth <= maxRecursion && maxatom >= this.maxatom && work <= workLeft
          && (this.steps || !steps);
    }

    int status() {
      return status;
    }

    /** Whether each macro the call read has the value now that it read. */
    private boolean readsAlike(UnaryOperator<String> macroValue) {
      for (int i = 0; i < macros.length; i += 2) {
        if (!Objects.equals(macroValue.apply(macros[i]), macros[i + 1])) {
          return false;
        }
      }
      return true;
    }

    /** The steps the call took, counted against the work limit. */
    long work() {
      return work;
    }

    /** How much deeper than the call itself its deepest nested call went. */
    int depth() {
      return depth;
    }
  }

  private record Looked(String map, String key, MapClass.Result result) {}

  private record Step(String ruleset, List<String> tokens, boolean returns) {}

  /**
   * Whether calls of the ruleset are worth looking for now: not for a while after too few were
   * found (looking costs a key built from the call's tokens).
   */
  boolean worthLooking(int ruleset) {
    if (resting[ruleset] > 0) {
      resting[ruleset]--;
      return false;
    }
    return true;
  }

  /**
   * The kept call of {@code ruleset} on the tokens of {@code pvp} from {@code from} on, with the
   * key forms the file maps try now and the macros it read at their values now; null when there
   * is none. Remembers the question for {@link #key()}.
   */
  Entry find(int ruleset, TokenIds pvp, int from) {
    if (generation != symbols.generation()) {
      forget();
    }
    int length = TOKENS + pvp.size - from;
    if (probe.length < length) {
      probe = new int[Math.max(length, 2 * probe.length)];
    }
    long forms = forms();
    int[] p = probe;
    p[0] = ruleset;
    p[1] = (int) forms;
    p[2] = (int) (forms >>> Integer.SIZE);
    System.arraycopy(pvp.ids, from, p, TOKENS, length - TOKENS);
    int hash = CallTable.hash(p, length);
    probeLength = length;
    probeHash = hash;
    int slot = hash & (asked.length - 1);
    boolean seen = asked[slot] == hash;
    Entry e = seen ? entries.get(p, length, hash) : null;
    while (e != null && !e.readsAlike(macroValue)) {
      e = e.next;
    }
    if (e != null) {
      windowFound[ruleset]++;
    }
    if (++windowLooked[ruleset] == WINDOW) {
      if (windowFound[ruleset] * SELDOM < WINDOW) {
        resting[ruleset] = REST;
      }
      windowLooked[ruleset] = 0;
      windowFound[ruleset] = 0;
    }
    if (e == null) {
      misses++;
      askedBefore = seen;
      asked[slot] = hash;
    }
    return e;
  }

  /** Forgets every call kept, whose token numbers may now stand for other texts. */
  private void forget() {
    entries.clear();
    kept = 0;
    Arrays.fill(asked, 0);
    generation = symbols.generation();
  }

  /**
   * Whether the call {@link #find} found no answer for was asked before (as far as a table of
   * the last calls' hashes tells): most calls of a batch are asked once (a host's own name) or
   * again and again (its parent domains), so only those asked again are worth recording.
   */
  boolean askedBefore() {
    return askedBefore;
  }

  /** The call last asked for by {@link #find}, to keep what it does. */
  Key key() {
    return new Key(Arrays.copyOf(probe, probeLength), probeHash);
  }

  private long forms() {
    long forms = 0;
    for (int i = 0; i < fileMaps.length; i++) {
      forms |= (long) fileMaps[i].tries() << (FORM_BITS * i);
    }
    return forms;
  }

  /**
   * Does what a kept call did: reports its events to {@code trace}, puts its result in {@code
   * pvp} from {@code from} on, leaves the file maps trying and having found what it left them.
   */
  void replay(Entry e, Trace trace, TokenIds pvp, int from) {
    hits++;
    if (e.macros.length > 0) {
      readingHits++;
    }
    for (int i = 0; i < e.macros.length; i += 2) {
      macroRead(e.macros[i], e.macros[i + 1]);
    }
    boolean steps = trace.steps();
    for (Object event : e.events) {
      if (event instanceof Looked l) {
        trace.lookup(l.map, l.key, l.result);
      } else if (steps) {
        Step s = (Step) event;
        if (s.returns) {
          trace.returns(s.ruleset, s.tokens);
        } else {
          trace.input(s.ruleset, s.tokens);
        }
      }
    }
    pvp.size = from;
    pvp.add(e.ids, 0, e.ids.length);
    for (int i = 0; i < fileMaps.length; i++) {
      int shift = FORM_BITS * i;
      int tries = (int) (e.formsAfter >>> shift) & FORMS;
      if (fileMaps[i].tries() != tries) {
        fileMaps[i].tries(tries);
      }
      int found = (int) (e.found >>> shift) & FORMS;
      if (found != 0) {
        fileMaps[i].found(found);
      }
    }
  }

  /**
   * Starts recording a call that reports to {@code caller}: returns the trace the call is to
   * report to instead. Each start is followed by one {@link #stop}.
   */
  Trace start(Trace caller) {
    if (recording == 0) {
      recorder.outer = caller;
    }
    if (recording == logStarts.length) {
      logStarts = Arrays.copyOf(logStarts, 2 * recording);
      readStarts = Arrays.copyOf(readStarts, 2 * recording);
    }
    logStarts[recording] = log.size();
    readStarts[recording] = readCount;
    recording++;
    return recorder;
  }

  /** Ends the recording of the call started last; then its trace is the caller's again. */
  void stop() {
    if (--recording == 0) {
      log.clear();
      Arrays.fill(reads, 0, readCount, null);
      readCount = 0;
      recorder.outer = Trace.NONE;
    }
  }

  /** A count that changes when a running call becomes unfit to keep. */
  long unfitness() {
    return unfit;
  }

  /** A macro was read: the calls being recorded are kept for its value only. */
  void macroRead(String name, String value) {
    if (recording == 0) {
      return;
    }
    for (int i = readStarts[recording - 1]; i < readCount; i += 2) {
      if (reads[i].equals(name) && Objects.equals(reads[i + 1], value)) {
        return;
      }
    }
    if (readCount + 2 > reads.length) {
      reads = Arrays.copyOf(reads, 2 * reads.length);
    }
    reads[readCount++] = name;
    reads[readCount++] = value;
  }

  /**
   * Keeps what the call recorded last did, which ran to its end with {@link #unfitness()}
   * unchanged: its key as {@link #key()} gave it, its result in {@code pvp} from {@code from}
   * on.
   */
  void keep(Key key, TokenIds pvp, int from, int status, boolean steps, long work, int depth,
      int maxatom) {
    int depthNow = recording - 1;
    Object[] events = log.subList(logStarts[depthNow], log.size()).toArray();
    String[] macros = Arrays.copyOfRange(reads, readStarts[depthNow], readCount);
    long found = 0;
    for (Object event : events) {
      if (event instanceof Looked l && l.result.stored() != null
          && l.result.stored().value() != null) {
        Integer i = fileIndex.get(l.map);
        if (i != null) {
          found |= (long) (l.result.stored().withNul() ? FileMap.WITH_NUL : FileMap.WITHOUT_NUL)
              << (FORM_BITS * i);
        }
      }
    }
    int[] ids = Arrays.copyOfRange(pvp.ids, from, pvp.size);
    if (kept >= capacity) {
      entries.clear();
      kept = 0;
    }
    Entry entry = new Entry(macros, ids, status, events, steps, work, depth, maxatom, forms(),
        found);
    // the call as kept before with the same macro values, which did not fit here, gives way;
    // so does the oldest of a full chain
    Entry last = entry;
    int length = 1;
    int[] k = key.ints;
    for (Entry e = entries.get(k, k.length, key.hash); e != null; e = e.next) {
      if (length < CHAIN && !Arrays.equals(e.macros, macros)) {
        last.next = e;
        last = e;
        length++;
      } else {
        kept--;
      }
    }
    last.next = null;
    kept++;
    entries.put(k, key.hash, entry);
  }

  /** Calls answered from memory, and calls looked for and not found. */
  long hits() {
    return hits;
  }

  long misses() {
    return misses;
  }

  /** Calls answered from memory that read macros. */
  long readingHits() {
    return readingHits;
  }

  /** Passes everything on to the trace of the outermost call recorded, keeping a copy. */
  private final class Recorder implements Trace {
    Trace outer = Trace.NONE;

    @Override
    public boolean steps() {
      return outer.steps();
    }

    @Override
    public void input(String ruleset, List<String> tokens) {
      log.add(new Step(ruleset, List.copyOf(tokens), false));
      outer.input(ruleset, tokens);
    }

    @Override
    public void returns(String ruleset, List<String> tokens) {
      log.add(new Step(ruleset, List.copyOf(tokens), true));
      outer.returns(ruleset, tokens);
    }

    @Override
    public void error(String message) {
      unfit++;
      outer.error(message);
    }

    @Override
    public void lookup(String map, String key, MapClass.Result result) {
      if (!answerable.contains(map)) {
        unfit++;
      }
      log.add(new Looked(map, key, result));
      outer.lookup(map, key, result);
    }
  }
}
