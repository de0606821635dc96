package io.accessctl.rules;

import io.accessctl.tokens.Limits;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.TokenText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs rulesets of a {@link RuleBook} as sendmail's rewrite() does (parseaddr.c 8.17.1): rules in
 * order, LHS matched with backtracking, a matching rule applied again until it no longer matches
 * ({@code $:} once, {@code $@} and return), RHS substitution, then map lookups, then subroutine
 * calls from the right; at most 100 applications of one rule in a row ("Infinite loop"),
 * MaxRuleRecursion nested calls, MAXATOM tokens. One engine answers one question at a time; its
 * macros ({@code $&x}, the {@code macro} map) belong to that question. What its subroutine calls
 * did it keeps across questions, to replay where a call would do the same again ({@link
 * CallMemo}).
 */
public final class Engine {
  private static final int LOOP_LIMIT = 100;
  private static final int MAX_SUBR = 16;
  private static final int MAX_MAP_ARGS = 10;
  /** The buffers rewrite() joins tokens into: a map key, a default or class phrase. */
  private static final int MAXKEY = 1024;
  private static final int MAXLINE = 2048;
  /**
   * sendmail's loops are bounded by depth, not by work (two rulesets that call each other can
   * run for hours); this bounds the steps (rule tries and LHS match steps) one question may take.
   */
  public static final long WORK_LIMIT = 500_000_000L;

  /**
   * The room a workspace starts with: MAXATOM tokens, and a map's value of up to PSBUFSIZE tokens
   * put in before the length is checked.
   */
  private static final int ROOM = 2 * Limits.MAXATOM + Limits.PSBUFSIZE;
  /**
   * How many question texts an engine numbers before it forgets them (between questions), and
   * the memo its calls with them: few, so that what the matcher reads of each token number stays
   * in the processor's caches, at the cost of calls kept anew after each forgetting.
   */
  private static final int QUESTION_SYMBOLS = 1 << 12;

  private final RuleBook book;
  /** The book's rule tokens and this engine's questions' tokens, numbered. */
  private final Symbols symbols;
  private final MapClass hostMap;
  /** The workspace of the question's outermost rulesets. */
  private final TokenIds question;
  /**
   * Whether the char put between atoms in a map key is one that stripping quotes removes: then
   * every key is stripped, else only one joined from a token that holds a quote or a backslash.
   */
  private final boolean blankQuotes;
  /**
   * The question's macros by canonical name: the caller's map itself when its names are all
   * canonical (as each check's are), else a copy under canonical names.
   */
  private Map<String, String> givenMacros = Map.of();
  private final Map<String, String> canonicalMacros = new HashMap<>();
  /** Macros the rules set while the question runs (the {@code macro} map). */
  private final Map<String, String> questionMacros = new HashMap<>();
  private final Macros macros = new Macros() {
    @Override
    public String get(String name) {
      return macro(MacroIds.canonical(name));
    }

    @Override
    public void set(String name, String value) {
      questionMacros.put(MacroIds.canonical(name), value);
      forgetMacroValues();
    }
  };
  /**
   * The values of the macros the rules read by id ({@code $&x}), each looked up by name once a
   * question: valid where {@link #valueStamps} holds {@link #valueStamp}. A rule may read the
   * same macro on every rule tried and every call; its name is hashed once.
   */
  private final String[] valuesById;
  private final int[] valueStamps;
  /**
   * The tokens of the value each id had when it was last scanned, while the token numbers stand
   * for the same texts (the {@link Symbols#generation} they were numbered in): a value the cf
   * defines is scanned once, a question's own (a host's name) once a question, not looked for
   * among the map values scanned.
   */
  private final int[][] tokensById;
  private final String[] scannedValues;
  private final int[] scannedGenerations;
  private int valueStamp = 1;
  private Trace trace = Trace.NONE;
  private long work;
  private long workLimit = WORK_LIMIT;
  private int questionSymbols = QUESTION_SYMBOLS;
  /** What subroutine calls did, to answer them again without running their rules; or null. */
  private CallMemo memo;
  /** The deepest recursion level a subroutine call was made at, while a call is recorded. */
  private int deepest;

  public Engine(RuleBook book) {
    this.book = book;
    this.symbols = book.symbols.copy();
    this.hostMap = book.maps.get("host");
    this.question = new TokenIds(symbols, ROOM);
    this.scanned = new TokenIds(symbols, ROOM);
    this.numbering = new Numbering(scanned);
    this.questionNumbering = new Numbering(question);
    this.blankQuotes = book.blankSub == '"' || book.blankSub == '\\';
    this.memo = CallMemo.of(book, symbols, CallMemo.ENTRIES, this::macroValue);
    this.valuesById = new String[book.ids.limit()];
    this.valueStamps = new int[valuesById.length];
    this.tokensById = new int[valuesById.length][];
    this.scannedValues = new String[valuesById.length];
    this.scannedGenerations = new int[valuesById.length];
    this.classSlots = new byte[book.ids.limit()];
  }

  /** Runs every subroutine call's rules, keeping none ({@link CallMemo}). */
  public Engine withoutMemo() {
    memo = null;
    return this;
  }

  /**
   * Subroutine calls answered from memory, those looked for there and not found, and those
   * answered that read macros.
   */
  long[] memoCounts() {
    return memo == null ? new long[3]
        : new long[] {memo.hits(), memo.misses(), memo.readingHits()};
  }

