package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accessctl makemap} against the real makemap, on seeded random nasty input (duplicates,
 * leading blanks, keys without value, CRLF, comments, long lines, NUL bytes, empty keys with -t)
 * for every flag and some combinations, for hash and btree.
 *
 * <p>Each case runs both programs on the same input with the same map name (one after the other,
 * the result moved aside in between; with {@code -o} both start from the same copy of a map the
 * real makemap built) and demands the same exit status, the same stderr lines, the same stdout
 * ({@code -v}), the same owner, group and mode, and the same content as the real {@code makemap -u}
 * shows it (sorted for hash, whose order depends on the table; in file order for btree). It also
 * demands that {@code accessctl makemap -u} prints exactly what {@code makemap -u} prints for the
 * real makemap's file, order included.
 *
 * <p>Output is compared as UTF-8 text, the way accessctl writes it: bytes that are not UTF-8 are
 * U+FFFD on both sides (see the report on byte-exact output). A run prints its seed; replay a
 * failure with {@code -Daccessctl.seed=N}; inputs of failures are saved under
 * {@code target/makemap-differential-failures/}.
 */
@Tag("oracle")
class MakemapDifferentialTest {
  private static final int CASES = 260;
  private static final int MAX_LINES = 30;
  private static final int MAX_REPORTED = 5;
  private static final Path FAILURES = Path.of("target", "makemap-differential-failures");

  static final List<List<String>> FLAG_SETS = List.of(
      List.of(), List.of("-N"), List.of("-d"), List.of("-D", ";"), List.of("-D", ""),
      List.of("-e"), List.of("-f"), List.of("-r"), List.of("-t", ":"), List.of("-t", " "),
      List.of("-v"), List.of("-o"), List.of("-o", "-r"), List.of("-o", "-d", "-v"),
      List.of("-o", "-N", "-e"), List.of("-s"), List.of("-c", "4096"), List.of("-Nfrv"),
      List.of("-d", "-e", "-t", ":"), List.of("-e", "-t:"), List.of("-v", "-D", "", "-e", "-f"),
      List.of("-r", "-d"), List.of("-ov", "-t", ":"), List.of("-e", "-t", ":", "-N", "-v"));

  @Test
  void sameContentMessagesOwnersAndStatusAsMakemap(@TempDir Path dir) throws IOException {
    Oracle.require(Oracle.MAKEMAP);
    long seed = AccessGen.seed();
    long started = System.nanoTime();
    List<String> failures = new ArrayList<>();
    int withErrors = 0;
    for (int i = 0; i < CASES; i++) {
      List<String> flags = FLAG_SETS.get(i % FLAG_SETS.size());
      long caseSeed = AccessGen.caseSeed(seed, i);
      String type = new Random(caseSeed).nextBoolean() ? "hash" : "btree";
      AccessGen gen = new AccessGen(caseSeed);
      byte[] input = gen.file(i % 4 == 0 ? AccessGen.Shape.PLAIN : AccessGen.Shape.NASTY, 0,
          MAX_LINES);
      byte[] base = flags.stream().anyMatch(f -> f.matches("-\\w*o\\w*"))
          ? gen.file(AccessGen.Shape.PLAIN, 1, MAX_LINES) : null;
      Path caseDir = Files.createDirectories(dir.resolve("c" + i));
      Case c = new Case(caseDir, type, flags, input, base);
      List<String> problems = c.check();
      withErrors += c.realExit == 0 ? 0 : 1;
      if (!problems.isEmpty()) {
        failures.add(describe(seed, i, c, String.join("\n", problems)));
      }
    }
    System.out.printf("MakemapDifferentialTest: seed %d, %d cases (%d with exit != 0), %.1f s%n",
        seed, CASES, withErrors, (System.nanoTime() - started) / 1e9);
    if (!failures.isEmpty()) {
      fail(failures.size() + " disagreement(s) with makemap, seed " + seed + " ("
          + AccessGen.replayHint(seed) + "); first ones:\n\n"
          + String.join("\n\n", failures.subList(0, Math.min(MAX_REPORTED, failures.size()))));
    }
    assertThat(withErrors).as("cases where makemap reported data errors").isGreaterThan(CASES / 4);
  }

  /** One input, one flag set, one type: both programs, then the comparisons. */
  static final class Case {
    final Path dir;
    final String type;
    final List<String> flags;
    final byte[] input;
    final byte[] baseInput;
    final String map;
    final Path db;
    int realExit;

    Case(Path dir, String type, List<String> flags, byte[] input, byte[] baseInput) {
      this.dir = dir;
      this.type = type;
      this.flags = flags;
      this.input = input;
      this.baseInput = baseInput;
      this.map = dir.resolve("m").toString();
      this.db = dir.resolve("m.db");
    }

