package io.accessctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code accessctl delete KEY}: an idempotent removal for configuration management. */
@Command(name = "delete",
    description = {"Remove the entry for KEY from the access text map, idempotently.",
        "Keys are compared as makemap stores them (folded unless -f). The comment lines right "
            + "above the entry go with it when it stands alone (above a run of entries they head "
            + "a section and stay), and always those accessctl wrote ('# accessctl …'). Every "
            + "other byte stays. Nothing happens when there is no such entry.",
        "Entries below the CanIt marker are refused: CanIt would put them back. The edited map "
            + "is judged as compile judges it (--strict, --force)."},
    exitCodeList = {"0:done (or there was no such entry)", "1:--check: the map would change",
        "2:usage error", "65:refused (below the CanIt marker, or the edited map would not lint); "
            + "the file is not changed",
        "66:the map or the cf cannot be read", "73:the map cannot be written",
        "other:the exit status of compile, with --compile"})
public final class DeleteCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "KEY", description = "The key, e.g. Try_TLS:mx.example.")
  String key;

  @Mixin
  EditOptions edit;

  @Override
  public Integer call() {
    return edit.run(root, spec, e -> e.delete(key));
  }
}
