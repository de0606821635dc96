package io.accessctl.sendmail;

import io.accessctl.catalog.Side;
import io.accessctl.catalog.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which of a cf's rulesets sendmail runs for the check of a tag, on which arguments, with which
 * macros, and when: the one place that ties a question to the cf's rules. Each ruleset is the
 * one sendmail's C code calls (srvrsmtp.c, deliver.c), with the arguments rscheck() joins with
 * {@code $|}; a tag no C code names is asked of the ruleset that looks it up.
 */
final class Checks {
  private Checks() {}

  /**
   * Stands for an address the question does not give: one token that no entry matches and no
   * rule shortens, so the address walk ends at once; its keys are left out of the trace.
   */
  static final String NO_ADDRESS = "address-not-given";

  /** The recipient of RCPT-time checks when none is given: postmaster, which every site accepts. */
  static final String DEFAULT_RCPT = "postmaster";

  /** Every macro a check sets; each question starts with them all empty. */
  static final List<String> MACROS = List.of("{client_name}", "{client_addr}", "{client_ptr}",
      "{client_resolve}", "{server_name}", "{server_addr}", "{mail_from}", "f", "{verify}",
      "{cipher_bits}", "{auth_ssf}", "{auth_type}", "{cn_subject}", "{cert_subject}",
      "{cert_issuer}", "{client_rate}", "{client_connections}");

  private static final String AT_CONNECT = "when the client connects";
  private static final String AT_RCPT = "at RCPT time";

  /** One ruleset run. */
  record Stage(String ruleset, List<String> arguments, Map<String, String> macros, String when) {}

  /**
   * What to run.
   *
   * @param stages in the order sendmail runs them (a rejection ends the run)
   * @param missing what the cf lacks when it never makes the check, else null
   * @param notes what the plan assumed
   */
  record Plan(List<Stage> stages, String missing, List<String> notes) {}

  /**
   * The plan for a question.
   *
   * @param name NAME as the rules see it
   * @param addr ADDR as the rules see it ({@link #NO_ADDRESS} when not given)
   * @param defined which rulesets the cf defines
   * @param readerOf the ruleset of the cf that looks a tag up, for tags no C code checks
   */
  static Plan of(Tag tag, Query q, String name, String addr, Predicate<String> defined,
      Function<String, Optional<String>> readerOf) {
    Builder b = new Builder(q, defined);
    // under delay_checks the m4 rules define no check_mail: check_rcpt runs it with the
    // client checks for each recipient
    boolean delayed = !defined.test("check_mail") && defined.test("check_rcpt");
    String client = q.inboundName();
    String clientAddr = q.inboundAddr();
    switch (tag.name()) {
      case "Try_TLS" -> b.add("try_tls", List.of(name), "before STARTTLS with the server",
          server(name, addr));
      case "TLS_Srv" -> b.add("tls_server", List.of(b.verify()),
          "after STARTTLS with the server", server(name, addr));
      case "AuthInfo" -> b.add("authinfo", List.of(name, addr),
          "before AUTH with the server", server(name, addr));
      case "Srv_Features" -> b.add("srv_features", List.of(name), AT_CONNECT,
          client(name, addr));
      case "TLS_Clt" -> b.add("tls_client", List.of(b.verify(), "MAIL"), "at MAIL",
          client(name, addr));
      case "Clt_Features" -> {
        if (client.isEmpty() && clientAddr.isEmpty()) {
          b.notes.add("assumed: a queue run or background delivery, where {client_name} and"
              + " {client_addr} are empty (--client and --client-addr give the SMTP session"
              + " a delivery happens in; 8.17.1's clt_features reads them)");
        }
        Map<String, String> m = client(client, clientAddr);
        m.put("{server_name}", name);
        b.add("clt_features", List.of(name), "before connecting to the server", m);
      }
      case "GreetPause" -> b.add("greet_pause", List.of(name, addr),
          AT_CONNECT + ", before the greeting", client(name, addr));
      case "Connect", "ClientRate", "ClientConn" -> {
        b.add("check_relay", List.of(name, addr), AT_CONNECT, client(name, addr));
        if (delayed && tag.name().equals("Connect")) {
          Map<String, String> m = client(name, addr);
          m.put("{mail_from}", "<>");
          b.add("check_rcpt", List.of(b.rcpt()), AT_RCPT + " (delay_checks: check_rcpt makes"
              + " the client checks for each recipient, of " + b.rcpt() + " here)", m);
        }
      }
      case "From" -> {
        String sender = name.startsWith("<") ? name : "<" + name + ">";
        Map<String, String> m = client(client, clientAddr);
        m.put("{mail_from}", sender);
        m.put("f", name);
        if (delayed) {
          b.add("check_rcpt", List.of(b.rcpt()), AT_RCPT + " (delay_checks: check_rcpt makes"
              + " the sender checks for each recipient, of " + b.rcpt() + " here)", m);
        } else {
          b.add("check_mail", List.of(sender), "at MAIL", m);
        }
      }
      case "To", "Spam" -> b.add("check_rcpt", List.of(name), AT_RCPT,
          client(client, clientAddr));
      case "TLS_Rcpt" -> b.add("tls_rcpt", List.of(name), "before RCPT to the server",
          server("", ""));
      case "CERTISSUER", "CERTSUBJECT" -> {
        Map<String, String> m = client(client, clientAddr);
        m.put(tag.name().equals("CERTISSUER") ? "{cert_issuer}" : "{cert_subject}", name);
        // RelayTLS looks certificates up only when the client's one verified
        m.put("{verify}", "OK");
        b.notes.add("assumed {verify}=OK: the client presented a certificate that verified"
            + " (--define verify=... for another outcome)");
        readerOf.apply(tag.name()).ifPresent(rs -> b.add(rs, List.of(), "at RCPT time, when"
            + " relaying is checked", m));
      }
      default -> readerOf.apply(tag.name()).ifPresentOrElse(
          rs -> b.add(rs, List.of(name), "when sendmail calls " + rs,
              tag.side() == Side.CLIENT ? server(name, addr) : client(name, addr)),
          () -> b.missing = "ruleset that names the tag");
    }
    if (b.missing == null && b.stages.isEmpty()) {
      b.missing = b.skipped.isEmpty() ? "ruleset that names the tag"
          : String.join(" or ", b.skipped) + " ruleset";
    }
    return new Plan(List.copyOf(b.stages), b.missing, List.copyOf(b.notes));
  }

