package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfLines;
import io.accessctl.testutil.AccessGen;
import io.accessctl.testutil.Oracle;
import io.accessctl.testutil.RealCfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the engine against {@code sendmail -bt -d38.20} on real cfs: Debian's own
 * sendmail.cf, cfs built by m4 from sendmail-cf with feature combinations, one with
 * LOCAL_RULESETS that look the access map up, and a hand-edited one. For the rulesets admins ask
 * about (try_tls, srv_features, clt_features, check_relay, greet_pause, check_mail, check_rcpt)
 * on seeded random clients, senders and recipients, every ruleset's input and result, nested
 * calls included, and every key handed to the access map must be sendmail's, in order.
 */
@Tag("oracle")
class CfRulesetsOracleTest {
  private static final int QUESTIONS = 100;
  private static final String[] HOSTS = {"mail.example.com", "example.com", "spam.example.net",
      "vm.localdomain", "relay.example.org", "unknown"};
  private static final String[] ADDRS = {"192.0.2.1", "192.0.2.77", "198.51.100.9", "127.0.0.1",
      "IPv6:2001:db8::1", "10.1.2.3"};
  private static final String[] USERS = {"alice@example.com", "<bob@spam.example.net>",
      "<>", "carol@vm.localdomain", "postmaster", "dave@relay.example.org", "<a@[192.0.2.1]>"};
  private static final String ACCESS = String.join("\n",
      "Connect:192.0.2.1\tREJECT", "Connect:spam.example.net\tDISCARD", "Connect:10\tOK",
      "Connect:example.com\tRELAY", "From:spam.example.net\tREJECT", "From:alice@\tOK",
      "To:example.com\tRELAY", "To:postmaster@\tOK", "Spam:postmaster@\tFRIEND",
      "Try_TLS:relay.example.org\tNO", "Srv_Features:192.0.2\tV", "Clt_Features:example.com\tS",
      "GreetPause:192.0.2.77\t0", "GreetPause:\t5000", "ClientRate:127.0.0.1\t0",
      "ClientConn:192.0.2\t10", "Site:mail.example.com\tREJECT", "example.net\tREJECT", "");
  private static final String[] CHECKS = {"try_tls", "srv_features", "clt_features",
      "check_relay", "greet_pause", "check_mail", "check_rcpt", "tls_client", "tls_server"};

  @TempDir Path dir;

  @Test
  void realCfsDecideAsSendmailDoes() throws Exception {
    RealCfs.require();
    long seed = AccessGen.seed();
    System.out.println("CfRulesetsOracleTest seed " + seed + " (" + AccessGen.replayHint(seed)
        + ")");
    Path map = dir.resolve("access");
    Oracle.Result mm = Oracle.makemap(dir, List.of(), "hash", map.toString(),
        (ACCESS + "\n").getBytes(StandardCharsets.ISO_8859_1));
    assertThat(mm.exit()).as(mm.stderr()).isZero();
    Map<String, Path> cfs = RealCfs.build(dir, map);

    Settings settings = RealCfs.sendmailNames();
    int total = 0;
    int index = 0;
    for (Map.Entry<String, Path> cf : cfs.entrySet()) {
      Random rnd = new Random(AccessGen.caseSeed(seed, index++));
      total += check(cf.getKey(), cf.getValue(), settings, rnd, seed);
    }
    System.out.println("CfRulesetsOracleTest: " + total + " questions on " + cfs.size()
        + " cfs agreed with sendmail -bt");
  }

  private int check(String name, Path cf, Settings settings, Random rnd, long seed)
      throws Exception {
    RuleBook book = Compiler.compile(CfLines.read(cf), settings);
    Engine engine = new Engine(book);
    BtTranscript mine = new BtTranscript();
    StringBuilder input = new StringBuilder();
    List<String> asked = new ArrayList<>();
    for (int q = 0; q < QUESTIONS; q++) {
      Map<String, String> macros = new LinkedHashMap<>();
      macros.put("{client_name}", HOSTS[rnd.nextInt(HOSTS.length)]);
      macros.put("{client_addr}", ADDRS[rnd.nextInt(ADDRS.length)]);
      macros.put("{client_ptr}", HOSTS[rnd.nextInt(HOSTS.length)]);
      macros.put("{client_resolve}", rnd.nextBoolean() ? "OK" : "FAIL");
      macros.put("{server_name}", HOSTS[rnd.nextInt(HOSTS.length)]);
      macros.put("{server_addr}", ADDRS[rnd.nextInt(ADDRS.length)]);
      macros.put("{mail_from}", USERS[rnd.nextInt(USERS.length)]);
      macros.put("{verify}", rnd.nextBoolean() ? "OK" : "NONE");
      macros.put("f", USERS[rnd.nextInt(USERS.length)]);
      for (Map.Entry<String, String> m : macros.entrySet()) {
        input.append(".D").append(m.getKey()).append(m.getValue()).append('\n');
        mine.prompt();
      }
      String check = CHECKS[rnd.nextInt(CHECKS.length)];
      String address = switch (check) {
        case "check_relay" -> macros.get("{client_name}") + " = " + macros.get("{client_addr}");
        case "try_tls", "srv_features" -> macros.get("{server_name}");
        case "clt_features", "greet_pause" -> macros.get("{client_name}");
        case "tls_client", "tls_server" -> macros.get("{verify}") + " = MAIL";
        default -> USERS[rnd.nextInt(USERS.length)];
      };
      String rulesets = address.contains(" = ") ? "MkBar," + check : check;
      String line = rulesets + " " + address;
      input.append(line).append('\n');
      asked.add(line);
      mine.prompt();
      List<String> tokens = new ArrayList<>();
      for (String a : Engine.addresses(address)) {
        tokens.addAll(engine.inputTokens(a));
      }
      engine.run(rulesets, tokens, macros, mine);
    }
    Oracle.Result bt = Oracle.sendmailBt(cf, input.toString(), "-d38.20");
    List<String> theirs = BtTranscript.ofSendmail(bt.stdout());
    List<String> ours = mine.lines.stream().map(String::stripTrailing).toList();
    int n = Math.min(ours.size(), theirs.size());
    for (int i = 0; i < n; i++) {
      if (!ours.get(i).equals(theirs.get(i))) {
        long prompts = ours.subList(0, i).stream().filter(BtTranscript.PROMPT::equals).count();
        throw new AssertionError(name + " (" + cf + ", seed " + seed + "), question "
            + asked.get((int) Math.max(0, prompts / 10 - (prompts % 10 == 0 ? 1 : 0)))
            + ":\n ours:     " + ours.get(i) + "\n sendmail: " + theirs.get(i)
            + "\n before: " + ours.subList(Math.max(0, i - 6), i));
      }
    }
    assertThat(theirs.size()).as(name).isEqualTo(ours.size() + 1);
    return QUESTIONS;
  }
}
