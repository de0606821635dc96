package io.accessctl.catalog;

import static io.accessctl.catalog.Step.ADDRESS;
import static io.accessctl.catalog.Step.BARE;
import static io.accessctl.catalog.Step.EXACT;
import static io.accessctl.catalog.Step.HOST;
import static io.accessctl.catalog.Step.LOCAL_PART;
import static io.accessctl.catalog.Step.MAIL_ADDRESS;
import static io.accessctl.catalog.Step.MAIL_DOMAIN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every tag sendmail's stock rulesets (proto.m4 of 8.17.1, with notes on 8.18) look up in the
 * access map. Sources: op.txt and cf/README from sendmail-doc, proto.m4 from sendmail-cf, and
 * shared/reference/sendmail-access.md §3–§4, where each fact carries its evidence.
 *
 * <p>This is the one place that knows the tags: the linter, the lookup simulator, {@code explain}
 * and shell completion all read it. Adding a tag is one entry here.
 */
public final class Catalog {

  /** Srv_Features letters: upper case turns the feature off, lower case on (srvrsmtp.c). */
  public static final List<Flag> SRV_FEATURE_FLAGS = List.of(
      new Flag('A', "AUTH offered (a) / not offered (A)", "8.12.0", "", true),
      new Flag('B', "VERB offered (b) / not offered (B)", "8.12.0", "", true),
      new Flag('C', "plaintext AUTH without a security layer refused (c) / allowed (C)", "8.12.0", "", true),
      new Flag('D', "DSN offered (d) / not offered (D)", "8.12.0", "", true),
      new Flag('E', "ETRN offered (e) / not offered (E)", "8.12.0", "", true),
      new Flag('H', "HTTP commands drop the session at any time (h) / only as first command (H)", "8.15.1", "", false),
      new Flag('I', "SMTPUTF8 offered (i) / not offered (I)", "8.17.1", "USE_EAI", false),
      new Flag('L', "AUTH required (l) / not required (L)", "8.13.0", "", true),
      new Flag('N', "PIPELINING withdrawn and pipelining clients delayed (n) / not (N)", "8.17.1", "_FFR_NO_PIPE", false),
      new Flag('P', "PIPELINING offered (p) / not offered (P)", "8.12.0", "", true),
      new Flag('R', "client certificate requested (r) / not requested (R); alias of V", "8.14.0", "", false),
      new Flag('S', "STARTTLS offered (s) / not offered (S)", "8.12.0", "", true),
      new Flag('V', "client certificate requested (v) / not requested (V)", "8.12.0", "", true),
      new Flag('X', "EXPN offered (x) / not offered (X)", "8.12.0", "", true),
      new Flag('F', "pipelining past DATA allowed (transaction stuffing)", "8.18.1", "", true),
      new Flag('O', "end of data must be exactly CRLF.CRLF (o) / a lone dot line also ends it (O)", "8.18.1", "", true),
      new Flag('G', "bare LF rejected (g) / accepted (G)", "8.18.1", "", true),
      new Flag('U', "bare CR rejected (u) / accepted (U)", "8.18.1", "", true));

  /** Clt_Features letters: only the upper-case letters do anything (deliver.c cltfeatures). */
  public static final List<Flag> CLT_FEATURE_FLAGS = List.of(
      new Flag('D', "no DANE for this server", "8.17.1", "DANE", true),
      new Flag('M', "no MTA-STS for this server", "8.17.1", "_FFR_MTA_STS", true),
      new Flag('S', "no STARTTLS with this server", "8.17.1", "", false),
      new Flag('A', "no AUTH with this server", "8.17.1", "", false));

