package io.accessctl.app;

import io.accessctl.lint.Diagnostic;
import io.accessctl.source.AccessParser;
import io.accessctl.source.MapEditor;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One edit of a text map (set, delete, suggest --apply): read, edit, refuse what the {@link
 * WritePolicy} refuses in the text the edit would leave, write atomically.
 */
public final class Edit {
  /** One step of an edit, made on the text as the steps before left it. */
  public interface Step extends Function<MapEditor, MapEditor.Edit> {}

  /**
   * @param target the text map and its K line
   * @param parse makemap's text options as given (the target's -f is added)
   * @param dryRun change nothing, only say what would change
   * @param policy what refuses the edited text
   */
  public record Request(MapTarget target, ParseOptions parse, boolean dryRun,
      WritePolicy policy) {}

  /** What came of the edit. */
  public enum Outcome {
    /** The map already says it. */
    UNCHANGED,
    /** The editor would not make the edit (below the CanIt marker, a repeated key, …). */
    REFUSED,
    /** The write policy refuses the edited text; {@link Result#refusing}. */
    WOULD_NOT_LINT,
    /** A dry run that would change the map. */
    WOULD_CHANGE,
    CHANGED
  }

  /**
   * @param message what the editor did or refused ("access:7: inserted 6 lines"); the steps'
   *     messages joined by "; "
   * @param checked the edited text as the policy judged it; empty when nothing was to be written
   *     ({@link Outcome#UNCHANGED}, {@link Outcome#REFUSED})
   */
  public record Result(Path map, Outcome outcome, String message, Optional<Checked> checked,
      byte[] before, byte[] after) {
    /** The findings that refuse the edit, or that --force overrode. */
    public List<Diagnostic> refusing() {
      return checked.map(Checked::blocking).orElse(List.of());
    }

    /** The edit was written (or, in a dry run, would be) despite what --force overrode. */
    public boolean overridden() {
      return checked.map(Checked::overridden).orElse(false);
    }
  }

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
      return new Result(map, Outcome.REFUSED, e.getMessage(), Optional.empty(), before, before);
    }
    String message = String.join("; ", messages);
    if (!changed) {
      return new Result(map, Outcome.UNCHANGED, message, Optional.empty(), before, before);
    }
    Optional<Checked> checked = Optional.of(Checked.of(new AccessParser(options)
        .parse(map.toString(), now), r.target().cf(), r.policy(), phase -> { }));
    if (checked.get().refused()) {
      return new Result(map, Outcome.WOULD_NOT_LINT, message, checked, before, now);
    }
    if (r.dryRun()) {
      return new Result(map, Outcome.WOULD_CHANGE, message, checked, before, now);
    }
    try {
      TextFiles.replace(map, now);
    } catch (IOException e) {
      throw new WriteFailure(map + ": " + IoProblems.describe(e), e);
    }
    return new Result(map, Outcome.CHANGED, message, checked, before, now);
  }
}
