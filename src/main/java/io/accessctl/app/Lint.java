package io.accessctl.app;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.PublicSuffixes;
import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Fixer;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Repeats;
import io.accessctl.lint.Rules;
import io.accessctl.lint.TextDiff;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Lints text maps: the working copies, or the versions staged in git (pre-commit hooks). */
public final class Lint {
  /**
   * @param files the maps (none: {@link MapTarget#DEFAULT_TEXT})
   * @param staged lint the version staged in git, not the working copy
   * @param select rule ids, prefixes or names to run (empty: all)
   * @param ignore rule ids, prefixes or names not to run
   * @param fix apply the safe fixes to the files first
   * @param diff make the safe fixes' diffs instead of linting
   * @param extraTags tags the site's own rulesets or programs read ({@code --extra-tags})
   */
  public record Request(List<Path> files, boolean staged, Set<String> select, Set<String> ignore,
      CfChoice cf, ParseOptions parse, boolean fix, boolean diff, Set<String> extraTags) {
    /** The maps linted: the files, else {@link MapTarget#DEFAULT_TEXT}. */
    List<Path> inputs() {
      return files.isEmpty() ? List.of(MapTarget.DEFAULT_TEXT) : files;
    }
  }

  /**
   * @param names the files linted, as given
   * @param diagnostics every finding, file by file
   * @param unreadable one message per file that could not be read
   * @param diffs the safe fixes as unified diffs, with {@code diff}
   * @param cf the sendmail.cf the findings were judged against, if one was read
   * @param dependsOnCf whether some finding would differ with another cf (or none)
   */
  public record Result(List<String> names, List<Diagnostic> diagnostics, List<String> unreadable,
      String diffs, Optional<CfFile> cf, boolean dependsOnCf) {}

  private Lint() {}

  /**
   * Starts making, on threads of their own, what a lint will need whatever its files: the map
   * formats a text map must not be, the rules, the stock catalogue and the public-suffix list;
   * and the cf it most likely reads. A command that calls this before it parses its options, on
   * a machine with a core to spare, finds them made when it gets to them.
   *
   * @param cf the cf the arguments most likely choose
   */
  public static void prepareAhead(CfChoice cf) {
    startCf(cf);
    prepareRules();
  }

  /** Starts reading the cf; no lambda on the way (see {@link Ahead}). */
  private static void startCf(CfChoice cf) {
    Optional<Path> path = cf.path();
    if (path.isPresent()) {
      CfAhead.start(path.get());
    }
  }

  private static void prepareRules() {
    Thread t = new Thread(new Prepare(), "accessctl-prepare");
    t.setDaemon(true);
    t.start();
  }

  /**
   * What every lint needs whatever its files. A class, not a lambda: this starts on the main
   * thread before picocli's model is built, and the JVM's first lambda costs milliseconds to link
   * (see {@link Ahead}); the threads started ahead link theirs meanwhile.
   */
  private static final class Prepare implements Runnable {
    @Override
    public void run() {
      MapFormat.values();
      Rules.all();
      Catalog.stock();
      PublicSuffixes.prepare();
    }
  }

  /**
   * {@link #prepareAhead(CfChoice)}, and starts linting the files of the lint {@code likely}
   * ({@link LintAhead}). {@link #run} uses those findings only where they were made for what the
   * run asks, from the files as they are.
   *
   * @param likely what the arguments most likely ask, guessed before they are parsed
   */
  public static void prepareAhead(Request likely) {
    // the lint's read and parse are the longest path of a run on a large map: its thread starts
    // as soon as the cf it will wait for is being read, before anything else
    startCf(likely.cf());
    LintAhead.start(likely);
    prepareRules();
  }

  /**
   * The words of {@code --select} or {@code --ignore} that name no rule: not an id, not a name,
   * and not an id prefix such as AC2 that some rule's id starts with.
   */
  public static Set<String> unknownRules(List<String> words) {
    Set<String> unknown = new LinkedHashSet<>();
    for (String w : words) {
      String t = w.trim();
      String upper = t.toUpperCase(Locale.ROOT);
      boolean prefix = t.length() < 5 && upper.startsWith("AC")
          && Rules.all().stream().anyMatch(r -> r.info().id().startsWith(upper));
      if (!t.isEmpty() && !prefix && Rules.find(t).isEmpty()) {
        unknown.add(t);
      }
    }
    return unknown;
  }

