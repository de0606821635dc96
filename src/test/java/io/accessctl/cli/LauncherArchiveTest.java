package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive, made by the launcher itself from a jar of this build:
 * what a start reads from the archive is what it does not read from the jar, verify and link.
 * bench/startup.sh measures the time itself.
 */
class LauncherArchiveTest {
  @TempDir
  static Path build;

  static Path launcher = Path.of("accessctl").toAbsolutePath();

  /** The jar the launcher runs: the main classes and picocli, as mvn package puts them. */
  @BeforeAll
  static void jarAndArchive() throws Exception {
    try (JarOutputStream jar = new JarOutputStream(
        Files.newOutputStream(build.resolve("accessctl.jar")))) {
      Set<String> names = new HashSet<>();
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        Path p = Path.of(entry);
        if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))) {
          addTree(jar, p, names);
        } else if (p.getFileName().toString().startsWith("picocli-")) {
          addJar(jar, p, names);
        }
      }
    }
    Run v = launch(List.of(), "--version");
    assertThat(v.output()).startsWith("accessctl ");
    assertThat(build.resolve("accessctl.jsa")).exists();
  }

  @Test
  void picocliIsReadFromTheArchive() throws Exception {
    // A lambda that calls a picocli method makes the dump link that (old class-file version)
    // class, and JDK 17 then leaves it out of the archive.
    List<String> loaded = classesLoaded(launch(List.of("-Xlog:class+load=info"), "--help"));
    assertThat(loaded).contains("picocli.CommandLine source: shared objects file");
  }

  @Test
  void aLintOpensNoJdkModuleImage() throws Exception {
    // Every class comes from the archive; a resource looked up through the JDK's own loaders
    // would open the module image for that one question.
    Path access = build.resolve("access");
    Files.writeString(access, "Connect:192.0.2.1\tREJECT\nSpammer.Example\tREJECT\n");
    List<String> loaded = classesLoaded(launch(List.of("-Xlog:class+load=info"),
        "lint", "--no-cf", "--format", "json", access.toString()));
    assertThat(loaded).anyMatch(c -> c.startsWith("io.accessctl.cli.VersionProvider "));
    assertThat(loaded).noneMatch(c -> c.startsWith("jdk.internal.jimage."));
  }

  @Test
  void aLargeMapIsParsedInHalvesByArchivedCode() throws Exception {
    // more than a MiB: the parse's second half runs on a thread of its own, whose class the
    // sample runs must have loaded for the archive to hold it
    Path access = build.resolve("large-access");
    StringBuilder map = new StringBuilder();
    for (int i = 0; map.length() <= (1 << 20) + 1000; i++) {
      map.append("Connect:10.").append(i / 65536).append('.').append(i / 256 % 256).append('.')
          .append(i % 256).append("\tREJECT\n");
    }
    Files.writeString(access, map);
    Run r = launch(List.of("-Xlog:class+load=info"), "lint", "--no-cf", "--format", "gcc",
        access.toString());
    assertThat(r.exit()).isZero();
    assertThat(classesLoaded(r))
        .contains("io.accessctl.source.AccessParser$SecondHalf source: shared objects file");
  }

  @Test
  void aHookRunFindsWhatRunsGitInTheArchive() throws Exception {
    Path repo = build.resolve("repo");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("access"), "Connect:192.0.2.1\tREJECT\n");
    for (List<String> git : List.of(List.of("git", "init", "-q"), List.of("git", "add", "access"))) {
      assertThat(new ProcessBuilder(git).directory(repo.toFile()).inheritIO().start().waitFor())
          .isZero();
    }
    Run r = launch(List.of("-Xlog:class+load=info"), "hook", "run", "--repo", repo.toString());
    assertThat(r.exit()).isZero();
    assertThat(classesLoaded(r)).contains("io.accessctl.app.PreCommitHook source: shared objects file",
        "java.lang.ProcessBuilder source: shared objects file");
  }

  @Test
  void everyFormatAndAStagedLintFindOurClassesInTheArchive() throws Exception {
    Path repo = build.resolve("staged");
    Files.createDirectories(repo);
    Path access = repo.resolve("access");
    Files.writeString(access, "Connect:192.0.2.1\treject\nFrom:spammer.example REJECT # x\n");
    for (List<String> git : List.of(List.of("git", "init", "-q"), List.of("git", "add", "access"))) {
      assertThat(new ProcessBuilder(git).directory(repo.toFile()).inheritIO().start().waitFor())
          .isZero();
    }
    for (List<String> args : List.of(List.of("--format", "json", access.toString()),
        List.of("--format", "sarif", access.toString()), List.of("--staged", access.toString()))) {
      List<String> cmd = new ArrayList<>(List.of("lint", "--no-cf"));
      cmd.addAll(args);
      Run r = launch(List.of("-Xlog:class+load=info"), cmd.toArray(String[]::new));
      assertThat(r.exit()).as("%s", args).isIn(0, 1);
      assertThat(classesLoaded(r)).as("%s", args)
          .filteredOn(c -> c.startsWith("io.accessctl."))
          .isNotEmpty()
          .allMatch(c -> c.endsWith("source: shared objects file"));
    }
  }

  @Test
  void shortRunsCompileLessAndCollectWithG1() throws Exception {
    Path small = build.resolve("small-access");
    Files.writeString(small, "Connect:192.0.2.1\tREJECT\n");
    Path large = build.resolve("large-access-2");
    Files.writeString(large, "Connect:192.0.2.1\tREJECT\n".repeat(6000)); // 150 kB
    Path smallRepo = build.resolve("small-repo");
    Files.createDirectories(smallRepo.resolve("mail"));
    Files.copy(small, smallRepo.resolve("mail").resolve("access"));
    Path largeRepo = build.resolve("large-repo");
    Files.createDirectories(largeRepo);
    Files.copy(large, largeRepo.resolve("access"));
    List<String> flags = List.of("-XX:+PrintFlagsFinal");
    for (Run shortRun : List.of(launch(flags, "--version"),
        launch(flags, "lint", "--no-cf", small.toString()),
        launch(flags, "hook", "run", "--repo", smallRepo.toString()))) {
      assertThat(flag(shortRun, "CompileThresholdScaling")).isEqualTo("10.000000");
      assertThat(flag(shortRun, "UseG1GC")).isEqualTo("true");
    }
    for (Run longRun : List.of(
        launch(flags, "lint", "--no-cf", "--format", "gcc", small.toString(), large.toString()),
        launch(flags, "lint", "--no-cf", "-"),
        launch(flags, "hook", "run", "--repo=" + largeRepo))) {
      assertThat(flag(longRun, "CompileThresholdScaling")).isEqualTo("1.000000");
      assertThat(flag(longRun, "UseSerialGC")).isEqualTo("true");
    }
  }

  @Test
  void lintsAskForHugePagesWhereTheKernelGivesThem() throws Exception {
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean offered = Files.isReadable(thp) && !Files.readString(thp).contains("[never]");
    Path small = build.resolve("thp-access");
    Files.writeString(small, "Connect:192.0.2.1\tREJECT\n");
    Path large = build.resolve("thp-large-access");
    Files.writeString(large, "Connect:192.0.2.1\tREJECT\n".repeat(6000)); // 150 kB
    List<String> flags = List.of("-XX:+PrintFlagsFinal");
    Path repo = build.resolve("thp-repo");
    Files.createDirectories(repo);
    for (Run lint : List.of(launch(flags, "lint", "--no-cf", small.toString()),
        launch(flags, "lint", "--no-cf", large.toString()),
        launch(flags, "hook", "run", "--repo", repo.toString()))) {
      assertThat(flag(lint, "UseTransparentHugePages")).isEqualTo(String.valueOf(offered));
    }
    assertThat(flag(launch(flags, "--version"), "UseTransparentHugePages")).isEqualTo("false");
  }

  @Test
  void lintsOnHugePagesTakeSmallAllocationBuffers() throws Exception {
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean offered = Files.isReadable(thp) && !Files.readString(thp).contains("[never]");
    Path large = build.resolve("tlab-large-access");
    Files.writeString(large, "Connect:192.0.2.1\tREJECT\n".repeat(6000)); // 150 kB
    Path repo = build.resolve("tlab-repo");
    Files.createDirectories(repo);
    List<String> flags = List.of("-XX:+PrintFlagsFinal");
    for (Run lint : List.of(launch(flags, "lint", "--no-cf", large.toString()),
        launch(flags, "hook", "run", "--repo", repo.toString()))) {
      // without huge pages the JVM sizes them itself (0)
      assertThat(flag(lint, "TLABSize")).isEqualTo(offered ? "131072" : "0");
    }
  }

  @Test
  void theLaunchersJvmOptionsPrintNothingBeforeTheReport() throws Exception {
    // a CompileCommand prints a line to standard output unless told to be quiet
    Path access = build.resolve("json-access");
    Files.writeString(access, "Connect:192.0.2.1\tREJECT\n");
    Run r = launch(List.of(), "lint", "--no-cf", "--format", "json", access.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.output()).startsWith("{\"version\":");
  }

  /** A JVM flag's value, as -XX:+PrintFlagsFinal prints it. */
  private static String flag(Run r, String name) {
    return r.output().lines().filter(l -> l.matches("\\s*\\w+ " + name + " +=.*"))
        .map(l -> l.replaceFirst(".*= *(\\S+).*", "$1")).findFirst().orElse("none");
  }

  private static List<String> classesLoaded(Run r) {
    return r.output().lines().filter(l -> l.contains("[class,load]"))
        .map(l -> l.replaceFirst(".*\\[class,load\\] ", "")).toList();
  }

  record Run(int exit, String output) {}

  private static Run launch(List<String> javaOpts, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("ACCESSCTL_BUILD", "off");
    pb.environment().put("ACCESSCTL_BUILD_DIR", build.toString());
    pb.environment().remove("ACCESSCTL_CACHE_DIR");
    pb.environment().remove("ACCESSCTL_CDS");
    pb.environment().put("ACCESSCTL_JAVA_OPTS", String.join(" ", javaOpts));
    // the launcher's java is the one running these tests
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
        + System.getenv("PATH"));
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  private static void addTree(JarOutputStream jar, Path root, Set<String> names)
      throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        if (names.add(name)) {
          jar.putNextEntry(new JarEntry(name));
          Files.copy(f, jar);
          jar.closeEntry();
        }
      }
    }
  }

  private static void addJar(JarOutputStream jar, Path from, Set<String> names)
      throws IOException {
    try (JarFile in = new JarFile(from.toFile())) {
      for (JarEntry e : in.stream().toList()) {
        if (e.isDirectory() || e.getName().startsWith("META-INF/") || !names.add(e.getName())) {
          continue;
        }
        jar.putNextEntry(new JarEntry(e.getName()));
        try (var body = in.getInputStream(e)) {
          body.transferTo(jar);
        }
        jar.closeEntry();
      }
    }
  }
}
