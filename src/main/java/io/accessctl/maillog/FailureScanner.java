package io.accessctl.maillog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds failed TLS handshakes in sendmail's log lines, fed in log order (one scanner may read
 * several files: pass the oldest first).
 *
 * <p>The lines it understands, as sendmail 8.14–8.18 writes them:
 * <ul>
 *   <li>deliver.c, a deferral: {@code QID: to=<u@dom>, …, relay=host. [ip], dsn=4.0.0,
 *       stat=Deferred: 403 4.7.0 TLS handshake failed.} (454 since 8.17.1);
 *   <li>rscheck for tls_server after a failed handshake ({@code {verify}} is SOFTWARE):
 *       {@code QID: ruleset=tls_server, arg1=SOFTWARE, relay=host, reject=403 4.7.0 TLS
 *       handshake failed.} (8.17.2 and later log {@code status=} for some results);
 *   <li>the client's handshake error: {@code STARTTLS=client, error: connect failed=-1, …}
 *       (with {@code relay=} in newer versions, without it in older ones, where the next line of
 *       the same process names the server);
 *   <li>the server's: {@code STARTTLS=server, error: accept failed=-1, …, relay=host [ip]}
 *       (again without {@code relay=} in older versions).
 * </ul>
 * A delivery that fails logs up to three of these for one connection; lines of the same process
 * about the same host are joined into one {@link Failure} until its deferral line closes it.
 * {@code STARTTLS=client, relay=…, verify=FAIL} and the like are successful handshakes (the
 * certificate was not verified, but TLS is up) and the OpenSSL detail lines
 * ({@code STARTTLS=client: 1234:error:…}) repeat an error already counted: neither is a failure.
 */
public final class FailureScanner {
  private static final Pattern QUEUE_ID = Pattern.compile("^([A-Za-z0-9]{6,20}): (.*)$");
  private static final Pattern HANDSHAKE_FAILED = Pattern.compile(
      "^(?:Deferred: )?(\\d{3} 4\\.7\\.0) TLS handshake failed\\.?\\s*$");
  /** Older servers' error lines carry no relay=; a later line of the process names the client. */
  private static final Pattern CLIENT_NAMED = Pattern.compile(
      "(?:lost input channel from |^)((?:\\S+ )?\\[[^\\]\\s]+\\](?: \\(may be forged\\))?)"
          + "(?: to \\S+ after | did not issue )");

  private LocalDate reference;
  private long seq;
  private long sendmailLines;
  private final List<Attempt> done = new ArrayList<>();
  private final Map<String, Attempt> openOutbound = new HashMap<>();
  private final Map<String, Attempt> openInbound = new HashMap<>();
  private final Map<String, Set<String>> domainsByQueueId = new HashMap<>();

  /** @param reference the day the log was last written, for the year of classic stamps */
  public FailureScanner(LocalDate reference) {
    this.reference = reference;
  }

  /** The next file's lines take the year of their classic stamps from its own time. */
  public void reference(LocalDate day) {
    this.reference = day;
  }

  /** Reads one line; anything that is not a sendmail line about a TLS failure is skipped. */
  public void accept(String line) {
    Optional<SyslogLine> parsed = SyslogLine.parse(line, reference);
    if (parsed.isEmpty() || !parsed.get().fromSendmail()) {
      return;
    }
    SyslogLine l = parsed.get();
    sendmailLines++;
    String msg = l.message();
    String qid = "";
    Matcher q = QUEUE_ID.matcher(msg);
    if (q.matches() && !msg.startsWith("STARTTLS")) {
      qid = q.group(1);
      msg = q.group(2);
    }
    if (msg.startsWith("STARTTLS=client, error: connect failed")) {
      outbound(l, qid, relay(Fields.of(msg)), false, "");
    } else if (msg.startsWith("STARTTLS=server, error: accept failed")) {
      inbound(l, relay(Fields.of(msg)));
    } else if (msg.startsWith("ruleset=tls_server,")) {
      Map<String, String> f = Fields.of(msg);
      String result = f.containsKey("reject") ? f.get("reject") : f.getOrDefault("status", "");
      Matcher m = HANDSHAKE_FAILED.matcher(result);
      if (m.matches()) {
        outbound(l, qid, relay(f), false, m.group(1));
      }
    } else if (msg.startsWith("to=")) {
      Map<String, String> f = Fields.of(msg);
      Set<String> domains = domains(f.getOrDefault("to", ""));
      if (!qid.isEmpty()) {
        domainsByQueueId.computeIfAbsent(qid, k -> new LinkedHashSet<>()).addAll(domains);
      }
      Matcher m = HANDSHAKE_FAILED.matcher(f.getOrDefault("stat", ""));
      if (m.matches()) {
        Attempt a = outbound(l, qid, relay(f), true, m.group(1));
        if (a != null) {
          a.domains.addAll(domains);
          close(openOutbound, l.pid());
        }
      }
    } else {
      nameWaitingClient(l, msg);
    }
  }

