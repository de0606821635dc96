package io.accessctl.sendmail;

import io.accessctl.catalog.Tag;
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
 * @param inboundName {@code {client_name}} of the SMTP session during which sendmail delivers;
 *     only 8.17.1's clt_features reads it (empty: a queue run)
 * @param inboundAddr likewise {@code {client_addr}}
 * @param literal true to hand NAME and ADDR to the rules exactly as given, the way
 *     {@code sendmail -bt} does with {@code .D} macros: no trailing dot removed, no address
 *     rewritten into sendmail's form
 */
public record Query(Tag tag, String name, Optional<String> addr, String inboundName,
    String inboundAddr, boolean literal) {

  /** A query as an admin asks it: names and addresses as copied from a log. */
  public static Query of(Tag tag, String name, Optional<String> addr) {
    return new Query(tag, name, addr, "", "", false);
  }

  /** The same query with the inbound session's client (8.17.1 clt_features). */
  public Query withInbound(String clientName, String clientAddr) {
    return new Query(tag, name, addr, clientName, clientAddr, literal);
  }

  /** The same query with NAME and ADDR used exactly as given ({@code sendmail -bt} style). */
  public Query asLiteral() {
    return new Query(tag, name, addr, inboundName, inboundAddr, true);
  }
}
