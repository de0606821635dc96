package io.accessctl.cli;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.lint.TextDiff;
import io.accessctl.report.LintReport;
import io.accessctl.report.OutputFormat;
import io.accessctl.report.ReportOptions;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.MapEditor;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One edit of a text map, the way {@code set} and {@code delete} make it: read, edit, refuse what
 * would not lint, write atomically, then optionally compile.
 */
final class MapEdits {
  /** What the caller asked for besides the edit itself. */
  record Request(Path map, Path cf, boolean noCf, ParseOptions options, boolean check,
      boolean diff, boolean compile, boolean quiet, boolean debug, Console console,
      InputStream stdin) {}

  private MapEdits() {}

  static int run(Request r, Function<MapEditor, MapEditor.Edit> edit, PrintWriter out,
      PrintWriter err) {
    Optional<CfFile> cf;
    try {
      cf = SendmailCf.read(r.cf(), r.noCf(), err);
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, ErrorHandler.describe(e));
    }
    Path map = SendmailCf.textMap(r.map(), cf);
    ParseOptions options = r.options();
    // sendmail folds lookups unless the K line has -f: the map's keys must be compared the same way
    if (cf.flatMap(CfFile::accessMap).filter(AccessMapSpec::noFolding)
        .filter(k -> Path.of(k.path()).toAbsolutePath().normalize()
            .equals(map.toAbsolutePath().normalize())).isPresent()) {
      options = options.withFoldKeys(false);
    }
    byte[] before;
    try {
      before = SourceFiles.read(map);
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, ErrorHandler.describe(e));
    }
    MapEditor.Edit result;
    try {
      result = edit.apply(new MapEditor(map.toString(), before, options));
    } catch (MapEditor.Refused e) {
      err.println("accessctl: " + e.getMessage());
      return ExitCodes.DATA_ERROR;
    }
    if (!result.changed()) {
      if (!r.quiet()) {
        out.println("unchanged: " + result.message());
      }
      return ExitCodes.OK;
    }
    List<Diagnostic> introduced = newErrors(map, before, result.text(), options, cf);
    if (!introduced.isEmpty()) {
      OutputFormat.TEXT.reporter(new ReportOptions(r.console().interactive(),
          VersionProvider.version())).write(new LintReport(List.of(map.toString()), introduced),
          err);
      err.println("accessctl: " + map + ": refused: the edit would not lint; the file was not "
          + "changed");
      return ExitCodes.DATA_ERROR;
    }
    if (r.diff()) {
      out.print(TextDiff.unified(map.toString(), before, result.text()));
    }
    if (r.check()) {
      if (!r.quiet()) {
        out.println("would change: " + result.message());
      }
      return ExitCodes.FINDINGS;
    }
    try {
      TextFiles.replace(map, result.text());
    } catch (IOException e) {
      throw new ExitException(ExitCodes.CANT_CREATE, map + ": " + ErrorHandler.describe(e));
    }
    if (!r.quiet()) {
      out.println("changed: " + result.message());
    }
    out.flush();
    if (!r.compile()) {
      return ExitCodes.OK;
    }
    return compile(out, err, r.console(), r.stdin(), r.debug(), r.cf(), r.noCf(), r.quiet(), map);
  }

  /**
   * Lint errors of {@code after} that {@code before} does not have, compared by rule and line text
   * as a multiset: an edit must not make a map worse, but need not mend what was already broken.
   */
  static List<Diagnostic> newErrors(Path map, byte[] before, byte[] after, ParseOptions options,
      Optional<CfFile> cf) {
    Map<String, Integer> old = new HashMap<>();
    for (Diagnostic d : errors(map, before, options, cf)) {
      old.merge(d.ruleId() + "\0" + d.sourceText(), 1, Integer::sum);
    }
    List<Diagnostic> fresh = new ArrayList<>();
    for (Diagnostic d : errors(map, after, options, cf)) {
      String k = d.ruleId() + "\0" + d.sourceText();
      if (old.getOrDefault(k, 0) > 0) {
        old.merge(k, -1, Integer::sum);
      } else {
        fresh.add(d);
      }
    }
    return fresh;
  }

  private static List<Diagnostic> errors(Path map, byte[] text, ParseOptions options,
      Optional<CfFile> cf) {
    AccessSource src = new AccessParser(options).parse(map.toString(), text);
    return Linter.all().lint(new LintContext(src, Catalog.stock(), cf)).stream()
        .filter(d -> d.severity() == Severity.ERROR).toList();
  }

  /** Runs {@code accessctl compile} in-process on the map, with the same cf choice. */
  static int compile(PrintWriter out, PrintWriter err, Console console, InputStream stdin,
      boolean debug, Path cf, boolean noCf, boolean quiet, Path map) {
    List<String> args = new ArrayList<>();
    if (debug) {
      args.add("--debug");
    }
    args.add("compile");
    if (noCf) {
      args.add("--no-cf");
    } else if (cf != null) {
      args.add("--cf=" + cf);
    }
    if (quiet) {
      args.add("--quiet");
    }
    args.add(map.toString());
    return Main.run(out, err, console, stdin, args.toArray(String[]::new));
  }
}
