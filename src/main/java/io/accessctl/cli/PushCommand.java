package io.accessctl.cli;

import io.accessctl.app.IoProblems;
import io.accessctl.app.MapTarget;
import io.accessctl.app.Push;
import io.accessctl.report.LintReport;
import io.accessctl.report.OutputFormat;
import io.accessctl.report.ReportOptions;
import io.accessctl.serve.PushChannel;
import io.accessctl.serve.SourceWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code accessctl push --store DIR SOURCE}: lint the text map and, only when it is clean, replace
 * a map of the live store in one transaction, through the running server if there is one.
 */
@Command(name = "push",
    description = {"Replace a map in the live store that accessctl serve answers from.",
        "The source is parsed as compile parses it and linted; makemap errors and lint errors "
            + "(with --strict also lint warnings) refuse the push and leave the map alone, unless "
            + "--force; a value too long for a socketmap reply always does. Otherwise the whole "
            + "map is replaced in one transaction: lookups see the old map or the new one, never "
            + "a mix. When a "
            + "server holds the store, the push goes through it (" + PushChannel.SOCKET_NAME
            + " in the store directory)."},
    exitCodeList = {"0:pushed (or already equal)", "2:usage error",
        "65:the source has errors (the map is left alone)", "66:the source cannot be read",
        "73:the store cannot be opened or written (only its owner may push)",
        "75:the server is a group member and no majority of the group acknowledged the push in "
            + "time (no master, or too few members up); the map was not changed unless the "
            + "message says it was committed on the master"})
public final class PushCommand extends Subcommand {
  @Mixin
  StoreOptions store;

  @Parameters(paramLabel = "SOURCE", arity = "0..1",
      description = "The text map (default: " + MapTarget.DEFAULT_TEXT_NAME + ").")
  Path source;

  @Mixin
  SourceGate gate;

  @Mixin
  QuietOption quiet;

  @Override
  public Integer call() {
    PrintWriter out = out();
    PrintWriter err = err();
    String map = store.mapName(spec);
    Path src = source != null ? source : MapTarget.DEFAULT_TEXT;
    Push.Loaded loaded;
    try {
      loaded = gate.load(src, err, root.console.interactive());
    } catch (SourceWatcher.Refused e) {
      err.println("accessctl: " + e.getMessage() + "; map " + map + " in " + store.dir
          + " was not changed");
      return ExitCodes.DATA_ERROR;
    } catch (IOException e) {
      throw new ExitException(ExitCodes.NO_INPUT, IoProblems.describe(e));
    }
    Push.Pushed pushed = Push.toStore(store.dir, map, loaded.content());
    if (loaded.checked().overridden()) {
      err.println(PolicyOptions.overrode("pushed " + src + " to map " + map + " in " + store.dir,
          loaded.checked().count()));
    }
    if (!quiet.quiet) {
      out.println("accessctl: pushed " + src + " to map " + map + " in " + store.dir
          + " (generation " + pushed.info().generation() + ", " + pushed.info().entries()
          + " entries" + (pushed.throughServer() ? ", through the running server" : "") + ")");
    }
    return ExitCodes.OK;
  }

  /**
   * What may be pushed: the options that shape parsing and checking, shared by push and
   * {@code serve --watch}, and how a refusal is shown.
   */
  public static final class SourceGate {
    @Mixin
    BuildOptions build;

    /**
     * Reads, parses and lints {@code src}; reports findings on {@code err} as compile does. The
     * caller says what --force overrode once the map is pushed.
     *
     * @throws SourceWatcher.Refused when makemap would report errors, lint finds errors (or
     *     warnings with --strict), or a value is too long for a socketmap reply
     */
    Push.Loaded load(Path src, PrintWriter err, boolean color) throws IOException {
      Push.Loaded l = Push.load(src, new Push.Gate(build.cfChoice(), build.parse(),
          build.policy()), Warnings.to(err));
      if (!l.checked().findings().isEmpty()) {
        OutputFormat.TEXT.reporter(new ReportOptions(color, VersionProvider.version()))
            .write(new LintReport(List.of(src.toString()), l.checked().findings()), err);
      }
      l.tooLong().forEach(t -> err.println("accessctl: " + src + ": " + t));
      err.flush();
      if (l.refused()) {
        throw new SourceWatcher.Refused(src + ": " + l.problems() + " problem(s) block the push");
      }
      return l;
    }
  }
}
