package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfVariants;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.source.AccessParser;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compile builds the findings that refuse the write and a few others, and only counts the rest:
 * on generated maps its totals are those of a lint that builds every finding, and what it shows is
 * what that lint finds first.
 */
class CompileCountsTest {
  private static final int FILES = 25;
  /** Lines that draw warnings by the thousand in a big map judged against a cf. */
  private static final String[] WARNED = {
    "To:customer%d.example.net\tREJECT", "Clt_Features:mx%d.example.net\tM",
    "Clt_Features:mx%d.example.net\tD", "From:user%d@example.com\tRELAY",
    "Spam:abuse%d@\tFRIEND", "ClientRate:192.0.2.%d\t2",
  };
  private static final WritePolicy[] POLICIES = {
    WritePolicy.DEFAULT, new WritePolicy(true, false, false), new WritePolicy(false, true, false),
    new WritePolicy(true, true, false),
  };

  @TempDir
  Path dir;

  @Test
  void compileCountsWhatLintFindsWithoutACfAndWithOthers() throws IOException {
    compareOnGeneratedMaps(List.of(CfChoice.noCf(),
        new CfChoice(Path.of("src/test/resources/cf/upstream-8.16.1-excerpt.cf"), false),
        new CfChoice(Path.of("src/test/resources/cf/upstream-8.17.2-excerpt.cf"), false)));
  }

  @Tag("oracle")
  @Test
  void compileCountsWhatLintFindsWithDebiansCf() throws IOException {
    compareOnGeneratedMaps(List.of(new CfChoice(CfVariants.generate(dir, "debian"), false)));
  }

  private void compareOnGeneratedMaps(List<CfChoice> cfs) throws IOException {
    long runSeed = AccessGen.seed();
    for (int i = 0; i < FILES; i++) {
      long seed = AccessGen.caseSeed(runSeed, i);
      Path src = Files.write(dir.resolve("access"), map(seed));
      for (CfChoice cf : cfs) {
        List<Diagnostic> all = Linter.all().lint(new LintContext(new AccessParser(
            ParseOptions.defaults()).parse(src.toString(), Files.readAllBytes(src)),
            Catalog.stock(), cf.read(w -> { })));
        for (WritePolicy policy : POLICIES) {
          Checked c = Compile.run(new Compile.Request(src, dir.resolve("access.db"), null, cf,
              ParseOptions.defaults(), false, policy), w -> { }, new Compile.Listener() { })
              .checked();
          String as = String.format("file %d, cf %s, %s; %s", i, cf, policy,
              AccessGen.replayHint(runSeed));

          assertThat(c.blocking().size() + c.others().size() + c.counted()).as(as)
              .isEqualTo(all.size());
          assertThat(c.blocking()).as(as)
              .containsExactlyElementsOf(all.stream().filter(policy::blocks).toList());
          List<Diagnostic> rest = all.stream().filter(d -> !policy.blocks(d)).toList();
          assertThat(c.others()).as(as).containsExactlyElementsOf(
              rest.subList(0, Math.min(rest.size(), Compile.OTHERS_BUILT)));
        }
      }
    }
  }

  /** A random map with, among its lines, a few hundred entries of the kinds lint warns about. */
  private static byte[] map(long seed) {
    AccessGen gen = new AccessGen(seed);
    Random random = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(gen.file(AccessGen.Shape.PLAIN, 5, 120));
    List<String> lines = new ArrayList<>();
    int warned = random.nextInt(300);
    for (int j = 0; j < warned; j++) {
      lines.add(String.format(WARNED[random.nextInt(WARNED.length)], j) + "\n");
    }
    lines.forEach(l -> out.writeBytes(l.getBytes(StandardCharsets.ISO_8859_1)));
    out.writeBytes(gen.file(AccessGen.Shape.PLAIN, 0, 40));
    return out.toByteArray();
  }
}