  /**
   * @param phases told each phase's name as it ends, for {@code -Daccessctl.phases}
   * @throws IOException when the named cf cannot be read, or a fixed file cannot be written
   */
  public static Result run(Request r, Consumer<String> warnings, Consumer<String> phases)
      throws IOException {
    // the cf is read while the first map is read and parsed; it is in hand before any file is
    // changed (--fix) or linted, and a cf that cannot be read fails the run as before
    Ahead<Optional<CfFile>> cfAhead = Ahead.start("accessctl-cf", new CfRead(r.cf(), warnings));
    Linter linter = new Linter(r.select(), r.ignore());
    Catalog catalog = Catalog.stock().withExtraTags(r.extraTags());
    Optional<CfFile> cf = Optional.empty();
    List<String> names = new ArrayList<>();
    List<Diagnostic> all = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    StringBuilder diffs = new StringBuilder();
    for (Path file : r.inputs()) {
      if (!r.fix() && !r.diff()) {
        Optional<LintAhead.Linted> early = LintAhead.take(file, r);
        if (early.isPresent()) {
          cf = cfAhead.get();
          if (early.get().cf().orElse(null) == cf.orElse(null)) {
            names.add(file.toString());
            all.addAll(early.get().diagnostics());
            phases.accept("linted ahead");
            continue;
          }
        }
      }
      byte[] data;
      try {
        data = r.staged() ? StagedFile.read(file) : SourceFiles.read(file);
      } catch (IOException e) {
        unreadable.add(IoProblems.describe(e));
        continue;
      }
      String name = file.toString();
      phases.accept("read");
      AccessSource src = new AccessParser(r.parse()).parse(name, data);
      phases.accept("parse");
      cf = cfAhead.get();
      if (r.fix() || r.diff()) {
        byte[] fixed = Fixer.fix(src, data);
        if (r.diff()) {
          diffs.append(TextDiff.unified(name, data, fixed));
        }
        if (r.fix() && !Arrays.equals(fixed, data)) {
          TextFiles.replace(file, fixed);
          data = fixed;
          src = new AccessParser(r.parse()).parse(name, data);
        }
        if (r.diff()) {
          continue;
        }
      }
      names.add(name);
      all.addAll(lint(file, src, r, linter, catalog, cf, phases));
    }
    cf = cfAhead.get();
    return new Result(names, all, unreadable, diffs.toString(), cf, Rules.anyConsultsCf(all));
  }

  /** The findings of one parsed file, folded as reported. */
  private static List<Diagnostic> lint(Path file, AccessSource src, Request r, Linter linter,
      Catalog catalog, Optional<CfFile> cf, Consumer<String> phases) throws IOException {
    List<Diagnostic> found = linter.lint(new LintContext(src, catalog, cf), phases);
    phases.accept("rules");
    if (r.staged()) {
      found = StagedAdditions.withAddedBelowMarker(file, src, found, linter, r.parse());
    }
    List<Diagnostic> folded = Repeats.fold(found, src);
    phases.accept("fold");
    return folded;
  }

  /**
   * What {@link #run} finds in {@code file}, for a request without --fix or --diff, made ahead of
   * the run ({@link LintAhead}); warnings about the cf are left to the run, which reads the same
   * cf.
   */
  static LintAhead.Linted lintFile(Path file, Request r) throws IOException {
    byte[] data = r.staged() ? StagedFile.read(file) : SourceFiles.read(file);
    AccessSource src = new AccessParser(r.parse()).parse(file.toString(), data);
    Optional<CfFile> cf = r.cf().read(IGNORED);
    List<Diagnostic> found = lint(file, src, r, new Linter(r.select(), r.ignore()),
        Catalog.stock().withExtraTags(r.extraTags()), cf, IGNORED);
    return new LintAhead.Linted(found, cf);
  }

  // Classes, not lambdas, from here to the end: every lint runs them at its start, where each
  // lambda the JDK links costs the run CPU (see Ahead).

  private static final Consumer<String> IGNORED = new Ignored();

  /** Warnings or phases no one is told of. */
  private static final class Ignored implements Consumer<String> {
    @Override
    public void accept(String s) {
      // nothing: the run proper tells them
    }
  }

  /** The run's read of its cf, on a thread of its own. */
  private static final class CfRead implements Ahead.Work<Optional<CfFile>> {
    private final CfChoice cf;
    private final Consumer<String> warnings;

    CfRead(CfChoice cf, Consumer<String> warnings) {
      this.cf = cf;
      this.warnings = warnings;
    }

    @Override
    public Optional<CfFile> make() throws IOException {
      return cf.read(warnings);
    }
  }
}
