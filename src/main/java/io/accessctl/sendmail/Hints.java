package io.accessctl.sendmail;

import io.accessctl.cf.Feature;
import io.accessctl.tokens.Limits;
import java.util.ArrayList;
import java.util.List;

/** Advice for the admin: why nothing matched, or why something unexpected did. */
final class Hints {
  private Hints() {}

  static List<String> nothingFound(String tag, Rules rules) {
    List<String> h = new ArrayList<>();
    switch (tag) {
      case "Try_TLS", "TLS_Srv", "AuthInfo" -> {
        h.add(tag + ": keys are the name of the server sendmail connects to (the MX host: the"
            + " relay= host in the log line, e.g. \"relay=mx.example.com. [192.0.2.7]\"), its"
            + " parent domains and its IP address -- not the recipient's domain.");
        if (tag.equals("Try_TLS")) {
          h.add("Copy the host from the \"TLS handshake failed\" log line: Try_TLS:<relay host> NO"
              + " (or its IP address / network).");
        }
      }
      case "Clt_Features" -> {
        if (rules.has(Feature.CLT_FEATURES_BY_SERVER)) {
          h.add("Clt_Features: keys are the server's host name and its parent domains; IP"
              + " addresses are not looked up.");
        } else {
          h.add("On this sendmail only the bare Clt_Features: default reaches deliveries from"
              + " the queue; per-server entries need 8.17.2 or later.");
        }
      }
      case "Srv_Features", "TLS_Clt", "Connect", "GreetPause" -> h.add(tag + ": keys are the"
          + " connecting client's host name (from reverse DNS; [192.0.2.7] when it has none),"
          + " its parent domains, then its IP address and networks.");
      case "ClientRate", "ClientConn" -> h.add(tag + ": keys are IP addresses and networks only"
          + " (then the bare " + tag + ": default); host names are never looked up.");
      case "From", "To", "Spam", "TLS_Rcpt" -> h.add(tag + ": keys are the address"
          + " (user@domain, user+*@domain), the local part (user@) and the domain with its"
          + " parent domains" + (rules.has(Feature.LOOKUPDOTDOMAIN) ? " and .domain forms" : "")
          + ".");
      default -> { }
    }
    return h;
  }

  static List<String> matched(String tag, Probe match) {
    List<String> h = new ArrayList<>();
    String key = match.storedKey();
    int colon = key.indexOf(':');
    String subject = colon >= 0 ? key.substring(colon + 1) : key;
    if (key.endsWith(":")) {
      h.add("The bare " + key + " default applies to every peer without a more specific entry.");
    } else if (isTopLevel(subject)) {
      h.add(key + " matches every host under ." + subject + ".");
    }
    if (match.withNul()) {
      h.add("Found under the key with a trailing NUL byte (a map built with makemap -N).");
    }
    if (match.key().length() > Limits.MAXNAME) {
      h.add("The key is longer than " + Limits.MAXNAME
          + " bytes; sendmail looks up only its first " + Limits.MAXNAME + ".");
    }
    return h;
  }

  /** Two or more lower-case ASCII letters: a top-level domain as a folded key holds it. */
  private static boolean isTopLevel(String s) {
    if (s.length() < 2) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
