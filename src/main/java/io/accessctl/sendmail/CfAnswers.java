package io.accessctl.sendmail;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Side;
import io.accessctl.catalog.Tag;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.CfLines;
import io.accessctl.cf.Feature;
import io.accessctl.cf.KLine;
import io.accessctl.rules.CfException;
import io.accessctl.rules.Compiler;
import io.accessctl.rules.Engine;
import io.accessctl.rules.MapClass;
import io.accessctl.rules.MapOptions;
import io.accessctl.rules.MapStorage;
import io.accessctl.rules.RuleBook;
import io.accessctl.rules.Settings;
import io.accessctl.rules.Trace;
import io.accessctl.rules.Workspace;
import io.accessctl.tokens.Prescan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What sendmail decides for a {@link Query}, from the cf's own rules run by the engine: the
 * rulesets {@link Checks} names run on the question's arguments and macros, every key they hand
 * to the access map recorded in order (keys of local rules and of other checks of the same run
 * included), each explained, the deciding one found, and the effect read from what the rules
 * returned. The cf is compiled once; one instance answers one question at a time.
 */
public final class CfAnswers implements Answers {
  /** The map proto.m4's rules look the access entries up in. */
  private static final String ACCESS = "access";

  private final Rules rules;
  private final CfLines lines;
  private final RuleBook book;
  private final Engine engine;
  private final Set<String> resolving;
  /** Whether a DNS map is named as the access map is (then its lookups are guesses too). */
  private final boolean resolvesAccess;
  private final Map<String, Optional<String>> readers = new HashMap<>();
  /** The catalog's tag of each name asked, and its spelling in the cf: the same every question. */
  private final Map<String, Optional<Tag>> tags = new HashMap<>();
  private final Map<String, String> spellings = new HashMap<>();

  private CfAnswers(Rules rules, CfLines lines, RuleBook book, Set<String> resolving) {
    this.rules = rules;
    this.lines = lines;
    this.book = book;
    this.engine = new Engine(book);
    this.resolving = resolving;
    this.resolvesAccess = resolving.contains(ACCESS);
  }

  /** The compiled cf these answers run. */
  public RuleBook book() {
    return book;
  }

  /** {@link #compile(Rules, MapStorage, Settings)} over storage that holds text. */
  public static CfAnswers compile(Rules rules, KeyLookup store, Settings host)
      throws IOException, CfException {
    return compile(rules, store.records(), host);
  }

  /**
   * Compiles the cf of {@code rules} with the access map read from {@code store}, looked up as
   * the access K line says (folding, NULs, -a, -T).
   *
   * @param host this host's names and class {@code w} ({@code $j}, {@code $w}, {@code $m}), and
   *     maps that answer instead of the cf's (by map name); DNS maps not given answer that the
   *     name exists as asked
   * @throws IOException the cf cannot be read
   * @throws CfException the engine cannot compile the cf (the message names the line)
   */
  public static CfAnswers compile(Rules rules, MapStorage store, Settings host)
      throws IOException, CfException {
    CfFile cf = rules.cf().orElseThrow(() -> new IllegalArgumentException("rules without a cf"));
    CfLines lines = CfLines.read(cf.path());
    Map<String, MapClass> maps = new HashMap<>();
    Set<String> resolving = new LinkedHashSet<>();
    for (CfLines.Line l : lines.lines()) {
      Optional<KLine> k = l.command() == 'K' ? KLine.parse(l.text()) : Optional.empty();
      if (k.isEmpty()) {
        continue;
      }
      if (k.get().mapClass().equalsIgnoreCase("host")) {
        maps.put(k.get().name(), existing(MapOptions.parse(k.get().args()).appended()));
        resolving.add(k.get().name());
      }
    }
    maps.put("host", existing(""));
    resolving.add("host");
    maps.putAll(host.maps());
    resolving.removeAll(host.maps().keySet());
    RuleBook book = Compiler.compile(lines, new Settings(host.macros(), host.classes(), maps)
        .withStorage(ACCESS, store));
    return new CfAnswers(rules, lines, book, resolving);
  }