  /** How many times the engine forgot its question texts. */
  int symbolsGeneration() {
    return symbols.generation();
  }

  /** The steps the last question took (as counted against {@link #WORK_LIMIT}). */
  long steps() {
    return work;
  }

  /** Bounds the steps a question may take (see {@link #WORK_LIMIT}). */
  public Engine withWorkLimit(long steps) {
    workLimit = steps;
    return this;
  }

  /**
   * Forgets the question texts numbered once more than {@code texts} (a test's way to see that
   * forgetting changes no answer).
   */
  Engine forgettingAfter(int texts) {
    questionSymbols = texts;
    return this;
  }

  /** The cf's macro value, or this question's ({@code --define}, the {@code macro} map). */
  private String macro(String name) {
    String value = macroValue(name);
    if (memo != null) {
      memo.macroRead(name, value);
    }
    return value;
  }

  /** {@link #macro(String)} of a macro the rules name by id. */
  private String macro(char id) {
    if (id >= valuesById.length) {
      return macro(book.idName(id));
    }
    String value;
    if (valueStamps[id] == valueStamp) {
      value = valuesById[id];
    } else {
      value = macroValue(book.idName(id));
      valuesById[id] = value;
      valueStamps[id] = valueStamp;
    }
    if (memo != null) {
      memo.macroRead(book.idName(id), value);
    }
    return value;
  }

  /** The tokens of the value {@link #macro(char)} gave for a macro id. */
  private int[] macroTokens(char id, String value) {
    // prescan() with the external table, as for a map's value: a meta byte in it is text
    if (id >= tokensById.length) {
      return scan(book.valueTokens, valueScans, value);
    }
    if (scannedGenerations[id] != symbols.generation() || !value.equals(scannedValues[id])) {
      tokensById[id] = scan(book.valueTokens, value);
      scannedValues[id] = value;
      scannedGenerations[id] = symbols.generation();
    }
    return tokensById[id];
  }

  /** Forgets the values {@link #macro(char)} found: a macro was given or set anew. */
  private void forgetMacroValues() {
    if (++valueStamp == Integer.MAX_VALUE) {
      Arrays.fill(valueStamps, 0);
      valueStamp = 1;
    }
  }

  /** What {@link #macro} reads, not counted as read (the memo asks what a kept call read). */
  private String macroValue(String name) {
    if (!questionMacros.isEmpty()) {
      String set = questionMacros.get(name);
      if (set != null || questionMacros.containsKey(name)) {
        return set;
      }
    }
    String given = givenMacros.get(name);
    if (given != null || givenMacros.containsKey(name)) {
      return given;
    }
    return book.macros.get(name);
  }

  private Map<String, String> canonical(Map<String, String> defines) {
    for (String k : defines.keySet()) {
      if (MacroIds.canonical(k) != k) {
        canonicalMacros.clear();
        defines.forEach((name, v) -> canonicalMacros.put(MacroIds.canonical(name), v));
        return canonicalMacros;
      }
    }
    return defines;
  }

  /** The answer of one ruleset (or of one in a comma list) to one input. */
  public record Answer(String ruleset, List<String> result, int status, List<String> errors) {
    /** The result as {@code sendmail -bt} prints it, or null when the ruleset stopped on an error. */
    public String printed() {
      return result == null ? null : TokenText.print(result);
    }
  }

