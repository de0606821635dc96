package io.accessctl.cli;

import io.accessctl.app.MapLookup;
import io.accessctl.cf.CfFile;
import io.accessctl.source.Bytes;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code accessctl query KEY…}: one exact lookup per key, as sendmail's map layer does it (folded
 * unless -f, tried without and then with a trailing NUL) — no walking; that is {@code lookup}.
 */
@Command(name = "query",
    description = {"Look keys up exactly, like postmap -q: print the value of each key found.",
        "With several keys, each line is KEY<TAB>VALUE. The cf is read only for the default map."},
    exitCodeList = {"0:every key was found", "1:a key was not found", "2:usage error",
        "3:the map cannot be read"})
public final class QueryCommand extends Subcommand {
  @Mixin
  MapOption map;

  @Mixin
  CfOptions cf;

  @Parameters(paramLabel = "KEY", arity = "1..*", description = "Keys such as Try_TLS:mx.example.")
  List<String> keys;

  @Mixin
  ParseOptionsMixin parseOptions;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = out();
    Optional<CfFile> cfFile = map.map == null
        ? cf.choice().read(Warnings.to(err())) : Optional.empty();
    int missing = 0;
    try (MapLookup m = MapLookup.open(cfFile, map.map, parseOptions.toOptions())) {
      for (String key : keys) {
        Optional<byte[]> v = m.exact(key);
        if (v.isEmpty()) {
          missing++;
          continue;
        }
        String value = Bytes.cString(v.get());
        out.println(keys.size() == 1 ? value : key + "\t" + value);
      }
    }
    out.flush();
    return missing == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