  /**
   * The same answers for another thread, without compiling the cf again ({@link
   * RuleBook#twin}): the access map read from {@code store}.
   */
  public CfAnswers twin(MapStorage store) {
    return new CfAnswers(rules, lines, book.twin(Map.of(ACCESS, store)), resolving);
  }

  /**
   * A DNS map that finds every name: its canonical form is the name, with -a's text (an answer
   * that depends on the key alone, which a replayed call stands for).
   */
  private static MapClass.Pure existing(String suffix) {
    return (key, args, macros) -> MapClass.Result.found(
        (key.endsWith(".") ? key : key + ".") + suffix);
  }


  public Rules rules() {
    return rules;
  }

  /**
   * One key handed to the access map while the rules ran; also its probe's explanation, so that
   * a batch makes no object per key for words it never prints.
   *
   * @param stored the record the map read
   * @param found what the rules got (the stored value after -a and the like), or null
   * @param previous the key handed to the map just before, or null
   * @param words what the question's keys are, for people
   */
  private record Looked(String key, MapClass.Stored stored, String found, String previous,
      KeyWords words) implements Supplier<String> {
    String storedKey() {
      return stored.key();
    }

    boolean hit() {
      return stored.value() != null;
    }

    /** The value as the rules see it, in tokens: read only for the few keys that decide. */
    List<String> value() {
      return found == null ? List.of() : Prescan.mapValues().texts(found);
    }

    /** What this key is, for people. */
    @Override
    public String get() {
      return words.explain(key, previous);
    }
  }

  /**
   * What a question's keys are, for people: the subjects they are made of, found when a first
   * key is explained (a batch never prints them).
   */
  private static final class KeyWords {
    private final Tag tag;
    private final Query q;
    private final String name;
    private final Optional<String> addr;
    private final String spelled;
    private List<KeyWhy.Subject> subjects;

    KeyWords(Tag tag, Query q, String name, Optional<String> addr, String spelled) {
      this.tag = tag;
      this.q = q;
      this.name = name;
      this.addr = addr;
      this.spelled = spelled;
    }

    String explain(String key, String previous) {
      if (subjects == null) {
        subjects = List.copyOf(subjects(tag, q, name, addr));
      }
      return KeyWhy.explain(key, previous, spelled, subjects);
    }
  }

  /**
   * Room for the keys one question hands to the access map: the walks of a host name, an
   * address and their parents come to a dozen or more, past the ten a list starts with.
   */
  private static final int KEYS = 32;

