package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** The converters picocli is built without are those of types no option has. */
class UnusedConvertersTest {
  @Test
  void noOptionOrParameterHasAnExcludedType() {
    CommandLine root = Main.commandLine(Console.plain(), InputStream.nullInputStream());
    List<String> types = new ArrayList<>();
    collect(root, types);
    assertThat(types).contains("java.nio.file.Path", "java.lang.String", "int");
    assertThat(types).noneMatch(t -> t.matches(UnusedConverters.CLASSES));
  }

  @Test
  void aCommandIsBuiltWithoutThem() {
    Main.commandLine(Console.plain(), InputStream.nullInputStream());
    assertThat(System.getProperty(UnusedConverters.PROPERTY))
        .isEqualTo(UnusedConverters.CLASSES);
    assertThat("java.time.Duration").matches(UnusedConverters.CLASSES);
    assertThat("java.sql.Timestamp").matches(UnusedConverters.CLASSES);
    assertThat("java.nio.file.Path").doesNotMatch(UnusedConverters.CLASSES);
  }

  private static void collect(CommandLine cl, List<String> types) {
    for (ArgSpec a : cl.getCommandSpec().args()) {
      types.add(a.type().getName());
      for (Class<?> aux : a.auxiliaryTypes()) {
        types.add(aux.getName());
      }
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      collect(sub, types);
    }
  }
}
