package io.accessctl.sendmail;

import io.accessctl.catalog.Tag;
import java.util.Map;
import java.util.Optional;

/**
 * One question: what does sendmail decide for this tag, for this name and address?
 *
 * @param tag the tag (Try_TLS, Connect, …)
 * @param name a host name (server name for Try_TLS, TLS_Srv, AuthInfo, Clt_Features; client name
 *     for Connect, Srv_Features, TLS_Clt, GreetPause) or an e-mail address (From, To, Spam,
 *     TLS_Rcpt); "" for none
 * @param addr the IP address, or empty when unknown (the address walk is then left out and the
 *     trace says so); "" means an empty macro, which sendmail's rules treat specially
 * @param inboundName {@code {client_name}} of the SMTP session the check runs in: for
 *     Clt_Features the session during which sendmail delivers (only 8.17.1's clt_features reads
 *     it; empty: a queue run), for From, To and Spam the client that sends
 * @param inboundAddr likewise {@code {client_addr}}
 * @param literal true to hand NAME and ADDR to the rules exactly as given, the way
 *     {@code sendmail -bt} does with {@code .D} macros: no trailing dot removed, no address
 *     rewritten into sendmail's form
 * @param rcpt the recipient of checks that sendmail makes at RCPT time (under delay_checks the
 *     client and sender checks), or empty for the default
 * @param defines macros of the session ({@code x} or {@code {name}}), which override what the
 *     question sets ({@code --define verify=OK})
 */
public record Query(Tag tag, String name, Optional<String> addr, String inboundName,
    String inboundAddr, boolean literal, Optional<String> rcpt, Map<String, String> defines) {

  public Query {
    defines = Map.copyOf(defines);
  }

  /** A query as an admin asks it: names and addresses as copied from a log. */
  public static Query of(Tag tag, String name, Optional<String> addr) {
    return new Query(tag, name, addr, "", "", false, Optional.empty(), Map.of());
  }

  /** The same query with the inbound session's client (8.17.1 clt_features). */
  public Query withInbound(String clientName, String clientAddr) {
    return new Query(tag, name, addr, clientName, clientAddr, literal, rcpt, defines);
  }

  /** The same query with NAME and ADDR used exactly as given ({@code sendmail -bt} style). */
  public Query asLiteral() {
    return new Query(tag, name, addr, inboundName, inboundAddr, true, rcpt, defines);
  }

  /** The same query with this recipient for the checks made at RCPT time. */
  public Query withRcpt(String recipient) {
    return new Query(tag, name, addr, inboundName, inboundAddr, literal,
        Optional.ofNullable(recipient).filter(s -> !s.isEmpty()), defines);
  }

  /** The same query with these session macros. */
  public Query withDefines(Map<String, String> macros) {
    return new Query(tag, name, addr, inboundName, inboundAddr, literal, rcpt, macros);
  }
}
