package io.accessctl.sendmail;

import io.accessctl.cf.Feature;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * NAME and ADDR of a question as sendmail's rules see them: a log line's trailing dot gone, a
 * server name in lower case, an address written as sendmail writes it. Each change is said in a
 * note.
 */
final class Inputs {
  private Inputs() {}

  /** Whose name it is: the server sendmail delivers to, or the client that connects. */
  enum Side { SERVER, CLIENT }

  static String hostName(Query q, Side side, Rules rules, List<String> notes) {
    String n = q.name();
    if (q.literal()) {
      return n;
    }
    String stripped = n;
    while (stripped.endsWith(".") && stripped.length() > 1) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    if (!stripped.equals(n)) {
      notes.add(side == Side.SERVER
          ? "trailing dot removed: sendmail removes it from {server_name} before the check"
              + " (deliver.c), so \"" + n + "\" from a log line is looked up as \"" + stripped + "\""
          : "trailing dot removed: client names from reverse DNS never end in a dot,"
              + " so \"" + n + "\" is looked up as \"" + stripped + "\"");
    }
    if (side == Side.SERVER) {
      String lower = stripped.toLowerCase(Locale.ROOT);
      if (!lower.equals(stripped) && !rules.foldsKeys()) {
        notes.add("{server_name} is lower case: \"" + stripped + "\" is looked up as \""
            + lower + "\"");
      }
      stripped = lower;
    }
    return stripped;
  }

  /** The address as sendmail writes it, or empty when unknown. */
  static Optional<String> address(Query q, Rules rules, List<String> notes, List<String> hints) {
    if (q.addr().isEmpty() || q.literal() || q.addr().get().isEmpty()) {
      return q.addr();
    }
    String given = q.addr().get();
    Optional<String> form = Addresses.sendmailForm(given, rules.has(Feature.COMPRESSED_IPV6));
    if (form.isEmpty()) {
      hints.add("\"" + given + "\" is not an IP address; it is looked up as given");
      return q.addr();
    }
    if (!form.get().equals(given)) {
      notes.add("address written as sendmail writes it: " + form.get()
          + (form.get().startsWith("IPv6:") && !rules.has(Feature.COMPRESSED_IPV6)
              ? " (full form: UseCompressedIPv6Addresses is off)" : ""));
    }
    return form;
  }
}