  private static Map<String, String> server(String name, String addr) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("{server_name}", name);
    m.put("{server_addr}", addr);
    return m;
  }

  private static Map<String, String> client(String name, String addr) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("{client_name}", name);
    m.put("{client_addr}", addr);
    m.put("{client_ptr}", name);
    // a name given is one that resolved; without one sendmail has only the address
    m.put("{client_resolve}", name.isEmpty() || name.startsWith("[") ? "FAIL" : "OK");
    return m;
  }

  private static final class Builder {
    final Query q;
    final Predicate<String> defined;
    final List<Stage> stages = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String missing;

    Builder(Query q, Predicate<String> defined) {
      this.q = q;
      this.defined = defined;
    }

    String rcpt() {
      return q.rcpt().orElse(DEFAULT_RCPT);
    }

    String verify() {
      return q.defines().getOrDefault("verify", q.defines().getOrDefault("{verify}", ""));
    }

    void add(String ruleset, List<String> arguments, String when, Map<String, String> set) {
      if (!defined.test(ruleset)) {
        skipped.add(ruleset);
        return;
      }
      SessionMacros macros = session(NAMES, set, q.defines());
      if (macros == null) {
        macros = session(names(set, q.defines()), set, q.defines());
      }
      stages.add(new Stage(ruleset, List.copyOf(arguments), macros, when));
    }
  }

  private static final SessionMacros.Names NAMES = new SessionMacros.Names(MACROS);

  /**
   * Every macro of {@code names} empty, then those a check sets, then those the question
   * defines; null when {@code names} lacks one of them.
   */
  private static SessionMacros session(SessionMacros.Names names, Map<String, String> set,
      Map<String, String> defines) {
    SessionMacros macros = new SessionMacros(names, "");
    boolean[] all = {true};
    set.forEach((k, v) -> all[0] &= macros.set(k, v));
    defines.forEach((k, v) -> all[0] &= macros.set(braced(k), v));
    return all[0] ? macros : null;
  }

  /** A macro name as the engine is given it: {@code {name}}, or one char. */
  private static String braced(String name) {
    return name.length() > 1 && !name.startsWith("{") ? "{" + name + "}" : name;
  }

  /**
   * {@link #MACROS}, then the names a check sets and the question defines that are not among
   * them, in that order.
   */
  private static SessionMacros.Names names(Map<String, String> set,
      Map<String, String> defines) {
    List<String> more = new ArrayList<>(MACROS);
    for (Map<String, String> names : List.of(set, defines)) {
      for (String typed : names.keySet()) {
        String name = braced(typed);
        if (!more.contains(name)) {
          more.add(name);
        }
      }
    }
    return new SessionMacros.Names(more);
  }
}
