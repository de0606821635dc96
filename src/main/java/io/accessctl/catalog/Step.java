package io.accessctl.catalog;

/** One stage of the way a ruleset asks the access map (sendmail-access.md §3). */
public enum Step {
  /** LookUpDomain on a host name: the name, then each parent domain, then bracketed-address prefixes. */
  HOST,
  /** LookUpAddress on an IP address: 1.2.3.4, 1.2.3, 1.2, 1 (IPv6: group by group down to "IPv6"). */
  ADDRESS,
  /** The bare tag {@code Tag:} as a default when nothing more specific was found. */
  BARE,
  /** A full e-mail address {@code user@domain} (and {@code user+*@domain}). */
  MAIL_ADDRESS,
  /** A local part {@code user@}. */
  LOCAL_PART,
  /** LookUpDomain on the domain of an e-mail address. */
  MAIL_DOMAIN,
  /** One exact key, no walking. */
  EXACT
}