  /** Thrown when a question takes more work than {@link #WORK_LIMIT} (rulesets that recurse without end). */
  public static final class TooMuchWork extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooMuchWork(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Runs the comma-separated rulesets one after the other on the tokens of {@code input} (read as
   * {@code sendmail -bt} reads its input line), as {@code -bt} does; stops at a ruleset the cf
   * does not define, which answers with a null result.
   *
   * @param defines macros for this question ({@code x} or {@code {name}} to value)
   */
  public List<Answer> run(String rulesets, List<String> tokens, Map<String, String> defines,
      Trace t) {
    questionMacros.clear();
    givenMacros = canonical(defines);
    forgetMacroValues();
    trace = t;
    work = 0;
    if (symbols.size() > book.symbols.size() + questionSymbols) {
      symbols.cut(book.symbols.size());
      macroScans.clear();
      valueScans.clear();
    }
    List<Answer> answers = new ArrayList<>();
    TokenIds pvp = question;
    pvp.clear();
    if (tokens instanceof Workspace.Unscanned u && u.engine == this) {
      for (int i = 0; i < u.texts.size(); i++) {
        if (i > 0 && u.barred) {
          pvp.add(symbols.token(Workspace.BAR));
        }
        int before = pvp.size;
        if (!book.inputTokens.scan(u.texts.get(i), questionNumbering)) {
          pvp.size = before;
        }
      }
    } else {
      for (String token : tokens) {
        pvp.add(symbols.token(token));
      }
    }
    if (!rulesets.equals(listed)) {
      list = rulesets.split(",", -1);
      listed = rulesets;
    }
    String[] list = this.list;
    for (int li = 0; li < list.length; li++) {
      String name = list[li];
      int rs = book.number(name);
      List<String> errors = new ArrayList<>();
      this.errors = errors;
      try {
        if (rs < 0) {
          error("Undefined ruleset " + rest(list, li));
          answers.add(new Answer(name, null, Status.USAGE, errors));
          break;
        }
        int status = rewrite(pvp, 0, rs, 0, Limits.MAXATOM);
        if (status != Status.OK) {
          error("== Ruleset " + rest(list, li) + " (" + rs + ") status " + status);
        }
        answers.add(new Answer(name, completed ? List.copyOf(pvp) : null, status, errors));
      } finally {
        trace = t;
      }
    }
    return answers;
  }

  /** The errors of the ruleset {@link #run} is running, in the order the trace gets them. */
  private List<String> errors = new ArrayList<>();

  /** An error sendmail reports: kept for the ruleset's answer, and told to the trace. */
  private void error(String message) {
    errors.add(message);
    trace.error(message);
  }

  /** The last comma list of rulesets run, and its names: a batch runs the same again and again. */
  private String listed;
  private String[] list;

  /** The ruleset names from {@code from} on, as -bt names them in its messages. */
  private static String rest(String[] list, int from) {
    return String.join(",", Arrays.asList(list).subList(from, list.length));
  }

  /**
   * prescan() of the texts rules read again and again (a lookup's default, a map's value, a
   * macro's value): the same text gives the same tokens, so each is scanned once (up to {@link
   * #SCANS_KEPT} texts per table, then the memory starts afresh; and when the question tokens
   * they hold are forgotten).
   */
  private final Map<String, int[]> macroScans = new HashMap<>();
  private final Map<String, int[]> valueScans = new HashMap<>();
  private static final int SCANS_KEPT = 4096;

  /** The numbers of the tokens of the text being scanned, as prescan() hands them over. */
  private final TokenIds scanned;
  private final Numbering numbering;
  /** Numbers the tokens of the question's arguments into its workspace. */
  private final Numbering questionNumbering;

  /** Numbers each token prescan() hands over, adding it to a workspace. */
  private final class Numbering implements Prescan.Stretches {
    private final TokenIds into;

    Numbering(TokenIds into) {
      this.into = into;
    }

    @Override
    public void token(String text, int offset) {
      into.add(symbols.token(text));
    }

    @Override
    public void token(String s, int from, int length) {
      into.add(symbols.token(s, from, length));
    }
  }

  private int[] scan(Prescan table, Map<String, int[]> scans, String text) {
    int[] tokens = scans.get(text);
    if (tokens == null) {
      tokens = scan(table, text);
      if (scans.size() >= SCANS_KEPT) {
        scans.clear();
      }
      scans.put(text, tokens);
    }
    return tokens;
  }

  /** The numbers of the tokens of a text; none where prescan() refuses it. */
  private int[] scan(Prescan table, String text) {
    scanned.clear();
    return table.scan(text, numbering) ? Arrays.copyOf(scanned.ids, scanned.size) : NO_TOKENS;
  }

  /** The tokens of a {@code -bt} input line (one address of it; see {@link #addresses}). */
  public List<String> inputTokens(String address) {
    return book.inputTokens.texts(address);
  }

  /**
   * How {@code -bt} splits its input line into addresses: at each comma outside double quotes;
   * parts without a token are skipped.
   */
  public static List<String> addresses(String line) {
    List<String> out = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(line.substring(start, i));
        start = i + 1;
      }
    }
    out.add(line.substring(start));
    return out;
  }

  /** Whether the last {@link #rewrite} ran its ruleset to its end (not stopped by an error). */
  private boolean completed;

  /**
   * Rewrites the tokens of {@code pvp} from {@code from} on (a subroutine call rewrites the tail
   * of its caller's workspace) with one ruleset; sets {@link #completed}.
   */
  private int rewrite(TokenIds pvp, int from, int ruleset, int reclevel, int maxatom) {
    completed = false;
    String rulename = book.name(ruleset);
    if (trace.steps()) {
      trace.input(rulename, Collections.unmodifiableList(pvp.subList(from, pvp.size())));
    }
    if (reclevel++ > book.maxRecursion) {
      error("rewrite: excessive recursion (max " + book.maxRecursion + "), ruleset "
          + rulename);
      return Status.CONFIG;
    }
    if (maxatom <= 0) {
      return Status.USAGE;
    }
    Frame frame = frame(reclevel);
    frame.work.clear();
    frame.work.add(pvp, from, pvp.size);
    frame.done = false;
    int status = applyRules(frame, ruleset, rulename, reclevel, maxatom);
    completed = false;
    // sendmail rewrites the caller's workspace in place: it holds the last rule's result even
    // when the ruleset stops on an error
    pvp.size = from;
    pvp.add(frame.work, 0, frame.work.size);
    if (frame.done) {
      if (trace.steps()) {
        trace.returns(rulename, Collections.unmodifiableList(frame.work));
      }
      completed = true;
    }
    return status;
  }

  /**
   * Applies the rules of a ruleset to the frame's workspace, building each new workspace in the
   * frame's other list and swapping the two; sets {@link Frame#done} when the ruleset ran to its
   * end (not stopped by an error).
   */
  private int applyRules(Frame frame, int ruleset, String rulename, int reclevel, int maxatom) {
    RuleCode[] rules = book.code[ruleset];
    int rstat = Status.OK;
    int r = 0;
    int loopcount = 0;
    int[] mPattern = frame.pattern;
    int[] mFirst = frame.first;
    int[] mLast = frame.last;
    TokenIds pvp = frame.work;
    // whether the workspace holds a token the lookup step ($( $[) or the subroutine step ($>)
    // acts on: a rule that neither writes nor copies one needs neither step
    int wsActs = acting(pvp.ids, 0, pvp.size);
    boolean wsLooks = (wsActs & Symbols.LOOKS) != 0;
    boolean wsCalls = (wsActs & Symbols.CALLS) != 0;
    boolean net = startsNet(pvp);
    // the literal bits of the workspace's tokens, worked out when a rule first needs them
    long held = 0;
    boolean marked = false;
    while (r < rules.length) {
      if (net) {
        break;
      }
      RuleCode rule = rules[r];
      if (++loopcount > LOOP_LIMIT) {
        error("Infinite loop in ruleset " + rulename + ", rule " + (r + 1));
        break;
      }
      countWork(rulename);
      int mlp = -1;
      if (startsAsLhs(rule, pvp)) {
        // a rule needs a token of each of its literals' bits: one the workspace lacks fails
        // the matcher whatever the patterns bind (a bit shared by several literals may let a
        // rule through that then fails in the matcher)
        long needs = skipsByLiterals ? rule.requiredBits : 0;
        if (needs != 0 && !marked) {
          held = literalBits(pvp);
          marked = true;
        }
        if ((held & needs) == needs) {
          mlp = match(rule, pvp, mPattern, mFirst, mLast);
        }
      }
      if (mlp < 0) {
        r++;
        loopcount = 0;
        continue;
      }
      int[] rhs = rule.rhs;
      char[] kinds = rule.rhsKinds;
      int[] args = rule.rhsArg;
      int rv = 0;
      int next = r;
      if (rhs.length > 0 && kinds[0] == Meta.CANONUSER) {
        rv++;
        next = r + 1;
        loopcount = 0;
      } else if (rhs.length > 0 && kinds[0] == Meta.CANONHOST) {
        rv++;
        next = rules.length;
      }
      TokenIds npvp = frame.next;
      npvp.clear();
      boolean looks = rule.rhsLooks;
      boolean calls = rule.rhsCalls;
      for (; rv < rhs.length; rv++) {
        if (kinds[rv] == Meta.MATCHREPL) {
          int m = args[rv] >= 0 ? args[rv] - '1' : -1;
          if (m < 0 || m >= mlp) {
            error("rewrite: ruleset " + rulename + ": replacement $"
                + (args[rv] >= 0 ? String.valueOf((char) args[rv]) : "") + " out of bounds");
            return Status.CONFIG;
          }
          // sendmail stops when the workspace is full before each token it copies
          if (npvp.size + mLast[m] + 1 - mFirst[m] > maxatom) {
            return tooLong();
          }
          npvp.add(pvp, mFirst[m], mLast[m] + 1);
          looks |= wsLooks;
          calls |= wsCalls;
          continue;
        }
        if (npvp.size >= maxatom) {
          return tooLong();
        }
        if (kinds[rv] != Meta.MACRODEXPAND) {
          npvp.add(rhs[rv]);
          continue;
        }
        String value = args[rv] >= 0 ? macro((char) args[rv]) : null;
        if (value == null || value.isEmpty()) {
          continue;
        }
        int[] toks = macroTokens((char) args[rv], value);
        if (toks.length == 0) {
          return refused(value);
        }
        int acts = acting(toks, 0, toks.length);
        looks |= (acts & Symbols.LOOKS) != 0;
        calls |= (acts & Symbols.CALLS) != 0;
        // sendmail stops when the workspace is full after each token it copies
        if (npvp.size + toks.length >= maxatom) {
          return tooLong();
        }
        npvp.add(toks, 0, toks.length);
      }
      if (looks) {
        int lookups = lookups(npvp, maxatom);
        if (lookups >= 0) {
          if (lookups == Status.TEMPFAIL) {
            rstat = Status.TEMPFAIL;
          } else {
            return lookups;
          }
        }
        // the lookup step leaves no token it acts on but those it put in
        calls |= leftActing;
      }
      if (calls) {
        int status = callSubroutines(npvp, reclevel);
        if (rstat == Status.OK || status == Status.TEMPFAIL) {
          rstat = status;
        }
        wsActs = acting(npvp.ids, 0, npvp.size);
        wsLooks = (wsActs & Symbols.LOOKS) != 0;
        wsCalls = (wsActs & Symbols.CALLS) != 0;
      } else {
        wsLooks = false;
        wsCalls = false;
      }
      frame.next = pvp;
      frame.work = npvp;
      pvp = npvp;
      marked = false;
      net = startsNet(pvp);
      r = next;
    }
    frame.done = true;
    return rstat;
  }

  /**
   * What a ruleset running at one depth works in: its workspace and the list it builds each new
   * one in, the matcher's bindings, the subroutine calls found. One
   * per depth, reused by every ruleset that runs there, since each is done with them before it
   * returns and deeper calls use deeper frames.
   */
  private static final class Frame {
    /** The workspace, and the list the next one is built in: swapped after each rule. */
    TokenIds work;
    TokenIds next;
    boolean done;
    final int[] pattern;
    final int[] first;
    final int[] last;
    final int[] subr = new int[MAX_SUBR];
    final int[] index = new int[MAX_SUBR];

    Frame(int bindings, Symbols symbols) {
      work = new TokenIds(symbols, ROOM);
      next = new TokenIds(symbols, ROOM);
      pattern = new int[bindings];
      first = new int[bindings];
      last = new int[bindings];
    }
  }

  private Frame[] frames = new Frame[8];

  private Frame frame(int depth) {
    if (depth >= frames.length) {
      frames = Arrays.copyOf(frames, Math.max(depth + 1, 2 * frames.length));
    }
    if (frames[depth] == null) {
      frames[depth] = new Frame(book.maxBindings, symbols);
    }
    return frames[depth];
  }

  /**
   * Whether tokens {@code from} to {@code to} hold one the lookup step acts on ($( or $[: {@link
   * Symbols#LOOKS}) and one the subroutine step acts on ($&gt;: {@link Symbols#CALLS}), as bits.
   */
  private int acting(int[] tokens, int from, int to) {
    int acts = 0;
    for (int i = from; i < to; i++) {
      acts |= symbols.acts(tokens[i]);
    }
    return acts;
  }

  /** Whether tokens {@code from} to {@code to} hold a double quote or a backslash. */
  private boolean anyQuoting(int[] tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      if (symbols.quoting(tokens[i])) {
        return true;
      }
    }
    return false;
  }

  private boolean startsNet(TokenIds ws) {
    return ws.size > 0 && symbols.kind(ws.ids[0]) == Meta.CANONNET;
  }

  private static List<String> withArg(List<String> args, String arg) {
    List<String> more = args.isEmpty() ? new ArrayList<>() : args;
    more.add(arg);
    return more;
  }

  /** The map arguments share one PSBUFSIZE buffer, each followed by a NUL. */
  private static int argRoom(List<String> args) {
    int used = 0;
    for (String a : args) {
      used += a.length() + 1;
    }
    return Limits.PSBUFSIZE - used;
  }

  /**
   * prescan() refused a value (no token, a token over MAXNAME, more than its buffer holds): the
   * ruleset stops. (sendmail's workspace may then hold tokens overwritten by the refused value.)
   */
  private int refused(String value) {
    error(REFUSED + value.length() + " bytes");
    return Status.DATAERR;
  }

  /** The start of the error a refused value reports. */
  public static final String REFUSED = "prescan refused a value: ";

  // Each step is counted where it is taken, so the check stays small enough to be compiled into
  // the matcher's loop; the message is made apart, only when the limit is passed.
  private void countWork(String ruleset) {
    if (++work > workLimit) {
      tooMuchWork(ruleset);
    }
  }

  private void addWork(long steps) {
    work += steps;
    if (work > workLimit) {
      tooMuchWork(null);
    }
  }

  private void outOfWork(long left) {
    work = workLimit - left;
    tooMuchWork(null);
  }

  private void tooMuchWork(String ruleset) {
    throw new TooMuchWork("gave up after " + workLimit + " steps"
        + (ruleset == null ? "" : " in ruleset " + ruleset)
        + ": the rules call each other without end or backtrack over too many tokens");
  }

  private int tooLong() {
    error("rewrite: expansion too long");
    return Status.DATAERR;
  }

  /**
   * Whether the workspace starts with the literal tokens the rule's LHS starts with; when not,
   * the steps the matcher would have taken to fail are counted.
   */
  private boolean startsAsLhs(RuleCode rule, TokenIds workspace) {
    int[] fold = symbols.folds();
    int[] want = rule.lhsFold;
    int[] ws = workspace.ids;
    int n = workspace.size;
    for (int i = 0; i < rule.literalPrefix; i++) {
      if (i >= n || fold[ws[i]] != want[i]) {
        // a step for each token that matched, one for the one that did not, and one to find
        // that no binding can be backed up
        addWork(i + 2L);
        return false;
      }
    }
    return true;
  }

  /** Whether rules are skipped when the workspace lacks one of their literals (on but in tests). */
  private boolean skipsByLiterals = true;

  /**
   * Turns off the skipping of rules whose literals the workspace lacks: a test's proof that
   * skipping changes nothing.
   */
  Engine skippingByLiterals(boolean on) {
    skipsByLiterals = on;
    return this;
  }

  /** The {@link Symbols#literalBits} of the workspace's tokens, or'ed. */
  private long literalBits(TokenIds workspace) {
    long bits = 0;
    int[] ws = workspace.ids;
    for (int i = 0; i < workspace.size; i++) {
      bits |= symbols.literalBits(ws[i]);
    }
    return bits;
  }

  /**
   * Matches a rule's LHS against the workspace; returns the number of bindings ({@code $1}…)
   * or -1 when the rule does not match.
   */
  private int match(RuleCode rule, TokenIds workspace, int[] mPattern, int[] mFirst,
      int[] mLast) {
    int[] lhsFold = rule.lhsFold;
    int[] lhsArg = rule.lhsArg;
    char[] kinds = rule.lhsKinds;
    int lhsLength = kinds.length;
    // no token is numbered while the matcher runs: the table's arrays stay as they are
    int[] fold = symbols.folds();
    int[] ws = workspace.ids;
    final int matchNext = 0;
    final int extendClass = 1;
    final int backup = 2;
    int n = workspace.size;
    int avp = 0;
    int rvp = 0;
    int mlp = 0;
    int state = matchNext;
    phraseFrom = -1;
    // the steps left before the work limit, counted here rather than in the field
    long left = workLimit - work;
    for (;;) {
      if (--left < 0) {
        outOfWork(left);
      }
      if (state == matchNext) {
        boolean noToken = avp >= n;
        if (rvp >= lhsLength) {
          if (noToken) {
            work = workLimit - left;
            return mlp;
          }
          state = backup;
          continue;
        }
        char k = kinds[rvp];
        if (noToken && k != Meta.MATCHZANY && k != Meta.MATCHZERO) {
          state = backup;
          continue;
        }
        switch (k) {
          case Meta.MATCHCLASS -> {
            mPattern[mlp] = rvp;
            mFirst[mlp] = avp;
            state = extendClass;
            continue;
          }
          case Meta.MATCHNCLASS, Meta.MATCHONE, Meta.MATCHANY -> {
            if (k == Meta.MATCHNCLASS && lhsArg[rvp] >= 0
                && inClass((char) lhsArg[rvp], ws[avp])) {
              state = backup;
              continue;
            }
            mPattern[mlp] = rvp;
            mFirst[mlp] = avp;
            mLast[mlp] = avp++;
            mlp++;
          }
          case Meta.MATCHZANY -> {
            mPattern[mlp] = rvp;
            mFirst[mlp] = avp;
            mLast[mlp] = avp - 1;
            mlp++;
          }
          case Meta.MATCHZERO -> { }
          case Meta.MACRODEXPAND -> {
            String v = lhsArg[rvp] >= 0 ? macro((char) lhsArg[rvp]) : null;
            int first = avp;
            boolean ok = true;
            if (v != null) {
              int pos = 0;
              while (pos < v.length()) {
                String t = avp < n ? symbols.text(ws[avp]) : null;
                if (t == null || !v.regionMatches(true, pos, t, 0, t.length())) {
                  ok = false;
                  break;
                }
                pos += t.length();
                avp++;
              }
            }
            if (!ok) {
              avp = first;
              state = backup;
              continue;
            }
          }
          default -> {
            if (fold[ws[avp]] != lhsFold[rvp]) {
              state = backup;
              continue;
            }
            avp++;
          }
        }
        rvp++;
      } else if (state == extendClass) {
        if (avp >= n) {
          state = backup;
          continue;
        }
        mLast[mlp] = avp++;
        if (phraseFrom != mFirst[mlp] || phraseTo != mLast[mlp]) {
          phrase.setLength(0);
          phraseAtom = false;
          for (int p = mFirst[mlp]; p < mLast[mlp]; p++) {
            appendPhrase(ws[p]);
          }
          phraseFrom = mFirst[mlp];
        }
        appendPhrase(ws[mLast[mlp]]);
        phraseTo = mLast[mlp] + 1;
        String words = phrase.length() < MAXLINE - 2 ? phrase.toString()
            : TokenText.join(symbols.texts(), ws, mFirst[mlp], mLast[mlp] + 1, book.blankSub,
                MAXLINE, new StringBuilder());
        if (!book.inClass(lhsArg[rvp] >= 0 ? (char) lhsArg[rvp] : 0, words)) {
          continue;
        }
        mlp++;
        rvp++;
        state = matchNext;
      } else {
        boolean resumed = false;
        while (--mlp >= 0) {
          rvp = mPattern[mlp];
          char k = kinds[rvp];
          avp = mLast[mlp] + 1;
          if (avp >= n) {
            continue;
          }
          if (k == Meta.MATCHANY || k == Meta.MATCHZANY) {
            int literal = rvp + 1;
            if (literal == lhsLength) {
              // the last pattern of the LHS can only match by taking every token left
              left -= 2L * (n - 1 - avp);
              if (left < 0) {
                outOfWork(left);
              }
              mLast[mlp] = n - 1;
              avp = n;
            } else if (kinds[literal] == 0) {
              // Grown a token at a time, the binding lets the match go on only where the next
              // token is the literal that follows the pattern: grow it to there at once,
              // counting the steps that would have failed on the way.
              int q = avp + 1;
              while (q < n && fold[ws[q]] != lhsFold[literal]) {
                q++;
              }
              if (q >= n) {
                left -= 2L * (n - avp);
                if (left < 0) {
                  outOfWork(left);
                }
                continue;
              }
              left -= 2L * (q - avp - 1);
              if (left < 0) {
                outOfWork(left);
              }
              mLast[mlp] = q - 1;
              avp = q;
            } else {
              mLast[mlp] = avp++;
            }
            rvp++;
            mlp++;
            state = matchNext;
            resumed = true;
            break;
          }
          if (k == Meta.MATCHCLASS) {
            state = extendClass;
            resumed = true;
            break;
          }
        }
        if (!resumed) {
          work = workLimit - left;
          return -1;
        }
      }
    }
  }

  /**
   * Each class id's slot in the membership bits {@link Symbols} keeps per token, plus one; 0
   * while it has none, -1 when every slot was taken. A {@code $~X} after {@code $*} is tried on
   * every token of the workspace, rule after rule, and a token's membership follows from its
   * text.
   */
  private final byte[] classSlots;
  private int classSlotsTaken;

  /** Whether a token's text is a word of the class. */
  private boolean inClass(char classId, int token) {
    int slot = classId < classSlots.length ? classSlots[classId] - 1 : -2;
    if (slot == -1) {
      if (classSlotsTaken < Symbols.CLASS_SLOTS) {
        slot = classSlotsTaken++;
        classSlots[classId] = (byte) (slot + 1);
      } else {
        classSlots[classId] = -1;
        slot = -2;
      }
    }
    if (slot < 0) {
      return book.inClass(classId, symbols.text(token));
    }
    if (!symbols.classKnown(token, slot)) {
      symbols.inClass(token, slot, book.inClass(classId, symbols.text(token)));
    }
    return symbols.inClass(token, slot);
  }

  /**
   * The phrase a {@code $=X} binding covers, built a token at a time as the binding grows (the
   * same text as cataddr() of the binding, which sendmail builds anew at each step), in lower
   * case as class words are looked up, so that the lookup copies nothing.
   */
  private final StringBuilder phrase = new StringBuilder();
  private boolean phraseAtom;
  private int phraseFrom;
  private int phraseTo;

  private void appendPhrase(int token) {
    boolean atom = symbols.atom(token);
    if (phraseAtom && atom) {
      appendLower(book.blankSub);
    }
    String text = symbols.text(token);
    for (int i = 0; i < text.length(); i++) {
      appendLower(text.charAt(i));
    }
    phraseAtom = atom;
  }

  /** Appends to the phrase as {@link FileMap#lower} folds: ASCII letters only. */
  private void appendLower(char c) {
    phrase.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
  }

  /**
   * Replaces each {@code $( map key $@ arg … $: default $)} and {@code $[ host $]} in the new
   * workspace by what the map answers; returns -1, or the status of a failure (TEMPFAIL goes on).
   */
  /** The builder map keys, arguments and defaults are joined in. */
  private final StringBuilder joined = new StringBuilder(MAXKEY);

  private int lookups(TokenIds np, int maxatom) {
    boolean tempfail = false;
    leftActing = false;
    for (int i = 0; i < np.size; i++) {
      char k = symbols.kind(np.ids[i]);
      int hb = i;
      char endToken;
      String mapName;
      MapClass map;
      int j = i + 1;
      if (k == Meta.HOSTBEGIN) {
        endToken = Meta.HOSTEND;
        mapName = "host";
        map = hostMap;
      } else if (k == Meta.LOOKUPBEGIN) {
        endToken = Meta.LOOKUPEND;
        if (j >= np.size) {
          error("rewrite: missing mapname");
          return Status.CONFIG;
        }
        int name = np.ids[j++];
        mapName = symbols.text(name);
        map = map(name);
      } else {
        continue;
      }
      if (map == null) {
        error("rewrite: map " + mapName + " not found");
      }
      int keyStart = j;
      int keyEnd = -1;
      int defaultStart = -1;
      int defaultEnd = -1;
      int argStart = -1;
      List<String> args = List.of();
      while (j < np.size && symbols.kind(np.ids[j]) != endToken) {
        char nt = symbols.kind(np.ids[j]);
        if (nt != Meta.CANONHOST && nt != Meta.CANONUSER) {
          j++;
          continue;
        }
        if (keyEnd < 0) {
          keyEnd = j;
        }
        if (defaultStart >= 0 && defaultEnd < 0) {
          defaultEnd = j;
        }
        if (argStart >= 0) {
          if (args.size() < MAX_MAP_ARGS - 2) {
            args = withArg(args, TokenText.join(symbols.texts(), np.ids, argStart, j, book.blankSub,
                argRoom(args), joined));
          }
          argStart = -1;
        }
        j++;
        if (nt == Meta.CANONHOST) {
          argStart = j;
        } else {
          defaultStart = j;
          defaultEnd = -1;
        }
      }
      int end = j;
      if (keyEnd < 0) {
        keyEnd = end;
      }
      if (defaultStart >= 0 && defaultEnd < 0) {
        defaultEnd = end;
      }
      if (argStart >= 0 && args.size() < MAX_MAP_ARGS - 2) {
        args = withArg(args, TokenText.join(symbols.texts(), np.ids, argStart, end, book.blankSub,
            argRoom(args), joined));
      }
      int restFrom = end < np.size ? end + 1 : end;
      int restSize = np.size - restFrom;
      String replacement = null;
      boolean internal = false;
      if (map != null) {
        String key = map.stripsQuotes() && (blankQuotes || anyQuoting(np.ids, keyStart, keyEnd))
            ? strippedKeyText(np, keyStart, keyEnd) : keyText(np, keyStart, keyEnd);
        MapClass.Result result = map.lookup(key, args, macros);
        trace.lookup(mapName, key, result);
        replacement = result.value();
        tempfail |= result.tempfail();
      }
      if (replacement == null && defaultStart >= 0) {
        // sendmail builds the default in the buffer the key was built in, so it is cut as a key is
        replacement = keyText(np, defaultStart, defaultEnd);
        internal = true;
      }
      int replaced;
      if (replacement == null) {
        // the key's own tokens replace the lookup
        leftActing |= acting(np.ids, keyStart, keyEnd) != 0;
        np.remove(keyEnd, restFrom);
        np.remove(hb, keyStart);
        replaced = keyEnd - keyStart;
      } else {
        int[] xp = NO_TOKENS;
        if (!replacement.isEmpty()) {
          // a default is the rule's own text: sendmail's operator bytes in it stay tokens of
          // their own
          xp = internal ? scan(book.macroTokens, macroScans, replacement)
              : scan(book.valueTokens, valueScans, replacement);
          if (xp.length == 0) {
            return refused(replacement);
          }
        }
        np.replace(hb, restFrom, xp);
        replaced = xp.length;
        leftActing |= acting(xp, 0, xp.length) != 0;
      }
      // sendmail copies the replacement and the rest back token by token, stopping at MAXATOM
      if (replaced + restSize > 0 && np.size >= maxatom) {
        tooLong();
        return Status.DATAERR;
      }
      i = hb + replaced - 1;
    }
    return tempfail ? Status.TEMPFAIL : -1;
  }

  private static final int[] NO_TOKENS = new int[0];

  /**
   * Whether the last lookup step left a token that it or the subroutine step acts on: a map's
   * value may hold one, and so may a key whose lookup found nothing and stays.
   */
  private boolean leftActing;

  /** cataddr() of tokens into a MAXKEY buffer; a lone token that fits is its own text. */
  private String keyText(TokenIds np, int from, int to) {
    if (to - from == 1) {
      String only = symbols.text(np.ids[from]);
      if (only.length() < MAXKEY - 2) {
        return only;
      }
    }
    return TokenText.join(symbols.texts(), np.ids, from, to, book.blankSub, MAXKEY, joined);
  }

  /** {@link #keyText} with its quotes stripped, made into one string. */
  private String strippedKeyText(TokenIds np, int from, int to) {
    if (to - from == 1) {
      String only = symbols.text(np.ids[from]);
      if (only.length() < MAXKEY - 2) {
        return TokenText.stripQuotes(only);
      }
    }
    return TokenText.joinStripped(symbols.texts(), np.ids, from, to, book.blankSub, MAXKEY,
        joined);
  }

  /** The map a token names, looked up once per token. */
  private MapClass map(int name) {
    if (!symbols.mapKnown(name)) {
      symbols.map(name, book.maps.get(symbols.text(name)));
    }
    return symbols.map(name);
  }

  /** The ruleset a token names after {@code $>} (quotes stripped), or -1; found once per token. */
  private int rulesetNamed(int name) {
    int rs = symbols.ruleset(name);
    if (rs == Symbols.UNKNOWN) {
      rs = book.number(TokenText.stripQuotes(symbols.text(name)));
      symbols.ruleset(name, rs);
    }
    return rs;
  }

  /**
   * callsubr(): every {@code $>name} in the workspace, rightmost first, rewrites what follows it
   * with that ruleset; calls of rulesets without rules just vanish.
   */
  private int callSubroutines(TokenIds pvp, int reclevel) {
    Frame frame = frame(reclevel);
    int[] subr = frame.subr;
    int[] index = frame.index;
    int nsubr = 0;
    for (int a = 0; a < pvp.size; a++) {
      if (symbols.kind(pvp.ids[a]) != Meta.CALLSUBR || a + 1 >= pvp.size) {
        continue;
      }
      int rs = rulesetNamed(pvp.ids[a + 1]);
      if (rs < 0) {
        error("Unknown ruleset " + TokenText.stripQuotes(pvp.get(a + 1)));
        return Status.CONFIG;
      }
      if (book.code[rs].length == 0) {
        pvp.remove(a, a + 2);
        continue;
      }
      if (++nsubr >= MAX_SUBR) {
        error("Too many subroutine calls (" + MAX_SUBR + " max)");
        return Status.CONFIG;
      }
      subr[nsubr] = rs;
      index[nsubr] = a;
    }
    int rstat = Status.OK;
    for (; nsubr > 0; nsubr--) {
      int at = index[nsubr];
      pvp.remove(at, at + 2);
      int status = call(pvp, at, subr[nsubr], reclevel);
      if (status != Status.OK && status != Status.TEMPFAIL) {
        return status;
      }
      if (rstat == Status.OK || status == Status.TEMPFAIL) {
        rstat = status;
      }
    }
    return rstat;
  }

  /**
   * Rewrites the tail of a workspace from {@code at} on with a subroutine, or replays what the
   * same call did before ({@link CallMemo}) where it would do the same again: its nested calls
   * within MaxRuleRecursion, its workspace within the room it had, its steps within the work
   * limit.
   */
  private int call(TokenIds pvp, int at, int ruleset, int reclevel) {
    int maxatom = Limits.MAXATOM - at;
    deepest = Math.max(deepest, reclevel);
    if (memo == null || !book.memoisable[ruleset] || !memo.worthLooking(ruleset)) {
      return rewrite(pvp, at, ruleset, reclevel, maxatom);
    }
    CallMemo.Entry kept = memo.find(ruleset, pvp, at);
    if (kept != null
        && kept.fits(reclevel, book.maxRecursion, maxatom, workLimit - work, trace.steps())) {
      work += kept.work();
      deepest = Math.max(deepest, reclevel + kept.depth());
      memo.replay(kept, trace, pvp, at);
      completed = true;
      return kept.status();
    }
    if (kept == null && !memo.askedBefore()) {
      return rewrite(pvp, at, ruleset, reclevel, maxatom);
    }
    CallMemo.Key key = memo.key();
    Trace caller = trace;
    long unfit = memo.unfitness();
    long workBefore = work;
    int deepestBefore = deepest;
    deepest = reclevel;
    trace = memo.start(caller);
    try {
      int status = rewrite(pvp, at, ruleset, reclevel, maxatom);
      if (completed && memo.unfitness() == unfit) {
        memo.keep(key, pvp, at, status, caller.steps(), work - workBefore,
            deepest - reclevel, maxatom);
      }
      return status;
    } finally {
      memo.stop();
      trace = caller;
      deepest = Math.max(deepest, deepestBefore);
    }
  }
}