  @Override
  public Answer lookup(Query q) {
    Tag tag = tags.computeIfAbsent(q.tag().name(), n -> Catalog.stock().find(n))
        .orElse(q.tag());
    String spelled = spellings.computeIfAbsent(tag.name(), rules::spell);
    List<String> notes = new ArrayList<>();
    List<String> hints = new ArrayList<>();
    boolean mail = tag.side() == Side.MESSAGE || tag.name().equals("TLS_Rcpt");
    String name = mail || tag.name().equals("Clt_Features") ? q.name()
        : Inputs.hostName(q, tag.side() == Side.CLIENT ? Inputs.Side.SERVER
            : Inputs.Side.CLIENT, rules, notes);
    Optional<String> addr = mail ? Optional.empty() : Inputs.address(q, rules, notes, hints);
    if (!mail && addr.isEmpty() && !tag.name().equals("Clt_Features")) {
      notes.add("no address given (--addr): the address walk is left out here;"
          + " sendmail would look up the address and its networks before the default");
    }
    if (tag.name().equals("Clt_Features") && !rules.has(Feature.CLT_FEATURES_BY_SERVER)) {
      notes.add(Simulator.cltFeaturesReadsTheClient(rules, q));
    }
    Checks.Plan plan = Checks.of(tag, q, name, addr.orElse(Checks.NO_ADDRESS),
        book::defines, this::readerOf);
    notes.addAll(plan.notes());
    if (plan.missing() != null) {
      String why = "this sendmail.cf has no " + plan.missing() + ": " + tag.name()
          + ": entries are never looked up";
      notes.add(why);
      Answer a = Effects.answer(rules, q, "", name, addr, List.of(), null, List.of(), notes,
          hints, false, true);
      return with(a, a.effect(), List.of(), Optional.of(why));
    }
    List<Looked> looked = new ArrayList<>(KEYS);
    KeyWords words = new KeyWords(tag, q, name, addr, spelled);
    Set<String> guessed = new LinkedHashSet<>();
    Trace trace = new Trace() {
      @Override
      public boolean steps() {
        return false;
      }

      @Override
      public void lookup(String map, String key, MapClass.Result result) {
        boolean access = map.equals(ACCESS);
        if ((!access || resolvesAccess) && resolving.contains(map)) {
          guessed.add(map);
        }
        // no lower-case letter makes a '-': a key without one cannot hold NO_ADDRESS
        if (!access || key.indexOf('-') >= 0
            && key.toLowerCase(Locale.ROOT).contains(Checks.NO_ADDRESS)) {
          return;
        }
        MapClass.Stored stored = result.stored() != null ? result.stored()
            : new MapClass.Stored(key, false, result.value());
        String previous = looked.isEmpty() ? null : looked.get(looked.size() - 1).key();
        looked.add(new Looked(key, stored, result.value(), previous, words));
      }
    };
    List<Answer.Step> steps = new ArrayList<>();
    String problem = null;
    Outcomes.Result last = Outcomes.result(List.of());
    // indexed loops here and in decide: lookup --batch runs C1 code, which does not take the
    // iterator of a for-each out of the heap, and a question runs these loops several times
    List<Checks.Stage> stages = plan.stages();
    for (int i = 0; i < stages.size(); i++) {
      Checks.Stage s = stages.get(i);
      List<Engine.Answer> answers;
      try {
        answers = engine.run(s.ruleset(), Workspace.of(engine, s.arguments()), s.macros(), trace);
      } catch (Engine.TooMuchWork e) {
        problem = s.ruleset() + " did not finish: " + e.getMessage();
        steps.add(new Answer.Step(s.ruleset(), s.when(), s.arguments(), s.macros(), null,
            List.of(e.getMessage())));
        break;
      }
      Engine.Answer a = answers.get(answers.size() - 1);
      String printed = a.printed();
      steps.add(new Answer.Step(s.ruleset(), s.when(), s.arguments(), s.macros(), printed,
          a.errors()));
      if (!a.errors().isEmpty()) {
        problem = s.ruleset() + ": " + String.join("; ", a.errors());
      }
      if (a.result() == null) {
        break;
      }
      last = new Outcomes.Result(a.result(), printed);
      if (last.rejects()) {
        break;
      }
    }
    if (!guessed.isEmpty()) { // as it mostly is: no iterator then
      for (String m : guessed) {
        notes.add("DNS is not asked: the " + m + " map answers that every name exists as given");
      }
    }
    return decide(q, tag, spelled, name, addr, looked, steps, last, notes, hints, problem);
  }

