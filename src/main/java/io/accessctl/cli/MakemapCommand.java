package io.accessctl.cli;

import io.accessctl.app.makemap.Makemap;
import io.accessctl.app.makemap.MakemapResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code accessctl makemap}: a drop-in for makemap(8) of sendmail 8.17.1 (see {@link Makemap}).
 *
 * <p>The arguments are not parsed by picocli but handed whole to {@link Makemap}, which reads them
 * with getopt's rules as makemap's scripts expect. {@code --help} alone prints accessctl's help.
 */
@Command(name = "makemap", addMethodSubcommands = false,
    customSynopsis = "accessctl makemap [-C cf] [-N] [-c cachesize] [-D commentchar] [-d] [-e] "
        + "[-f] [-i type] [-l] [-L] [-o] [-r] [-s] [-t delim] [-u] [-v] [-x] type mapname < input",
    description = {"Drop-in for makemap(8): read a map from standard input and write TYPE MAPNAME "
        + "(hash, btree, cdb, implicit, or cf/CF: the class of MAPNAME's K line in the cf).",
        "Like makemap, lines with errors are reported and skipped, the rest is written, and the "
            + "exit status is 65; unlike makemap, the file is replaced atomically.",
        "",
        "  -C cf        sendmail.cf for TrustedUser (as root) and the cf/CF types",
        "  -N           store a trailing NUL in keys and values",
        "  -c size      cache size (accepted, no effect)",
        "  -D c         comment character (first byte; '' for none; default #)",
        "  -d           allow duplicate keys (all are stored; lookups find the first)",
        "  -e           allow empty values",
        "  -f           do not fold keys to lower case",
        "  -i type      type to use when cf/CF finds no K line",
        "  -l, -x, -L   list the types (-x with file extensions, -L also cf and CF)",
        "  -o           append to an existing map",
        "  -r           a repeated key replaces the earlier one",
        "  -s           skip the link and directory safety checks",
        "  -t c         key/value separator (first byte) instead of white space",
        "  -u           dump the map as key<TAB>value (the -t byte with -t)",
        "  -v           print each record as it is stored"},
    exitCodeListHeading = "%nExit status (as makemap's):%n",
    exitCodeList = {"0:success", "64:usage error", "65:data errors (what parsed was written)",
        "66:the cf cannot be read", "73:the map cannot be opened or created",
        "74:I/O error while writing"})
public final class MakemapCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  AccessctlCommand root;

  @Unmatched
  List<String> argv = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (argv.size() == 1 && argv.get(0).equals("--help")) {
      spec.commandLine().usage(out);
      return ExitCodes.OK;
    }
    MakemapResult result = Makemap.forThisProcess().run(argv, root.stdin);
    for (MakemapResult.Message m : result.messages()) {
      (m.stream() == MakemapResult.Stream.OUT ? out : err).print(m.text());
    }
    out.flush();
    err.flush();
    return result.status();
  }
}
