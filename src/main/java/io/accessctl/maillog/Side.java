package io.accessctl.maillog;

/** Which end of the failed handshake was ours. */
public enum Side {
  /**
   * We were the client delivering to a remote server: sendmail's try_tls ruleset decides whether
   * it issues STARTTLS, so the fix is {@code Try_TLS:<server> NO}.
   */
  OUTBOUND,
  /**
   * A remote client connected to us and its handshake failed: srv_features decides whether we
   * offer STARTTLS, so the fix is {@code Srv_Features:<client> S}.
   */
  INBOUND
}
