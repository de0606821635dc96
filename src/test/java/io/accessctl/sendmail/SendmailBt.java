package io.accessctl.sendmail;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.testutil.Oracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives sendmail's check rulesets in address test mode, many cases in one process: each case
 * sets the macros its ruleset reads ({@code .D{server_name}…}), calls the ruleset the way sendmail
 * does (arguments joined with {@code $|} through the MkBar helper), and ends with
 * {@code /map access marker-N}, which splits the {@code -d38.20} output per case. From each part
 * it takes the {@code db_map_lookup(access, KEY)} lines and the ruleset's {@code returns:} line.
 */
final class SendmailBt {
  private SendmailBt() {}

  /** One case: the query for accessctl and the session it runs in. */
  record Case(Query query, Map<String, String> macros, String verify, String rate) {
    Tag tag() {
      return query.tag();
    }
  }

  /** What sendmail printed for one case. */
  record Observed(List<String> keys, String returns, String raw) {}

  private static final Pattern LOOKUP = Pattern.compile("db_map_lookup\\(access, (.*)\\)$");
  private static final Pattern RETURNS = Pattern.compile("^(?:> )*(\\S+)\\s+returns: ?(.*)$");

  static Case newCase(Tag tag, String name, String addr, LookupGen g) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : List.of("client_name", "client_addr", "server_name", "server_addr",
        "cipher_bits", "auth_ssf", "cn_subject", "cert_subject", "cert_issuer", "client_rate",
        "client_connections", "verify")) {
      m.put(k, "");
    }
    Query q = Query.of(tag, name, Optional.of(addr)).asLiteral();
    String verify = "NO";
    String rate = Integer.toString(g.nextInt(20));
    switch (tag.name()) {
      case "Try_TLS", "TLS_Srv", "AuthInfo" -> {
        m.put("server_name", name);
        m.put("server_addr", addr);
      }
      case "Srv_Features", "TLS_Clt" -> {
        m.put("client_name", name);
        m.put("client_addr", addr);
      }
      case "Clt_Features" -> {
        // 8.17.1 reads the inbound client; 8.17.2+ the server name passed to the ruleset.
        String inName = g.nextInt(3) == 0 ? "" : g.host();
        String inAddr = inName.isEmpty() && g.nextInt(2) == 0 ? "" : g.address();
        m.put("client_name", inName);
        m.put("client_addr", inAddr);
        q = q.withInbound(inName, inAddr);
      }
      case "ClientRate" -> {
        m.put("client_addr", addr);
        m.put("client_rate", rate);
      }
      case "ClientConn" -> {
        m.put("client_addr", addr);
        m.put("client_connections", rate);
      }
      case "From", "Spam" -> verify = "OK";
      default -> { }
    }
    if (List.of("TLS_Srv", "TLS_Clt", "TLS_Rcpt").contains(tag.name())) {
      verify = g.pick("OK", "TRUSTED", "NO", "FAIL", "NONE", "CLEAR", "SOFTWARE", "NOT");
      m.put("cipher_bits", g.pick("", "0", "56", "112", "128", "256"));
      m.put("server_name", tag.name().equals("TLS_Rcpt") ? g.host() : m.get("server_name"));
      m.put("cn_subject", g.pick("", name, "x.example", "mx.example"));
    }
    if (tag.name().equals("From") || tag.name().equals("Spam")) {
      m.put("cipher_bits", "256");
    }
    m.put("verify", verify);
    return new Case(q, m, verify, rate);
  }

  /** The ruleset call for a case (after its macros). */
  static String call(Case c) {
    String n = c.query().name();
    String a = c.query().addr().orElse("");
    return switch (c.tag().name()) {
      case "Try_TLS" -> "try_tls x";
      case "AuthInfo" -> "authinfo x";
      case "Srv_Features" -> "srv_features x";
      case "Clt_Features" -> "clt_features " + (n.isEmpty() ? "x" : n);
      case "TLS_Srv" -> "tls_server " + c.verify();
      case "TLS_Clt" -> "MkBar,tls_client " + c.verify() + " = MAIL";
      case "TLS_Rcpt" -> "tls_rcpt " + n;
      case "Connect" -> "MkBar,Basic_check_relay " + n + " = " + a;
      case "GreetPause" -> "MkBar,greet_pause " + n + " = " + a;
      case "ClientRate" -> "RateControl x";
      case "ClientConn" -> "ConnControl x";
      case "From" -> "Basic_check_mail <" + n + ">";
      case "To" -> "Rcpt_ok " + n;
      case "Spam" -> "check_rcpt " + n;
      default -> throw new IllegalArgumentException(c.tag().name());
    };
  }

  /** The ruleset whose returns line is the answer. */
  static String ruleset(Tag tag) {
    return switch (tag.name()) {
      case "Try_TLS" -> "try_tls";
      case "AuthInfo" -> "authinfo";
      case "Srv_Features" -> "srv_features";
      case "Clt_Features" -> "clt_features";
      case "TLS_Srv" -> "tls_server";
      case "TLS_Clt" -> "tls_client";
      case "TLS_Rcpt" -> "tls_rcpt";
      case "Connect" -> "Basic_check_relay";
      case "GreetPause" -> "greet_pause";
      case "ClientRate" -> "RateControl";
      case "ClientConn" -> "ConnControl";
      case "From" -> "Basic_check_mail";
      case "To" -> "Rcpt_ok";
      case "Spam" -> "check_rcpt";
      default -> throw new IllegalArgumentException(tag.name());
    };
  }

  /** Runs every case in one sendmail process and splits its output per case. */
  static List<Observed> run(Path cf, List<Case> cases) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      c.macros().forEach((k, v) -> in.append(".D{").append(k).append('}').append(v).append('\n'));
      in.append(call(c)).append('\n');
      in.append("/map access marker-").append(i).append('\n');
    }
    Oracle.Result r = Oracle.sendmailBt(cf, in.toString(), "-d38.20");
    String[] lines = r.stdout().split("\n");
    List<Observed> out = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> returns = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    int next = 0;
    for (String line : lines) {
      if (line.contains("(marker-" + next + ")")) {
        String want = ruleset(cases.get(next).tag());
        String prefix = want.length() > 16 ? want.substring(0, 16) : want;
        String ret = null;
        for (String rl : returns) {
          Matcher m = RETURNS.matcher(rl);
          if (m.find() && m.group(1).equals(prefix)) {
            ret = m.group(2).strip();
          }
        }
        out.add(new Observed(filter(cases.get(next).tag(), keys), ret, raw.toString()));
        keys = new ArrayList<>();
        returns = new ArrayList<>();
        raw.setLength(0);
        next++;
        continue;
      }
      raw.append(line).append('\n');
      Matcher m = LOOKUP.matcher(line);
      if (m.find()) {
        keys.add(m.group(1));
      }
      if (line.contains("returns:")) {
        returns.add(line);
      }
    }
    if (out.size() != cases.size()) {
      throw new AssertionError("sendmail answered " + out.size() + " of " + cases.size()
          + " cases; stderr: " + r.stderr());
    }
    return out;
  }

  /** Keys of other checks that the ruleset makes on the way (tls_client inside check_mail, …). */
  private static List<String> filter(Tag tag, List<String> keys) {
    return switch (tag.name()) {
      case "From" -> keys.stream().filter(k -> !k.toLowerCase(Locale.ROOT).startsWith("tls_clt:"))
          .toList();
      case "Spam" -> keys.stream().filter(k -> k.toLowerCase(Locale.ROOT).startsWith("spam:"))
          .toList();
      default -> keys;
    };
  }

  static Tag tag(String name) {
    return Catalog.stock().find(name).orElseThrow();
  }
}
