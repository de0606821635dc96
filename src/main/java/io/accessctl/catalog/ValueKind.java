package io.accessctl.catalog;

/** The right-hand-side grammar of a tag (sendmail-access.md §4). */
public enum ValueKind {
  /** OK, RELAY, REJECT, DISCARD, SKIP, QUARANTINE:text, ERROR:[dsn:]reply, legacy reply text. */
  ACTION,
  /** Only the single token NO means anything. */
  TRY_TLS,
  /** Srv_Features / Clt_Features flag letters, or a first token starting with "temp". */
  FEATURE_FLAGS,
  /** A non-negative decimal number of milliseconds. */
  MILLISECONDS,
  /** A decimal limit, 0 meaning unlimited. */
  LIMIT,
  /** FRIEND or HATER. */
  SPAM,
  /** A queue group name. */
  QUEUE_GROUP,
  /** DISCARD[:…], TEMP:text, ERROR:text. */
  COMPAT,
  /** [PERM+|TEMP+](VERIFY[:bits]|ENCR:bits)[+CN…]. */
  TLS_REQUIREMENT,
  /** key=value;… for the TLS session. */
  TLS_SESSION_FEATURES,
  /** Quoted "U:…" "I:…" "P:…" "R:…" "M:…" tokens. */
  AUTHINFO,
  /** RELAY or SUBJECT (CERTISSUER), RELAY (CERTSUBJECT). */
  CERT_RELAY,
  /** OK, for CITag issuer tags. */
  CITAG,
  /** Anything: found is what matters. */
  ANY
}