  private static final Catalog STOCK = new Catalog(List.of(
      tag("Connect", "check_relay", Side.SERVER, List.of(HOST, ADDRESS), true, ValueKind.ACTION,
          "8.10.0", "", "accept, reject, discard or quarantine a connecting client by name or address"),
      tag("From", "check_mail", Side.MESSAGE, List.of(MAIL_ADDRESS, LOCAL_PART, MAIL_DOMAIN), true,
          ValueKind.ACTION, "8.10.0", "", "accept or reject an envelope sender"),
      tag("To", "check_rcpt", Side.MESSAGE, List.of(MAIL_ADDRESS, LOCAL_PART, MAIL_DOMAIN), true,
          ValueKind.ACTION, "8.10.0", "blocklist_recipients",
          "allow relaying to a recipient domain (RELAY); reject recipients with blocklist_recipients"),
      tag("Spam", "check_rcpt", Side.MESSAGE, List.of(MAIL_ADDRESS, MAIL_DOMAIN, LOCAL_PART), false,
          ValueKind.SPAM, "8.10.0", "delay_checks",
          "FRIEND or HATER of spam checks per recipient, with FEATURE(delay_checks, friend|hater)"),
      tag("GreetPause", "greet_pause", Side.SERVER, List.of(HOST, ADDRESS), false,
          ValueKind.MILLISECONDS, "8.13.0", "greet_pause",
          "milliseconds to wait before the SMTP greeting (0: none); no bare default exists"),
      tag("ClientRate", "RateControl", Side.SERVER, List.of(ADDRESS, BARE), false, ValueKind.LIMIT,
          "8.13.0", "ratecontrol", "connections per minute a client address may open (0: unlimited)"),
      tag("ClientConn", "ConnControl", Side.SERVER, List.of(ADDRESS, BARE), false, ValueKind.LIMIT,
          "8.13.0", "conncontrol", "concurrent connections a client address may hold (0: unlimited)"),
      tag("QGRP", "queuegroup", Side.MESSAGE, List.of(MAIL_ADDRESS, MAIL_DOMAIN), false,
          ValueKind.QUEUE_GROUP, "8.12.0", "queuegroup", "queue group for a recipient"),
      tag("Compat", "check_compat", Side.MESSAGE, List.of(EXACT), false, ValueKind.COMPAT,
          "8.12.0", "compat_check", "discard or reject a sender/recipient pair (key sender<@>recipient)"),
      tag("TLS_Srv", "tls_server", Side.CLIENT, List.of(HOST, ADDRESS, BARE), false,
          ValueKind.TLS_REQUIREMENT, "8.11.0", "", "TLS requirement for servers sendmail delivers to"),
      tag("TLS_Clt", "tls_client", Side.SERVER, List.of(HOST, ADDRESS, BARE), false,
          ValueKind.TLS_REQUIREMENT, "8.11.0", "", "TLS requirement for connecting clients"),
      tag("TLS_Rcpt", "tls_rcpt", Side.CLIENT, List.of(MAIL_ADDRESS, LOCAL_PART, MAIL_DOMAIN, BARE),
          false, ValueKind.TLS_REQUIREMENT, "8.12.0", "", "TLS requirement per recipient"),
      tag("Try_TLS", "try_tls", Side.CLIENT, List.of(HOST, ADDRESS, BARE), false, ValueKind.TRY_TLS,
          "8.12.0", "", "NO: do not use STARTTLS when delivering to this server"),
      flagged("Srv_Features", "srv_features", Side.SERVER, SRV_FEATURE_FLAGS, "8.12.0",
          "turn SMTP server features on (lower case) or off (upper case) per client"),
      new Tag("Clt_Features", "clt_features", Side.CLIENT, List.of(HOST, ADDRESS, BARE), false,
          ValueKind.FEATURE_FLAGS, CLT_FEATURE_FLAGS, "8.17.1", "",
          "turn SMTP client features off per server (8.17.1: keyed by the inbound client!)"),
      tag("TLS_Srv_Features", "tls_srv_features", Side.SERVER, List.of(HOST, ADDRESS), false,
          ValueKind.TLS_SESSION_FEATURES, "8.16.1", "tls_session_features",
          "TLS session settings for connecting clients; no bare default exists"),
      tag("TLS_Clt_Features", "tls_clt_features", Side.CLIENT, List.of(HOST, ADDRESS), false,
          ValueKind.TLS_SESSION_FEATURES, "8.16.1", "tls_session_features",
          "TLS session settings for servers sendmail delivers to; no bare default exists"),
      tag("AuthInfo", "authinfo", Side.CLIENT, List.of(HOST, ADDRESS, BARE), false,
          ValueKind.AUTHINFO, "8.12.0", "",
          "SMTP AUTH credentials for a server (unless FEATURE(authinfo) uses its own map)"),
      tag("CERTISSUER", "RelayTLS", Side.SERVER, List.of(EXACT), false, ValueKind.CERT_RELAY,
          "8.11.0", "", "RELAY or SUBJECT for clients whose verified certificate has this issuer"),
      tag("CERTSUBJECT", "RelayTLS", Side.SERVER, List.of(EXACT), false, ValueKind.CERT_RELAY,
          "8.11.0", "", "RELAY for clients whose verified certificate has this subject"),
      tag("bcc", "bcc", Side.MESSAGE, List.of(MAIL_DOMAIN), false, ValueKind.ANY, "8.16.1",
          "bcc", "add a Bcc recipient (FEATURE(bcc, access), _FFR_ADD_BCC builds only)")));

