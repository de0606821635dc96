package io.accessctl.sendmail;

import io.accessctl.catalog.TlsRequirement;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.Strtol;
import io.accessctl.tokens.TokenText;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a check in one canonical string, from accessctl's {@link Answer} and from
 * sendmail's {@code returns:} line, so the differential test can compare them.
 */
final class Verdicts {
  private Verdicts() {}

  /** accessctl's side. */
  static String expected(Answer a, SendmailBt.Case c, Rules rules) {
    String code = a.effect().code();
    List<String> v = a.value();
    boolean found = a.match().isPresent();
    String tag = a.query().tag().name();
    return switch (tag) {
      case "Try_TLS" -> code;
      case "Srv_Features", "Clt_Features" ->
          found ? "$# " + TokenText.print(v) : stuck(a) ? "stuck" : "OK";
      case "AuthInfo" -> found ? "$# " + TokenText.print(v) : "no";
      // tls_rcpt: "R$* $| <?> $@ OK" before TLS_connection looks at {verify}
      case "TLS_Rcpt" -> found ? TlsConnection.evaluate(TlsRequirement.ofWords(v),
          session(c, tag)) : "OK";
      case "TLS_Srv", "TLS_Clt" -> TlsConnection.evaluate(
          found ? TlsRequirement.ofWords(v) : Optional.empty(), session(c, tag));
      case "Connect", "From" -> action(a, code, v);
      case "GreetPause" -> found ? "$# " + TokenText.print(v) : stuck(a) ? "$|"
          : "$# " + rules.greetPauseDefault().orElseThrow();
      case "ClientRate", "ClientConn" -> {
        if (!found || Prescan.isWord(v, "0")) {
          yield "ok";
        }
        long limit = Strtol.parse(TokenText.join(v, '.'), 0);
        yield limit < Long.parseLong(c.rate()) ? "reject" : "ok";
      }
      case "To" -> code.equals("relay") ? "relay" : code.equals("reject")
          ? "error 5.2.1 \"550 Mailbox disabled for this recipient\""
          : code.equals("ignored") || code.equals("continue") ? "other" : action(a, code, v);
      case "Spam" -> code.equals("friend") ? "friend" : "other";
      default -> throw new IllegalArgumentException(tag);
    };
  }

  private static boolean stuck(Answer a) {
    return a.notes().stream().anyMatch(n -> n.startsWith("the address is empty"));
  }

  private static TlsConnection.Session session(SendmailBt.Case c, String tag) {
    String tlsName = switch (tag) {
      case "TLS_Clt" -> c.macros().get("client_name");
      default -> c.macros().get("server_name");
    };
    return new TlsConnection.Session(c.verify(), c.macros().get("cipher_bits"),
        c.macros().get("auth_ssf"), tlsName, c.macros().get("cn_subject"),
        c.macros().get("cert_subject"), c.macros().get("cert_issuer"));
  }

  private static String action(Answer a, String code, List<String> v) {
    if (code.equals("continue")) {
      return a.query().tag().name().equals("Connect")
          ? (stuck(a) || a.notes().stream().anyMatch(n -> n.contains("empty: the rules"))
              ? "other" : "ok") : "continue";
    }
    if (code.equals("accept")) {
      return "ok";
    }
    if (code.equals("relay")) {
      return "relay";
    }
    if (code.equals("reject") || code.equals("discard")) {
      return code;
    }
    if (code.equals("quarantine")) {
      return "quarantine " + TokenText.print(v.subList(2, v.size()));
    }
    if (code.startsWith("error ")) {
      return code + " " + TokenText.print(v.subList(8, v.size()));
    }
    if (code.equals("error")) {
      boolean keyword = v.size() >= 3 && v.get(0).equalsIgnoreCase("ERROR") && v.get(1).equals(":");
      return "error " + TokenText.print(keyword ? v.subList(2, v.size()) : v);
    }
    return code;
  }

  /** sendmail's side, from the top-level ruleset's returns line. */
  static String observed(String tag, String ret) {
    String r = ret == null ? "" : ret;
    return switch (tag) {
      case "Try_TLS" -> r.startsWith("$# error $@ 5 . 7 . 1") ? "no-starttls" : "starttls";
      case "Srv_Features", "Clt_Features" -> r.equals("$# > < ?") ? "stuck" : r;
      case "AuthInfo", "GreetPause" -> r;
      case "TLS_Srv", "TLS_Clt", "TLS_Rcpt" -> tls(r);
      case "Connect" -> r.equalsIgnoreCase("OK") ? "ok" : r.equalsIgnoreCase("RELAY") ? "relay"
          : errorOf(r);
      case "From" -> r.equalsIgnoreCase("$# OK") ? "ok" : r.equalsIgnoreCase("$# RELAY") ? "relay"
          : r.contains("Domain of sender address") || r.contains("OKR") ? "continue"
          : errorOf(r);
      case "ClientRate", "ClientConn" -> r.startsWith("$# error") ? "reject" : "ok";
      case "To" -> r.equalsIgnoreCase("RELAY") ? "relay" : r.startsWith("$#") ? errorOf(r)
          : "other";
      case "Spam" -> r.equals("SPAMFRIEND") ? "friend" : "other";
      default -> throw new IllegalArgumentException(tag);
    };
  }

  private static String tls(String r) {
    if (!r.startsWith("$# error $@ ")) {
      return "OK";
    }
    String rest = r.substring("$# error $@ ".length());
    int colon = rest.indexOf(" $: ");
    String dsn = rest.substring(0, colon).replace(" ", "");
    String reply = rest.substring(colon + 4).replace("\"", "").strip().split(" ")[0];
    return "error " + dsn + " " + reply;
  }

  private static String errorOf(String r) {
    if (r.equals("$# error $@ 5 . 7 . 1 $: \"550 Access denied\"")) {
      return "reject";
    }
    if (r.startsWith("$# discard")) {
      return "discard";
    }
    if (r.startsWith("$# error $@ quarantine $: ")) {
      return "quarantine " + r.substring("$# error $@ quarantine $: ".length());
    }
    if (r.startsWith("$# error $@ ")) {
      String rest = r.substring("$# error $@ ".length());
      int colon = rest.indexOf(" $: ");
      return "error " + rest.substring(0, colon).replace(" ", "") + " "
          + rest.substring(colon + 4);
    }
    if (r.startsWith("$# error $: ")) {
      return "error " + r.substring("$# error $: ".length());
    }
    return "other";
  }
}
