package io.accessctl.cf;

/** m4 FEATUREs and options that change how the access map is used, as visible in a cf. */
public enum Feature {
  ACCESS_DB,
  SKIP,
  LOOKUPDOTDOMAIN,
  BLOCKLIST_RECIPIENTS,
  RELAYTOFULLADDRESS,
  RELAY_MAIL_FROM,
  /** FEATURE(relay_mail_from, domain): From:domain RELAY grants relaying too, not only user@domain. */
  RELAY_MAIL_FROM_DOMAIN,
  GREET_PAUSE,
  RATECONTROL,
  CONNCONTROL,
  QUEUEGROUP,
  COMPAT_CHECK,
  DELAY_CHECKS_FRIEND,
  DELAY_CHECKS_HATER,
  TLS_SESSION_FEATURES,
  /** clt_features looks up the server it delivers to (8.17.2+), not the inbound client (8.17.1). */
  CLT_FEATURES_BY_SERVER,
  /** O UseCompressedIPv6Addresses=true: IPv6 addresses are looked up in :: form. */
  COMPRESSED_IPV6,
  /** O TLSFallbacktoClear=true. */
  TLS_FALLBACK_TO_CLEAR,
  /** FEATURE(authinfo): AuthInfo: is looked up in its own authinfo map, not in access. */
  AUTHINFO,
  /** FEATURE(bcc, access): bcc: entries are looked up (needs a sendmail built with _FFR_ADD_BCC). */
  BCC
}