  private final Map<String, Tag> byFoldedName = new LinkedHashMap<>();
  /**
   * {@link #find}'s answer for each tag's own spelling: a batch names a tag on every line, mostly
   * as the catalog spells it, and folding each to look it up made a string every time.
   */
  private final Map<String, Optional<Tag>> bySpelling = new HashMap<>();
  private final ForeignTags foreign;

  private Catalog(Collection<Tag> tags) {
    this(tags, ForeignTags.stock());
  }

  private Catalog(Collection<Tag> tags, ForeignTags foreign) {
    for (Tag t : tags) {
      byFoldedName.put(t.name().toLowerCase(Locale.ROOT), t);
    }
    for (Tag t : byFoldedName.values()) {
      bySpelling.put(t.name(), Optional.of(t));
    }
    this.foreign = foreign;
  }

  /** The tags other programs than sendmail read from the access db (milters, the site's own). */
  public ForeignTags foreign() {
    return foreign;
  }

  /** This catalogue, with a site's own tags declared as read by other programs. */
  public Catalog withExtraTags(Collection<String> tags) {
    return tags.isEmpty() ? this : new Catalog(byFoldedName.values(), foreign.with(tags));
  }

  /** The tags of the stock rulesets. */
  public static Catalog stock() {
    return STOCK;
  }

  /**
   * The stock tags plus CITag tags a cf declares ({@code TLS_Srv:host VERIFY+CITag:MyIssuers} makes
   * {@code MyIssuers:} a tag looked up with the certificate issuer).
   */
  public Catalog withCiTags(Collection<String> ciTags) {
    if (ciTags.isEmpty()) {
      return this;
    }
    List<Tag> all = new ArrayList<>(byFoldedName.values());
    for (String name : ciTags) {
      if (!byFoldedName.containsKey(name.toLowerCase(Locale.ROOT))) {
        all.add(tag(name, "TLS_req", Side.MESSAGE, List.of(EXACT), false, ValueKind.CITAG, "8.16.1",
            "", "acceptable certificate issuers named by a CITag requirement"));
      }
    }
    return new Catalog(all, foreign);
  }

  public Collection<Tag> tags() {
    return byFoldedName.values();
  }

  /** The tag with this name in any case (sendmail folds keys, so {@code try_tls} is Try_TLS). */
  public Optional<Tag> find(String name) {
    Optional<Tag> spelled = bySpelling.get(name);
    return spelled != null ? spelled
        : Optional.ofNullable(byFoldedName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The known tag nearest to a misspelt one ({@code TryTLS}, {@code Srv_Feature}), if any is near. */
  public Optional<Tag> nearest(String name) {
    String n = squash(name);
    Tag best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Tag t : byFoldedName.values()) {
      int d = distance(n, squash(t.name()));
      if (d < bestDistance) {
        bestDistance = d;
        best = t;
      }
    }
    int allowed = Math.max(1, Math.min(3, n.length() / 3));
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Tag tag(String name, String ruleset, Side side, List<Step> lookup, boolean untagged,
      ValueKind value, String since, String feature, String summary) {
    return new Tag(name, ruleset, side, lookup, untagged, value, List.of(), since, feature, summary);
  }

  private static Tag flagged(String name, String ruleset, Side side, List<Flag> flags, String since,
      String summary) {
    return new Tag(name, ruleset, side, List.of(HOST, ADDRESS, BARE), false, ValueKind.FEATURE_FLAGS,
        flags, since, "", summary);
  }
}
