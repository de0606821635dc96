package io.accessctl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cli.Cli;
import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's sendmail.cf with its access map on our server ({@code Kaccess socket -T<TMPF>
 * local:…}) answers randomized try_tls, srv_features and clt_features cases exactly as the same
 * cf with a hash db built by makemap from the same text; a push while sendmail runs switches its
 * answers from one map to the other between two cases.
 */
@Tag("oracle")
class ServeOracleTest {
  private static final String[] DOMAINS = {
    "example.com", "bagoona.com", "mail.example.org", "example.net", "tls.example",
  };
  private static final String[] LABELS = {"mx", "mx1", "smtp", "a", "relay", "luna", "mx2"};
  private static final String[] NETS = {"192.0.2", "198.51.100", "10.1", "10.1.2", "203.0.113"};
  /** Srv_Features letters of 8.17.1 and a few it ignores. */
  private static final String LETTERS = "ABCDEHLNPRSVXMZ";
  private static final int CASES = 150;

  @TempDir
  Path dir;

  @Test
  void sendmailGetsTheAnswersOfAHashDbAndAPushSwitchesThemBetweenTwoCases() throws Exception {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, Oracle.STOCK_CF);
    long seed = AccessGen.seed();
    try {
      run(seed);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(AccessGen.replayHint(seed), e);
    }
  }

  /**
   * The same with the store a three-member replication group and sendmail on a replica's socket:
   * pushes made on another member reach the replica sendmail asks.
   */
  @Test
  void sendmailOnAReplicaGetsTheAnswersOfAHashDb() throws Exception {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, Oracle.STOCK_CF);
    long seed = AccessGen.seed();
    try (GroupNodes g = new GroupNodes(Files.createDirectories(dir.resolve("group")), 3)) {
      g.startAll();
      int master = g.awaitMaster();
      int asked = g.replica(master);
      int pushedOn = 3 - master - asked;
      run(seed, new Served() {
        @Override
        public Path socket() {
          return g.socket(asked);
        }

        @Override
        public void push(Path source, String text) throws Exception {
          Cli.Run r = g.push(pushedOn, source);
          assertThat(r.exit()).as(r.err()).isZero();
          // acknowledged by a majority: the asked replica may apply it a moment later
          for (String line : text.split("\n")) {
            String[] kv = line.split("\t", 2);
            g.awaitAnswer(asked, kv[0].toLowerCase(Locale.ROOT),
                Reply.ok(kv[1].getBytes(StandardCharsets.ISO_8859_1)));
          }
        }

        @Override
        public String log() {
          return g.logs();
        }

        @Override
        public void close() {
          g.close();
        }
      });
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(AccessGen.replayHint(seed), e);
    }
  }

  /** Where sendmail's access map is served, and how a new map reaches it. */
  private interface Served extends AutoCloseable {
    Path socket();

    /** Pushes {@code source} (whose text is {@code text}); returns once the socket serves it. */
    void push(Path source, String text) throws Exception;

    String log();

    @Override
    void close();
  }

  /** One server on one store, as before the group. */
  private Served single(String store, Path sock) throws Exception {
    ServerProcess server = ServerProcess.start("--no-cf", "--store", store, "--socket",
        sock.toString());
    return new Served() {
      @Override
      public Path socket() {
        return sock;
      }

      @Override
      public void push(Path source, String text) {
        Cli.Run pushB = Cli.run("push", "--no-cf", "--store", store, source.toString());
        assertThat(pushB.exit()).as(pushB.err()).isZero();
        assertThat(pushB.out()).contains("through the running server");
      }

      @Override
      public String log() {
        return server.stderr();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  private void run(long seed) throws Exception {
    String store = dir.resolve("store").toString();
    Path sock = dir.resolve("s.sock");
    run(seed, null, store, sock);
  }

  private void run(long seed, Served group) throws Exception {
    run(seed, group, null, null);
  }

  /** With {@code group} null, one server on {@code store}, the map A pushed before it starts. */
  private void run(long seed, Served group, String store, Path singleSock) throws Exception {
    Random rnd = new Random(seed);
    String mapA = map(rnd);
    String mapB = map(rnd);
    // The same cases before and after the push, so that the switch shows in the answers.
    List<String> casesA = cases(rnd);
    List<String> casesB = casesA;
    List<String> hashA = hashAnswers("a", mapA, casesA);
    List<String> hashB = hashAnswers("b", mapB, casesB);
    assertThat(hashB).as("map B answers differently").isNotEqualTo(hashA);
    assertThat(String.join("", hashA)).as("the maps decide something")
        .contains("$# error").containsPattern("srv_features +returns: \\$# [A-Za-z]");

    Path srcA = Files.writeString(dir.resolve("access-a"), mapA, StandardCharsets.ISO_8859_1);
    Path srcB = Files.writeString(dir.resolve("access-b"), mapB, StandardCharsets.ISO_8859_1);
    if (group == null) {
      Cli.Run pushA = Cli.run("push", "--no-cf", "--store", store, srcA.toString());
      assertThat(pushA.exit()).as(pushA.err()).isZero();
    } else {
      group.push(srcA, mapA);
    }
    Path sock = group == null ? singleSock : group.socket();
    Path sockDir = Files.createDirectories(dir.resolve("socket"));
    Path cf = Oracle.testCf(sockDir, "socket", "local:" + sock);
    assertThat(Files.readString(cf, StandardCharsets.ISO_8859_1))
        .contains("\nKaccess socket -T<TMPF> local:" + sock + "\n");

    try (Served server = group != null ? group : single(store, sock)) {
      Process bt = sendmailBt(cf);
      StringBuffer out = new StringBuffer();
      Thread pump = pump(bt.getInputStream(), out);
      try (OutputStream in = bt.getOutputStream()) {
        in.write(script("a", casesA).getBytes(StandardCharsets.ISO_8859_1));
        in.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (out.indexOf("end-a") < 0 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertThat(out.indexOf("end-a")).as("sendmail answered batch A").isNotNegative();
        // sendmail keeps its connection open; the next case must see map B whole
        server.push(srcB, mapB);
        in.write(script("b", casesB).getBytes(StandardCharsets.ISO_8859_1));
      }
      assertThat(bt.waitFor(60, TimeUnit.SECONDS)).isTrue();
      pump.join(5000);
      String all = out.toString();
      assertThat(answers(all, "a")).as("batch A over the socket vs the hash db of map A")
          .isEqualTo(hashA);
      assertThat(answers(all, "b")).as("batch B over the socket vs the hash db of map B")
          .isEqualTo(hashB);
      assertThat(server.log()).contains("pushed " + srcB + " to map access: generation 2");
    }
  }

  /** A map of Try_TLS, Srv_Features and Clt_Features entries, keys unique after folding. */
  private static String map(Random rnd) {
    Map<String, String> entries = new LinkedHashMap<>();
    int n = 25 + rnd.nextInt(20);
    while (entries.size() < n) {
      int kind = rnd.nextInt(3);
      String tag = switch (kind) {
        case 0 -> "Try_TLS";
        case 1 -> "Srv_Features";
        default -> "Clt_Features";
      };
      String subject = switch (rnd.nextInt(kind == 0 ? 4 : 5)) {
        case 0 -> pick(rnd, DOMAINS);
        case 1 -> host(rnd);
        case 2 -> pick(rnd, NETS);
        case 3 -> address(rnd);
        default -> ""; // the bare-tag default
      };
      String value = kind == 0 ? (rnd.nextInt(4) == 0 ? "YES" : "NO") : letters(rnd);
      entries.putIfAbsent((tag + ":" + subject).toLowerCase(Locale.ROOT), tag + ":"
          + mixCase(rnd, subject) + "\t" + value);
    }
    return String.join("\n", entries.values()) + "\n";
  }

  private static String letters(Random rnd) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
      char c = LETTERS.charAt(rnd.nextInt(LETTERS.length()));
      tokens.add(String.valueOf(rnd.nextInt(4) == 0 ? Character.toLowerCase(c) : c));
    }
    return String.join(" ", tokens);
  }

  /** try_tls then srv_features and clt_features, each case ending in a marker lookup. */
  private static List<String> cases(Random rnd) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      StringBuilder sb = new StringBuilder();
      sb.append(".D{server_name}").append(mixCase(rnd, name(rnd))).append('\n')
          .append(".D{server_addr}").append(address(rnd)).append('\n')
          .append("try_tls x\n")
          .append(".D{client_name}").append(mixCase(rnd, name(rnd))).append('\n')
          .append(".D{client_addr}").append(address(rnd)).append('\n')
          .append("srv_features x\n")
          .append("clt_features x\n");
      out.add(sb.toString());
    }
    return out;
  }

  /**
   * A host name; now and then one so long that sendmail cuts the key to 256 bytes (of few long
   * labels: ruleset D recurses once a label, at most 50 times).
   */
  private static String name(Random rnd) {
    if (rnd.nextInt(15) == 0) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() < 240 + rnd.nextInt(60)) {
        sb.append(pick(rnd, LABELS).repeat(8 + rnd.nextInt(8))).append('.');
      }
      return sb + pick(rnd, DOMAINS);
    }
    return rnd.nextBoolean() ? host(rnd) : pick(rnd, DOMAINS);
  }

  private static String host(Random rnd) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
      sb.append(pick(rnd, LABELS)).append('.');
    }
    return sb + pick(rnd, DOMAINS);
  }

  private static String address(Random rnd) {
    StringBuilder sb = new StringBuilder(pick(rnd, NETS));
    int octets = sb.toString().split("\\.").length;
    for (int i = octets; i < 4; i++) {
      sb.append('.').append(rnd.nextInt(3));
    }
    return sb.toString();
  }

  private static String mixCase(Random rnd, String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(rnd.nextInt(5) == 0 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  private static String pick(Random rnd, String[] from) {
    return from[rnd.nextInt(from.length)];
  }

  private static String script(String batch, List<String> cases) {
    StringBuilder sb = new StringBuilder("/map access start-" + batch + "\n");
    for (int i = 0; i < cases.size(); i++) {
      sb.append(cases.get(i)).append("/map access case-").append(batch).append(i).append('\n');
    }
    return sb.append("/map access end-").append(batch).append('\n').toString();
  }

  /** Batch {@code batch} against a hash db of {@code map} built by makemap. */
  private List<String> hashAnswers(String batch, String map, List<String> cases)
      throws IOException {
    Path d = Files.createDirectories(dir.resolve("hash-" + batch));
    Oracle.Result mm = Oracle.makemap(d, List.of(), "hash", "access",
        map.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(mm.exit()).as(mm.stderr()).isZero();
    Path cf = Oracle.testCf(d, "hash", d.resolve("access").toString());
    Oracle.Result r = Oracle.sendmailBt(cf, script(batch, cases));
    assertThat(r.exit()).as(() -> r.stderr() + tail(r.stdout())).isZero();
    return answers(r.stdout(), batch);
  }

  /** The output of each case of one batch, split at the marker lookups. */
  private static List<String> answers(String output, String batch) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    for (String line : output.split("\n")) {
      if (line.contains("(start-" + batch + ")")) {
        cur = new StringBuilder();
      } else if (cur != null && line.contains("(case-" + batch)) {
        out.add(cur.toString());
        cur = new StringBuilder();
      } else if (cur != null && line.contains("(end-" + batch + ")")) {
        break;
      } else if (cur != null) {
        cur.append(line).append('\n');
      }
    }
    assertThat(out).as("cases answered in batch " + batch).hasSize(CASES);
    return out;
  }

  private static String tail(String s) {
    return s.substring(Math.max(0, s.length() - 2000));
  }

  private static Process sendmailBt(Path cf) throws IOException {
    return new ProcessBuilder("unshare", "-u", "sh", "-c",
        "hostname \"$(hostname | cut -d. -f1).localdomain\" && exec \"$0\" -bt -C \"$@\"",
        Oracle.SENDMAIL, cf.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static Thread pump(InputStream in, StringBuffer into) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buf)) > 0) {
          into.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
      } catch (IOException ignored) {
        // sendmail exited
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
