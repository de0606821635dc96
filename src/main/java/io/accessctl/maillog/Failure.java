package io.accessctl.maillog;

import java.time.LocalDate;
import java.util.Set;

/**
 * One failed TLS handshake (one connection attempt), after the log lines that describe it were
 * joined: the STARTTLS error, the tls_server reject and the deferral a failed delivery logs.
 *
 * @param side whether the peer was a server we delivered to or a client that connected to us
 * @param peer the other end
 * @param date the day of the first line
 * @param deferred whether a message was deferred with "TLS handshake failed" because of it
 * @param reply the SMTP reply sendmail gave ("403 4.7.0" before 8.17, "454 4.7.0" since), or ""
 * @param queueIds the queue ids of the messages involved
 * @param recipientDomains the domains of their recipients, as logged in {@code to=}
 */
public record Failure(Side side, Peer peer, LocalDate date, boolean deferred, String reply,
    Set<String> queueIds, Set<String> recipientDomains) {}