    List<String> check() throws IOException {
      Path base = dir.resolve("base.db");
      if (baseInput != null) {
        Oracle.Result b = Oracle.makemap(dir, baseFlags(), type, map, baseInput);
        assertThat(b.exit()).as("base map: %s", b.stderr()).isIn(0, 65);
        Files.move(db, base);
      }
      List<String> problems = new ArrayList<>();

      restore(base);
      Oracle.Result real = Oracle.makemap(dir, flags, type, map, input);
      realExit = real.exit();
      Path realDb = moveAside("real.db");

      restore(base);
      List<String> args = new ArrayList<>(List.of("makemap"));
      args.addAll(flags);
      args.add(type);
      args.add(map);
      Cli.Run ours = Cli.runWithStdin(input, args.toArray(String[]::new));
      Path ourDb = moveAside("ours.db");

      differ(problems, "exit status", List.of(String.valueOf(ours.exit())),
          List.of(String.valueOf(real.exit())));
      differ(problems, "stderr", CompileFixtures.lines(ours.err()), CompileFixtures.lines(CompileFixtures.utf8(real.stderr())));
      differ(problems, "stdout (-v)", CompileFixtures.lines(ours.out()),
          CompileFixtures.lines(new String(real.stdoutBytes(), StandardCharsets.UTF_8)));
      differ(problems, "file exists", List.of(String.valueOf(ourDb != null)),
          List.of(String.valueOf(realDb != null)));
      if (ourDb == null || realDb == null) {
        return problems;
      }
      differ(problems, "owner:group mode", List.of(ownership(ourDb)), List.of(ownership(realDb)));
      List<String> realContent = makemapDump(realDb);
      List<String> ourContent = makemapDump(ourDb);
      boolean ordered = type.equals("btree");
      differ(problems, "content (makemap -u" + (ordered ? "" : ", sorted") + ")",
          ordered ? ourContent : CompileFixtures.sorted(ourContent), ordered ? realContent : CompileFixtures.sorted(realContent));
      List<String> dumpArgs = new ArrayList<>(List.of("makemap"));
      dumpArgs.addAll(dumpFlags());
      dumpArgs.add(type);
      dumpArgs.add(realDb.toString().replaceFirst("\\.db$", ""));
      Cli.Run ourDump = Cli.run(dumpArgs.toArray(String[]::new));
      differ(problems, "accessctl makemap -u of makemap's file (file order)",
          CompileFixtures.lines(ourDump.out()), realContent);
      return problems;
    }

    /** The base map for -o is built with the flags that shape its records. */
    private List<String> baseFlags() {
      List<String> out = new ArrayList<>();
      for (String f : List.of("N", "d", "f")) {
        if (flags.stream().anyMatch(a -> a.matches("-\\w*" + f + "\\w*"))) {
          out.add("-" + f);
        }
      }
      return out;
    }

    private List<String> dumpFlags() {
      List<String> out = new ArrayList<>(List.of("-u"));
      for (int i = 0; i < flags.size(); i++) {
        if (flags.get(i).equals("-t")) {
          out.add("-t");
          out.add(flags.get(i + 1));
        } else if (flags.get(i).startsWith("-t") && flags.get(i).length() > 2) {
          out.add(flags.get(i));
        }
      }
      return out;
    }

    private List<String> makemapDump(Path file) {
      List<String> args = dumpFlags();
      Oracle.Result r = Oracle.makemap(dir, args, type,
          file.toString().replaceFirst("\\.db$", ""), new byte[0]);
      assertThat(r.exit()).as("makemap -u %s: %s", file, r.stderr()).isZero();
      return CompileFixtures.lines(new String(r.stdoutBytes(), StandardCharsets.UTF_8));
    }

    private void restore(Path base) throws IOException {
      if (baseInput != null) {
        Files.copy(base, db, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }

    private Path moveAside(String name) throws IOException {
      if (!Files.exists(db)) {
        return null;
      }
      return Files.move(db, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static String ownership(Path p) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, "unix:uid,gid,mode",
        LinkOption.NOFOLLOW_LINKS);
    return a.get("uid") + ":" + a.get("gid") + " " + Integer.toOctalString((Integer) a.get("mode"));
  }

  private static void differ(List<String> problems, String what, List<String> ours,
      List<String> real) {
    if (ours.equals(real)) {
      return;
    }
    int i = 0;
    while (i < ours.size() && i < real.size() && ours.get(i).equals(real.get(i))) {
      i++;
    }
    problems.add("  " + what + " differ at #" + i + " (accessctl " + ours.size() + ", makemap "
        + real.size() + ")\n    accessctl: " + (i < ours.size() ? show(ours.get(i)) : "(none)")
        + "\n    makemap:   " + (i < real.size() ? show(real.get(i)) : "(none)"));
  }

  private static String describe(long seed, int i, Case c, String why) throws IOException {
    Files.createDirectories(FAILURES);
    Path saved = FAILURES.resolve("seed" + seed + "-case" + i + ".txt");
    Files.write(saved, c.input);
    String text = AccessGen.escape(c.input);
    return "case " + i + " of seed " + seed + ": makemap "
        + c.flags.stream().map(f -> "'" + f + "'").collect(Collectors.joining(" ")) + " "
        + c.type + " MAP < " + saved + (c.baseInput == null ? "" : " (onto a base map)") + "\n"
        + why + "\n  input (" + c.input.length + " bytes):\n"
        + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
  }

  private static String show(String s) {
    return AccessGen.escape(s.getBytes(StandardCharsets.UTF_8));
  }

}
