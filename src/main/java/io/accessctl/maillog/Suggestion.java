package io.accessctl.maillog;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One access entry that would stop the failures seen with one host, and why.
 *
 * @param side which check the entry is for
 * @param tag {@code Try_TLS} or {@code Srv_Features}
 * @param key the host part of the key: the server's name (or address), the client's address
 * @param value {@code NO} or {@code S}
 * @param peers every form the host was logged in ("luna.bagoona.com [123.45.67.89]")
 * @param failures connection attempts whose handshake failed
 * @param deferrals those that deferred a message with "TLS handshake failed"
 * @param replies the reply codes logged ("403 4.7.0", "454 4.7.0")
 * @param first the day of the first failure
 * @param last the day of the last
 * @param recipientDomains the domains of the recipients whose mail was held up
 */
public record Suggestion(Side side, String tag, String key, String value, List<String> peers,
    int failures, int deferrals, Set<String> replies, LocalDate first, LocalDate last,
    Set<String> recipientDomains) {

  /** The access map line: {@code Try_TLS:luna.bagoona.com<TAB>NO}. */
  public String entry() {
    return tag + ":" + key + "\t" + value;
  }

  /**
   * The comment that goes on the line above the entry (never after it: makemap would make a
   * trailing comment part of the value, and {@code NO # …} is not NO).
   */
  public String comment() {
    StringBuilder sb = new StringBuilder("# accessctl suggest: ");
    if (side == Side.OUTBOUND && deferrals == failures) {
      sb.append(failures).append(failures == 1 ? " deferral" : " deferrals")
          .append(" \"TLS handshake failed\"");
    } else if (side == Side.OUTBOUND) {
      sb.append(failures).append(" failed STARTTLS ").append(failures == 1 ? "handshake" :
          "handshakes").append(" with this server (").append(deferrals).append(" deferred)");
    } else {
      sb.append(failures).append(" failed STARTTLS ").append(failures == 1 ? "handshake" :
          "handshakes").append(" from client ").append(String.join(", ", peers));
    }
    sb.append(' ').append(first);
    if (!last.equals(first)) {
      sb.append("..").append(last);
    }
    if (!recipientDomains.isEmpty()) {
      sb.append(", recipients ").append(String.join(", ", recipientDomains));
    }
    return sb.toString();
  }

  /** The comment and the entry, the block an edit inserts. */
  public List<String> lines() {
    return List.of(comment(), entry());
  }
}
