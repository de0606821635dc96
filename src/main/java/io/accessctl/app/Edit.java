package io.accessctl.app;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.source.AccessParser;
import io.accessctl.source.MapEditor;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One edit of a text map (set, delete, suggest --apply): read, edit, refuse what would bring lint
 * errors the map did not have, write atomically.
 */
public final class Edit {
  /** One step of an edit, made on the text as the steps before left it. */
  public interface Step extends Function<MapEditor, MapEditor.Edit> {}

  /**
   * @param target the text map and its K line
   * @param parse makemap's text options as given (the target's -f is added)
   * @param dryRun change nothing, only say what would change
   */
  public record Request(MapTarget target, ParseOptions parse, boolean dryRun) {}

  /** What came of the edit. */
  public enum Outcome {
    /** The map already says it. */
    UNCHANGED,
    /** The editor would not make the edit (below the CanIt marker, a repeated key, …). */
    REFUSED,
    /** The result would have lint errors the map did not have; {@link Result#introduced}. */
    WOULD_NOT_LINT,
    /** A dry run that would change the map. */
    WOULD_CHANGE,
    CHANGED
  }

  /**
   * @param message what the editor did or refused ("access:7: inserted 6 lines"); the steps'
   *     messages joined by "; "
   * @param introduced the new lint errors, for {@link Outcome#WOULD_NOT_LINT}
   */
  public record Result(Path map, Outcome outcome, String message, List<Diagnostic> introduced,
      byte[] before, byte[] after) {}

  private Edit() {}

  /**
   * @throws IOException when the map cannot be read
   * @throws WriteFailure when it cannot be written
   */
  public static Result run(Request r, List<? extends Step> steps) throws IOException {
    Path map = r.target().text();
    ParseOptions options = r.target().parseOptions(r.parse());
    byte[] before = SourceFiles.read(map);
    byte[] now = before;
    boolean changed = false;
    List<String> messages = new ArrayList<>();
    try {
      for (Step s : steps) {
        MapEditor.Edit e = s.apply(new MapEditor(map.toString(), now, options));
        now = e.text();
        changed |= e.changed();
        messages.add(e.message());
      }
    } catch (MapEditor.Refused e) {
      return new Result(map, Outcome.REFUSED, e.getMessage(), List.of(), before, before);
    }
    String message = String.join("; ", messages);
    if (!changed) {
      return new Result(map, Outcome.UNCHANGED, message, List.of(), before, before);
    }
    List<Diagnostic> introduced = newErrors(map, before, now, options, r.target().cf());
    if (!introduced.isEmpty()) {
      return new Result(map, Outcome.WOULD_NOT_LINT, message, introduced, before, now);
    }
    if (r.dryRun()) {
      return new Result(map, Outcome.WOULD_CHANGE, message, List.of(), before, now);
    }
    try {
      TextFiles.replace(map, now);
    } catch (IOException e) {
      throw new WriteFailure(map + ": " + IoProblems.describe(e), e);
    }
    return new Result(map, Outcome.CHANGED, message, List.of(), before, now);
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
    return Linter.all().lint(new LintContext(new AccessParser(options).parse(map.toString(), text),
        Catalog.stock(), cf)).stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }
}
