package io.accessctl.maillog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Groups failures by the access key that would stop them. */
public final class Suggestions {
  public static final String TRY_TLS = "Try_TLS";
  public static final String SRV_FEATURES = "Srv_Features";

  private Suggestions() {}

  /**
   * The key for a peer, without its tag.
   *
   * <p>A server we deliver to is keyed by the {@code relay=} name, the name sendmail puts into
   * {@code {server_name}} (trailing dot removed) and the first thing try_tls looks up; never by
   * the recipient's domain, which try_tls does not see. Without a name, its address.
   *
   * <p>A client is keyed by its address. srv_features looks up {@code {client_name}} and then
   * {@code {client_addr}}; the address is always set and is where the connection came from.
   * The name in the log is only the reverse (PTR) lookup: when it does not resolve back to the
   * address, sendmail logs it with "(may be forged)" and puts not the name but "[address]" into
   * {@code {client_name}} (main.c; the name goes to {@code {client_ptr}}), so a key with that
   * name would never be looked up; and any name changes when the client's DNS does.
   */
  public static String key(Side side, Peer peer) {
    String k = side == Side.OUTBOUND
        ? peer.name().orElseGet(() -> peer.addr().orElseThrow())
        : peer.addr().orElseGet(() -> peer.name().orElseThrow());
    return k.toLowerCase(Locale.ROOT);
  }

  /** One suggestion per key: Try_TLS before Srv_Features, the most failures first, then by key. */
  public static List<Suggestion> of(List<Failure> failures) {
    Map<String, List<Failure>> byKey = new LinkedHashMap<>();
    for (Failure f : failures) {
      byKey.computeIfAbsent(f.side() + " " + key(f.side(), f.peer()), k -> new ArrayList<>())
          .add(f);
    }
    List<Suggestion> out = new ArrayList<>();
    byKey.forEach((k, fs) -> out.add(group(fs)));
    out.sort(Comparator.comparing(Suggestion::side)
        .thenComparing(Comparator.comparingInt(Suggestion::failures).reversed())
        .thenComparing(Suggestion::key));
    return out;
  }

  private static Suggestion group(List<Failure> fs) {
    Failure head = fs.get(0);
    Set<String> peers = new LinkedHashSet<>();
    Set<String> replies = new TreeSet<>();
    Set<String> domains = new TreeSet<>();
    LocalDate first = head.date();
    LocalDate last = head.date();
    int deferrals = 0;
    for (Failure f : fs) {
      peers.add(f.peer().display());
      if (!f.reply().isEmpty()) {
        replies.add(f.reply());
      }
      domains.addAll(f.recipientDomains());
      first = f.date().isBefore(first) ? f.date() : first;
      last = f.date().isAfter(last) ? f.date() : last;
      deferrals += f.deferred() ? 1 : 0;
    }
    boolean outbound = head.side() == Side.OUTBOUND;
    return new Suggestion(head.side(), outbound ? TRY_TLS : SRV_FEATURES,
        key(head.side(), head.peer()), outbound ? "NO" : "S", List.copyOf(peers), fs.size(),
        deferrals, replies, first, last, domains);
  }
}
