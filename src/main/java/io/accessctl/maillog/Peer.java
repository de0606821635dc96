package io.accessctl.maillog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The other end of an SMTP connection as sendmail logs it in {@code relay=}: {@code name. [ip]},
 * {@code name [ip]}, {@code [ip]}, a bare name, optionally followed by {@code (may be forged)}.
 *
 * @param name the host name without the trailing dot, or empty when only the address is known
 * @param addr the address inside the brackets (IPv6 ones keep sendmail's {@code IPv6:} prefix),
 *     or empty
 * @param forged whether sendmail marked the name "(may be forged)": its reverse lookup did not
 *     resolve back to the address
 */
public record Peer(Optional<String> name, Optional<String> addr, boolean forged) {
  private static final Pattern FORM = Pattern.compile(
      "^(?:(\\[[^\\]\\s]+\\]|[^\\s\\[\\]]+) +)?(?:\\[([^\\]\\s]+)\\])?( +\\(may be forged\\))?$");

  /** Parses the text of a {@code relay=} field; empty when it is no host at all. */
  public static Optional<Peer> parse(String relay) {
    String r = relay.strip();
    // ident's "user@" prefix (authinfo) is not part of the host
    int at = r.indexOf('@');
    int bracket = r.indexOf('[');
    if (at >= 0 && (bracket < 0 || at < bracket)) {
      r = r.substring(at + 1);
    }
    Matcher m = FORM.matcher(r);
    if (!m.matches()) {
      // a bare name: "relay=luna.bagoona.com" (tls_server's rscheck line in some versions)
      if (r.matches("[A-Za-z0-9._-]+")) {
        return Optional.of(new Peer(Optional.of(stripDot(r)), Optional.empty(), false));
      }
      return Optional.empty();
    }
    String n = m.group(1);
    Optional<String> addr = Optional.ofNullable(m.group(2));
    if (n != null && n.startsWith("[")) {
      // a delivery to an address literal logs it twice: relay=[192.0.2.9] [192.0.2.9]
      if (addr.isEmpty()) {
        addr = Optional.of(n.substring(1, n.length() - 1));
      }
      n = null;
    }
    Optional<String> name = Optional.ofNullable(n).map(Peer::stripDot).filter(x -> !x.isEmpty());
    if (name.isEmpty() && addr.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Peer(name, addr, m.group(3) != null));
  }

  /**
   * sendmail drops the trailing dot of the MX host's canonical name before it sets
   * {@code {server_name}} (deliver.c), so the access key has none either.
   */
  static String stripDot(String n) {
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /** How the peer is shown in comments: "name [addr]", "name" or "[addr]". */
  public String display() {
    return name.map(n -> n + addr.map(a -> " [" + a + "]").orElse(""))
        .orElseGet(() -> "[" + addr.orElse("") + "]");
  }
}