  private Answer decide(Query q, Tag tag, String spelled, String name, Optional<String> addr,
      List<Looked> looked, List<Answer.Step> steps, Outcomes.Result result, List<String> notes,
      List<String> hints, String problem) {
    int n = looked.size();
    List<String> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(looked.get(i).key());
    }
    boolean[] own = own(keys, spelled);
    int lastOwn = -1;
    for (int i = 0; i < n; i++) {
      if (own[i]) {
        lastOwn = i;
      }
    }
    boolean[] skips = new boolean[n];
    for (int i = 0; i < n; i++) {
      skips[i] = own[i] && endsWalk(looked.get(i));
    }
    int match = lastOwn >= 0 && looked.get(lastOwn).hit() && !skips[lastOwn]
        ? lastOwn : -1;
    List<Probe> probes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Looked l = looked.get(i);
      probes.add(new Probe(l.key(), l.storedKey(), Optional.ofNullable(l.stored().value()),
          l.stored().withNul(), l, skips[i], !own[i]));
    }
    String rulesets = ran(steps);
    Probe decider = match >= 0 ? probes.get(match) : null;
    List<String> value = match >= 0 ? looked.get(match).value() : List.of();
    Answer a = Effects.answer(rules, q, rulesets, name, addr, probes, decider, value, notes,
        hints, false, false);
    if (Outcomes.handsOn(tag.name(), result)) {
      // the value the rules hand on decides, whichever entry (or none) it came from
      if (!result.value().equals(value)) {
        a = with(a, Effects.effect(rules, q, rulesets, name, addr, decider,
            List.copyOf(result.value())));
      }
    } else if (a.effect().code().equals(Effects.UNKNOWN)
        || !Outcomes.agree(tag.name(), a.effect(), result)) {
      a = overruled(a, tag, looked, own, result);
    } else if (tag.name().startsWith("TLS_") || tag.name().startsWith("Client")) {
      a = with(a, Outcomes.withSession(a.effect(), result,
          steps.isEmpty() ? "" : steps.get(steps.size() - 1).ruleset()));
    }
    return with(a, a.effect(), steps, Optional.ofNullable(problem));
  }

  /**
   * The answer when the rules' result decides instead of the value's effect: a rejection by
   * another check of the same run (a local rule's Site: entry) names that entry as the deciding
   * one; a value the rules overrule stays matched, and the effect says so.
   */
  private Answer overruled(Answer a, Tag tag, List<Looked> looked, boolean[] own,
      Outcomes.Result result) {
    List<Probe> probes = a.probes();
    int other = -1;
    for (int i = 0; i < probes.size() && result.rejects(); i++) {
      if (probes.get(i).found() && !own[i]) {
        other = i;
      }
    }
    Probe decider = a.match().orElse(null);
    String by = other >= 0 ? entry(probes.get(other)) : decider == null ? null
        : a.effect().code().equals(Effects.UNKNOWN) ? entry(decider)
        : "the rules, not the value of " + entry(decider);
    String who = (a.name().isEmpty() ? "(no name)" : a.name())
        + a.addr().filter(s -> !s.isEmpty()).map(s -> " [" + s + "]").orElse("");
    Effect effect = Outcomes.of(tag.name(), result, who, by);
    if (other >= 0 && decider == null) {
      a = Effects.answer(rules, a.query(), a.ruleset(), a.name(), a.addr(), probes,
          probes.get(other), looked.get(other).value(), a.notes(), a.hints(), false, false);
    }
    return with(a, effect);
  }

  /**
   * SKIP found in a host, domain or address walk (access_db's {@code skip}) ends that walk as if
   * nothing were found; under an e-mail address, a local part or the bare tag it is a value.
   */
  private boolean endsWalk(Looked l) {
    if (!l.hit() || !rules.has(Feature.SKIP) || !Prescan.isWord(l.value(), "SKIP")) {
      return false;
    }
    String tag = KeyWhy.tagOf(l.key());
    String subject = l.key().substring(tag.isEmpty() ? 0 : tag.length() + 1);
    return !subject.isEmpty() && !subject.contains("@");
  }

  /**
   * Which keys belong to the walks of the tag asked about: its tagged keys and the untagged key
   * tried right after one of them.
   */
  static boolean[] own(List<String> keys, String tag) {
    boolean[] own = new boolean[keys.size()];
    int beforeTag = 0;
    for (int i = 0; i < own.length; i++) {
      String key = keys.get(i);
      int t = KeyWhy.tagLength(key);
      if (t == tag.length() && key.regionMatches(true, 0, tag, 0, t)) {
        own[i] = true;
      } else if (t == 0 && i > 0 && own[i - 1]) {
        String before = keys.get(i - 1);
        own[i] = beforeTag > 0 && before.length() - beforeTag - 1 == key.length()
            && before.regionMatches(true, beforeTag + 1, key, 0, key.length());
      }
      beforeTag = t;
    }
    return own;
  }

  /** The rulesets that ran, as an answer names them: "check_relay and tls_server". */
  private static String ran(List<Answer.Step> steps) {
    if (steps.size() == 1) {
      return steps.get(0).ruleset(); // as most questions run: no joiner to make
    }
    StringJoiner ran = new StringJoiner(" and ");
    for (Answer.Step s : steps) {
      ran.add(s.ruleset());
    }
    return ran.toString();
  }

  private static String entry(Probe p) {
    return p.key() + " " + p.value().orElse("").strip();
  }

  private static Answer with(Answer a, Effect effect) {
    return with(a, effect, a.steps(), a.problem());
  }

  private static Answer with(Answer a, Effect effect, List<Answer.Step> steps,
      Optional<String> problem) {
    return new Answer(a.query(), a.ruleset(), a.name(), a.addr(), a.probes(), a.match(),
        a.value(), effect, a.notes(), a.hints(), a.rules(), List.copyOf(steps), problem);
  }

  private static List<KeyWhy.Subject> subjects(Tag tag, Query q, String name,
      Optional<String> addr) {
    List<KeyWhy.Subject> s = new ArrayList<>();
    String whose = tag.side() == Side.CLIENT ? "server" : "client";
    switch (tag.name()) {
      case "From" -> s.add(new KeyWhy.Subject(bare(name), "the full sender address",
          KeyWhy.Kind.MAIL));
      case "To", "Spam", "TLS_Rcpt" -> s.add(new KeyWhy.Subject(bare(name),
          "the full recipient address", KeyWhy.Kind.MAIL));
      case "CERTISSUER", "CERTSUBJECT" -> s.add(new KeyWhy.Subject(name, "the client"
          + " certificate's " + (tag.name().equals("CERTISSUER") ? "issuer" : "subject"),
          KeyWhy.Kind.HOST));
      default -> {
        s.add(new KeyWhy.Subject(name, "the " + whose + "'s host name", KeyWhy.Kind.HOST));
        addr.ifPresent(a -> s.add(new KeyWhy.Subject(a, "the " + whose + "'s IP address",
            KeyWhy.Kind.ADDRESS)));
      }
    }
    if (!q.inboundName().isEmpty()) {
      s.add(new KeyWhy.Subject(q.inboundName(), "the client's host name", KeyWhy.Kind.HOST));
    }
    if (!q.inboundAddr().isEmpty()) {
      s.add(new KeyWhy.Subject(q.inboundAddr(), "the client's IP address", KeyWhy.Kind.ADDRESS));
    }
    s.add(new KeyWhy.Subject(bare(q.rcpt().orElse(Checks.DEFAULT_RCPT)), "the recipient",
        KeyWhy.Kind.MAIL));
    return s;
  }

  private static String bare(String address) {
    String a = address.strip();
    return a.startsWith("<") && a.endsWith(">") ? a.substring(1, a.length() - 1) : a;
  }

  /** The ruleset whose rules name the tag, for tags no C code checks by name. */
  private Optional<String> readerOf(String tag) {
    return readers.computeIfAbsent(tag, t -> {
      Pattern p = Pattern.compile("(?i)(?<![A-Za-z0-9_])\"?" + Pattern.quote(t) + "\"?(:|>)");
      String current = null;
      for (CfLines.Line l : lines.lines()) {
        if (l.command() == 'S') {
          current = l.body().strip().split("[ \t=]")[0];
        } else if (l.command() == 'R' && current != null && p.matcher(l.body()).find()) {
          return Optional.of(current);
        }
      }
      return Optional.empty();
    });
  }
}