  /** How many lines so far were sendmail's (a log with none is probably the wrong file). */
  public long sendmailLines() {
    return sendmailLines;
  }

  /** Every failure found, in log order; call after the last line. */
  public List<Failure> failures() {
    List<Failure> out = new ArrayList<>();
    List<Attempt> all = new ArrayList<>(done);
    all.addAll(openOutbound.values());
    all.addAll(openInbound.values());
    all.sort(java.util.Comparator.comparingLong(a -> a.seq));
    for (Attempt a : all) {
      if (a.peer == null) {
        continue; // an old-style error line whose process never named its peer
      }
      Set<String> domains = new java.util.TreeSet<>(a.domains);
      for (String id : a.queueIds) {
        domains.addAll(domainsByQueueId.getOrDefault(id, Set.of()));
      }
      out.add(new Failure(a.side, a.peer, a.date, a.deferred, a.reply, Set.copyOf(a.queueIds),
          java.util.Collections.unmodifiableSet(domains)));
    }
    return out;
  }

  private Attempt outbound(SyslogLine l, String qid, Optional<Peer> peer, boolean deferral,
      String reply) {
    Attempt a = openOutbound.get(l.pid());
    boolean joins = a != null && (peer.isEmpty() || a.peer == null || sameHost(a.peer, peer.get()))
        && !(deferral && a.deferred);
    if (!joins) {
      close(openOutbound, l.pid());
      if (peer.isEmpty() && deferral) {
        return null;
      }
      a = new Attempt(Side.OUTBOUND, l.date(), seq++);
      openOutbound.put(l.pid(), a);
    }
    if (a.peer == null && peer.isPresent()) {
      a.peer = peer.get();
    } else if (a.peer != null && peer.isPresent() && a.peer.addr().isEmpty()) {
      a.peer = peer.get(); // the deferral line also has the address
    }
    a.deferred |= deferral;
    if (!reply.isEmpty()) {
      a.reply = reply;
    }
    if (!qid.isEmpty()) {
      a.queueIds.add(qid);
    }
    return a;
  }

  private void inbound(SyslogLine l, Optional<Peer> peer) {
    close(openInbound, l.pid());
    Attempt a = new Attempt(Side.INBOUND, l.date(), seq++);
    a.peer = peer.orElse(null);
    if (a.peer == null) {
      openInbound.put(l.pid(), a);
    } else {
      done.add(a);
    }
  }

  private void nameWaitingClient(SyslogLine l, String msg) {
    Attempt a = openInbound.get(l.pid());
    if (a == null) {
      return;
    }
    Optional<Peer> peer = relay(Fields.of(msg));
    if (peer.isEmpty()) {
      Matcher m = CLIENT_NAMED.matcher(msg);
      if (m.find()) {
        peer = Peer.parse(m.group(1));
      }
    }
    if (peer.isPresent()) {
      a.peer = peer.get();
      close(openInbound, l.pid());
    }
  }

  private void close(Map<String, Attempt> open, String pid) {
    Attempt a = open.remove(pid);
    if (a != null) {
      done.add(a);
    }
  }

  private static boolean sameHost(Peer a, Peer b) {
    return a.name().isPresent() && b.name().isPresent()
        ? a.name().get().equalsIgnoreCase(b.name().get()) : a.addr().equals(b.addr());
  }

  private static Optional<Peer> relay(Map<String, String> fields) {
    String r = fields.get("relay");
    return r == null ? Optional.empty() : Peer.parse(r);
  }

  /** The domains of {@code <a@x.org>,<b@y.com>} (local names and programs have none). */
  static Set<String> domains(String to) {
    Set<String> out = new LinkedHashSet<>();
    for (String addr : to.split(",")) {
      String a = addr.strip();
      if (a.startsWith("<") && a.endsWith(">")) {
        a = a.substring(1, a.length() - 1);
      }
      int at = a.lastIndexOf('@');
      if (at > 0 && at < a.length() - 1) {
        out.add(Peer.stripDot(a.substring(at + 1)).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** A connection attempt being put together from its lines. */
  private static final class Attempt {
    final Side side;
    final LocalDate date;
    final long seq;
    Peer peer;
    boolean deferred;
    String reply = "";
    final Set<String> queueIds = new LinkedHashSet<>();
    final Set<String> domains = new LinkedHashSet<>();

    Attempt(Side side, LocalDate date, long seq) {
      this.side = side;
      this.date = date;
      this.seq = seq;
    }
  }
}
