package io.accessctl.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code accessctl set KEY VALUE}: an idempotent edit for configuration management. */
@Command(name = "set",
    description = {"Set the value of one entry in the access text map, idempotently.",
        "An existing entry keeps its place, key spelling and layout; only its value changes. A "
            + "new entry goes above the CanIt marker, after the last entry with the same tag. "
            + "Every other byte of the file stays as it was.",
        "The edit is refused when the edited map would have errors, as compile refuses them "
            + "(--strict, --force), when the key is below the CanIt marker (CanIt would undo it) "
            + "or when the key has more than one entry.",
        "Several VALUE words are joined with single spaces: set Try_TLS:host.example NO."},
    exitCodeList = {"0:done (or the entry already had that value)",
        "1:--check: the map would change", "2:usage error",
        "65:refused (the edited map would not lint, the key is below the CanIt marker or "
            + "duplicated); the file is not changed",
        "66:the map or the cf cannot be read", "73:the map cannot be written",
        "other:the exit status of compile, with --compile"})
public final class SetCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "KEY", description = "The key, e.g. Try_TLS:mx.example.")
  String key;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "VALUE",
      description = "The value, e.g. NO.")
  List<String> value;

  @Mixin
  EditOptions edit;

  @Override
  public Integer call() {
    String v = String.join(" ", value);
    return edit.run(root, spec, e -> e.set(key, v));
  }
}
