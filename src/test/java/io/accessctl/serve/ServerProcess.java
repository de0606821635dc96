package io.accessctl.serve;

import io.accessctl.testutil.Oracle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code accessctl serve} as a process of its own, for what only a process can show: SIGTERM,
 * kill -9, JE's one-writer lock, and which classes a command loads.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("^accessctl: serving .* on (\\S+)$");

  private final Process process;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();
  private final List<Endpoint> endpoints = new ArrayList<>();

  private ServerProcess(Process process) {
    this.process = process;
  }

  /** The java command that runs accessctl's Main from the test class path. */
  public static List<String> java(String... jvmOptions) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx256m"));
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-cp", cp, "io.accessctl.cli.Main"));
    return cmd;
  }

  /** Runs {@code accessctl ARGS} to completion in a JVM of its own. */
  public static Oracle.Result run(List<String> jvmOptions, String... args) {
    List<String> cmd = java(jvmOptions.toArray(String[]::new));
    cmd.addAll(List.of(args));
    return Oracle.run(cmd, new byte[0], null, Map.of());
  }

  /**
   * Starts {@code accessctl serve ARGS} and waits until it says where it listens (or fails).
   */
  public static ServerProcess start(String... args) throws IOException, InterruptedException {
    return start(java(), args);
  }

  /**
   * Starts {@code accessctl serve ARGS} with {@code accessctl}, the command that runs Main (as
   * another user, say), and waits until it says where it listens (or fails).
   */
  public static ServerProcess start(List<String> accessctl, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(accessctl);
    cmd.add("serve");
    cmd.addAll(List.of(args));
    ServerProcess sp = new ServerProcess(new ProcessBuilder(cmd).start());
    sp.pump(sp.process.getErrorStream(), sp.err);
    sp.pump(sp.process.getInputStream(), sp.out);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      synchronized (sp.out) {
        sp.endpoints.clear();
        for (String line : sp.out.toString().split("\n")) {
          Matcher m = SERVING.matcher(line);
          if (m.matches()) {
            sp.endpoints.add(Endpoint.parse(m.group(1)));
          }
        }
        if (!sp.endpoints.isEmpty() && sp.out.indexOf("postfix:") >= 0) {
          return sp;
        }
      }
      if (!sp.process.isAlive()) {
        break;
      }
      Thread.sleep(20);
    }
    sp.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    throw new IllegalStateException("serve did not start: exit "
        + (sp.process.isAlive() ? "none" : sp.process.exitValue()) + "\n" + sp.out + sp.err);
  }

  private void pump(java.io.InputStream in, StringBuffer into) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (into) {
            into.append(line).append('\n');
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    t.setDaemon(true);
    t.start();
  }

  public Endpoint endpoint() {
    return endpoints.get(0);
  }

  public List<Endpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  public String stdout() {
    return out.toString();
  }

  public String stderr() {
    return err.toString();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM; returns the exit status (143 for a JVM that stopped on the signal). */
  public int terminate() throws InterruptedException, IOException {
    // Not Process.destroy(): it closes our ends of the pipes, losing what the server says last.
    new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("serve did not stop on SIGTERM within 20 s");
    }
    Thread.sleep(100); // let the pumps take the last lines
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no clean close of the store. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
