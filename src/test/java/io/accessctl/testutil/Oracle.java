package io.accessctl.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The real tools (makemap, sendmail, db5.3_*, cdb) as test oracles.
 *
 * <p>Tests that use them carry {@code @Tag("oracle")} and call {@link #require(String...)} first.
 * Locally a missing tool skips the test with a visible message; under CI (environment variable
 * {@code CI} set) a missing tool fails it, because CI must always run the oracle tests.
 */
public final class Oracle {
  public static final String MAKEMAP = "/usr/sbin/makemap";
  public static final String SENDMAIL = "/usr/sbin/sendmail";
  public static final String DB_VERIFY = "/usr/bin/db5.3_verify";
  public static final String DB_DUMP = "/usr/bin/db5.3_dump";
  public static final String DB_LOAD = "/usr/bin/db5.3_load";
  public static final String CDB = "/usr/bin/cdb";
  public static final String STOCK_CF = "/etc/mail/sendmail.cf";

  private Oracle() {}

  /** Skips (locally) or fails (CI) the calling test unless every named program exists. */
  public static void require(String... programs) {
    List<String> missing = new ArrayList<>();
    for (String p : programs) {
      if (!Files.isExecutable(Path.of(p)) && !Files.isReadable(Path.of(p))) {
        missing.add(p);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String msg = "oracle test needs " + missing + " (apt-get install sendmail-bin sendmail-cf"
        + " db5.3-util tinycdb; see .ci/run)";
    if (System.getenv("CI") != null) {
      fail("CI must run oracle tests, but " + msg);
    }
    System.err.println("SKIPPED: " + msg);
    Assumptions.abort(msg);
  }

  /** The outcome of one run of a real tool. */
  public record Result(int exit, byte[] stdoutBytes, String stderr) {
    public String stdout() {
      return new String(stdoutBytes, StandardCharsets.ISO_8859_1);
    }
  }

  public static Result run(List<String> command, byte[] stdin) {
    return run(command, stdin, null, Map.of());
  }

  /** Runs a command to completion (at most five minutes), feeding stdin and collecting both outputs. */
  public static Result run(List<String> command, byte[] stdin, Path dir, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    return run(pb, 5, p -> {
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      } catch (IOException broken) {
        // the tool may exit before reading all input; its exit status tells the story
      }
      return out::join;
    });
  }

  /** What a run does with a started process: its standard output, read once the process ends. */
  private interface Conversation {
    Supplier<byte[]> talk(Process p) throws IOException;
  }

  private static Result run(ProcessBuilder pb, int minutes, Conversation conversation) {
    try {
      Process p = pb.start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      Supplier<byte[]> out = conversation.talk(p);
      if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail("timed out: " + pb.command());
      }
      return new Result(p.exitValue(), out.get(), new String(err.join(), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code makemap [flags] TYPE MAP < input}, run in {@code dir}. */
  public static Result makemap(Path dir, List<String> flags, String type, String map, byte[] input) {
    List<String> cmd = new ArrayList<>();
    cmd.add(MAKEMAP);
    cmd.addAll(flags);
    cmd.add(type);
    cmd.add(map);
    return run(cmd, input, dir, Map.of());
  }

  /**
   * A copy of the stock sendmail.cf whose access map is {@code mapPath} (without ".db" for hash and
   * btree, as in a K line) of the given class, plus the MkBar helper ruleset for "$|" arguments.
   */
  public static Path testCf(Path dir, String mapClass, String mapPath) throws IOException {
    String cf = Files.readString(Path.of(STOCK_CF), StandardCharsets.ISO_8859_1);
    String replaced = cf.replaceAll("(?m)^Kaccess .*$",
        java.util.regex.Matcher.quoteReplacement("Kaccess " + mapClass + " -T<TMPF> " + mapPath));
    replaced += "\nSMkBar\nR$* = $*\t\t$: $1 $| $2\n";
    Path out = dir.resolve("test.cf");
    Files.writeString(out, replaced, StandardCharsets.ISO_8859_1);
    return out;
  }

  /**
   * Runs {@code sendmail -bt -C cf [extra]} in a private UTS namespace with a qualified host name,
   * so that sendmail does not sleep 60 s looking for one.
   */
  public static Result sendmailBt(Path cf, String input, String... extra) {
    List<String> cmd = new ArrayList<>(List.of("unshare", "-u", "sh", "-c",
        "hostname \"$(hostname | cut -d. -f1).localdomain\" && exec \"$0\" -bt -C \"$@\"",
        SENDMAIL, cf.toString()));
    cmd.addAll(List.of(extra));
    return run(cmd, input.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Builds {@code map} with makemap in {@code dir}, points a copy of the stock cf at it and runs
   * the {@code -bt} commands of each case through one sendmail with {@code -d38.20}, so that every
   * key handed to the map is printed. Cases are separated by {@code /map access marker-N} lines;
   * the result holds each case's output.
   */
  public static List<String> btCases(Path dir, String map, String... cases) throws IOException {
    require(SENDMAIL, MAKEMAP, STOCK_CF);
    Path cf = testCfWithMap(dir, map);
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < cases.length; i++) {
      in.append(cases[i]).append("\n/map access marker-").append(i).append('\n');
    }
    Result r = sendmailBt(cf, in.toString(), "-d38.20");
    String[] parts = r.stdout().split("map_lookup: access \\(marker-\\d+\\)");
    org.assertj.core.api.Assertions.assertThat(parts)
        .as("sendmail output: %s%s", r.stdout(), r.stderr()).hasSize(cases.length + 1);
    return List.of(parts).subList(0, cases.length);
  }

  /** {@code map} built by makemap in {@code dir}, and a copy of the stock cf that reads it. */
  public static Path testCfWithMap(Path dir, String map) throws IOException {
    Result made = makemap(dir, List.of(), "hash", "access",
        map.getBytes(StandardCharsets.ISO_8859_1));
    org.assertj.core.api.Assertions.assertThat(made.exit()).as("makemap: %s", made.stderr())
        .isZero();
    return testCf(dir, "hash", dir.resolve("access").toString());
  }

  /**
   * One SMTP session with {@code sendmail -bs -C cf [extra]}, started like {@link #sendmailBt}:
   * each command is sent with CRLF once the reply to the one before (the first once the greeting)
   * has come, as a real client does. The client address of such a session is "0", its name
   * localhost.
   *
   * @return sendmail's replies (and, with -d flags, its trace) as one text
   */
  public static Result smtpSession(Path cf, List<String> commands, String... extra) {
    List<String> cmd = new ArrayList<>(List.of("unshare", "-u", "sh", "-c",
        "hostname \"$(hostname | cut -d. -f1).localdomain\" && exec \"$0\" -bs -C \"$@\"",
        SENDMAIL, cf.toString()));
    cmd.addAll(List.of(extra));
    return run(new ProcessBuilder(cmd), 1, p -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream r = p.getInputStream(); OutputStream w = p.getOutputStream()) {
        // Each command only after the reply to the one before: sendmail answers a client that
        // talks before its greeting with "554 SMTP protocol error", however loaded the machine.
        boolean open = replyLines(r, out);
        for (int i = 0; i < commands.size() && open; i++) {
          w.write((commands.get(i) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          w.flush();
          open = replyLines(r, out);
        }
        r.transferTo(out);
      }
      return out::toByteArray;
    });
  }

  /**
   * Copies lines (debug output included) up to the last line of an SMTP reply ("NNN text");
   * false at the end of the output.
   */
  private static boolean replyLines(InputStream r, ByteArrayOutputStream out) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = r.read(); b >= 0; b = r.read()) {
      line.write(b);
      if (b == '\n') {
        byte[] l = line.toByteArray();
        out.write(l, 0, l.length);
        line.reset();
        if (l.length >= 4 && Character.isDigit(l[0]) && Character.isDigit(l[1])
            && Character.isDigit(l[2]) && (l[3] == ' ' || l[3] == '\r')) {
          return true;
        }
      }
    }
    out.write(line.toByteArray(), 0, line.size());
    return false;
  }

  /**
   * A live SMTP session ({@link #smtpSession} without debug flags): the greeting and every
   * reply, multi-line replies joined by line breaks, CRs dropped.
   */
  public static List<String> sendmailBs(Path cf, List<String> commands) {
    List<String> replies = new ArrayList<>();
    StringBuilder reply = new StringBuilder();
    for (String line : smtpSession(cf, commands).stdout().split("\r?\n")) {
      reply.append(reply.length() == 0 ? "" : "\n").append(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        replies.add(reply.toString());
        reply.setLength(0);
      }
    }
    return replies;
  }

}
