package io.accessctl.cli;

import io.accessctl.cf.CfFile;
import io.accessctl.source.Bytes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code accessctl query KEY…}: one exact lookup per key, as sendmail's map layer does it (folded
 * unless -f, tried without and then with a trailing NUL) — no walking; that is {@code lookup}.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Look keys up exactly, like postmap -q: print the value of each key found.",
        "With several keys, each line is KEY<TAB>VALUE."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every key was found", "1:a key was not found", "2:usage error",
        "3:the map cannot be read"})
public final class QueryCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--map", paramLabel = "MAP", description = "A text map or a hash, btree or "
      + "cdb file (default: the access K line's file in sendmail.cf, else /etc/mail/access.db).")
  Path map;

  @Option(names = "--cf", paramLabel = "FILE", description = "sendmail.cf for the default map.")
  Path cf;

  @Parameters(paramLabel = "KEY", arity = "1..*", description = "Keys such as Try_TLS:mx.example.")
  List<String> keys;

  @Mixin
  ParseOptionsMixin parseOptions;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Optional<CfFile> cfFile = Optional.empty();
    Path cfPath = cf != null ? cf : Path.of("/etc/mail/sendmail.cf");
    if (map == null && (cf != null || Files.isReadable(cfPath))) {
      cfFile = Optional.of(CfFile.read(cfPath));
    }
    // sendmail folds the key unless the K line says -f; so does the default map's lookup here
    boolean fold = !parseOptions.noFold
        && !cfFile.flatMap(CfFile::accessMap).map(k -> k.noFolding()).orElse(false);
    int missing = 0;
    try (MapSource m = MapSource.open(map, cfFile, parseOptions.toOptions())) {
      for (String key : keys) {
        byte[] k = (fold ? Bytes.foldAscii(key) : key).getBytes(StandardCharsets.UTF_8);
        Optional<byte[]> v = m.get(k);
        if (v.isEmpty()) {
          byte[] withNul = Arrays.copyOf(k, k.length + 1);
          v = m.get(withNul);
        }
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
