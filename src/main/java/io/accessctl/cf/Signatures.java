package io.accessctl.cf;

import io.accessctl.cf.CfText.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each {@link Feature} shows in a generated sendmail.cf.
 *
 * <p>Found by diffing cfs that m4 made from Debian 12's sendmail.mc with one FEATURE added or
 * removed (sendmail-cf 8.17.1.9), and checked against upstream 8.16.1, 8.17.2 and 8.18.0.2 output;
 * {@code CfFileOracleTest} regenerates every variant. Only rules and options count: the
 * {@code ##### $Id: feature.m4} comments and Debian's commented copy of the mc at the end of the cf
 * are comments, and a FEATURE may leave its comment without its rules (greet_pause before
 * access_db). Rules are compared with white space collapsed and double quotes removed.
 */
final class Signatures {
  private Signatures() {}

  private static final Pattern DOT_DOMAIN_LOOKUP = Pattern.compile("\\$\\(access (\\$\\d+:)?\\.\\$\\d");
  private static final Pattern BLOCKLIST_SEARCH = Pattern.compile("SearchList <\\+ To> \\$\\| <\\$\\d+>");
  private static final Pattern TAG_LOOKUP =
      Pattern.compile("<[!+] ([A-Za-z][A-Za-z0-9_]*)>|\\$\\(access ([A-Za-z][A-Za-z0-9_]*):");
  private static final Pattern DNSBL_LOOKUP =
      Pattern.compile("\\$\\((\\w+) \\$4\\.\\$3\\.\\$2\\.\\$1\\.(\\S+?)\\.? ");

  static Set<Feature> detect(CfText cf, AccessMapSpec access) {
    Set<Feature> found = EnumSet.noneOf(Feature.class);
    // FEATURE(access_db): the K line, and rulesets that look keys up in it (D, A, SearchList...).
    if (access != null && anyRhs(cf.rules, "$(access ")) {
      found.add(Feature.ACCESS_DB);
    }
    // access_db's `skip' option: LookUpDomain / LookUpAddress end the walk on SKIP.
    if (anyLhsStartingWith(cf.ruleset("D"), "<SKIP>")) {
      found.add(Feature.SKIP);
    }
    // lookupdotdomain (FEATURE or access_db option): D also looks up ".rest" ($(access $5:.$2).
    if (anyRhsFinding(cf.ruleset("D"), "", DOT_DOMAIN_LOOKUP)) {
      found.add(Feature.LOOKUPDOTDOMAIN);
    }
    // blocklist_recipients (and the old blacklist_ name): Rcpt_ok searches To: with a list variable.
    // (the literal part first: a regex on each of the cf's 1,700 rules was slow to start)
    if (anyRhsFinding(cf.rules, "SearchList <+ To> $| <$", BLOCKLIST_SEARCH)) {
      found.add(Feature.BLOCKLIST_RECIPIENTS);
    }
    // access_db's `relaytofulladdress' option: the relay check searches <F:user@domain> for To:.
    if (anyRhs(cf.rules, "SearchList <+ To> $| <F:")) {
      found.add(Feature.RELAYTOFULLADDRESS);
    }
    // relay_mail_from: Relay_ok searches the sender with the tag-only mark <! From>;
    // with the `domain' argument the list also has <D:domain>.
    for (Rule r : cf.ruleset("Relay_ok")) {
      if (r.rhs().contains("SearchList <! From> $|")) {
        found.add(Feature.RELAY_MAIL_FROM);
        if (r.rhs().contains("<D:")) {
          found.add(Feature.RELAY_MAIL_FROM_DOMAIN);
        }
      }
    }
    // greet_pause after access_db: the greet_pause ruleset looks up GreetPause:.
    if (anyRhs(cf.ruleset("greet_pause"), "<! GreetPause>")) {
      found.add(Feature.GREET_PAUSE);
    }
    // ratecontrol / conncontrol: the ruleset searching the tag, and a call of it (nodelay: from
    // check_relay; otherwise at the end of Basic_check_relay).
    if (anyRhs(cf.ruleset("RateControl"), "<! ClientRate>") && anyRhs(cf.rules, "$>RateControl")) {
      found.add(Feature.RATECONTROL);
    }
    if (anyRhs(cf.ruleset("ConnControl"), "<! ClientConn>") && anyRhs(cf.rules, "$>ConnControl")) {
      found.add(Feature.CONNCONTROL);
    }
    if (anyRhs(cf.ruleset("queuegroup"), "<! qgrp>")) {
      found.add(Feature.QUEUEGROUP);
    }
    if (anyRhs(cf.ruleset("check_compat"), "$(access Compat:")) {
      found.add(Feature.COMPAT_CHECK);
    }
    // delay_checks friend / hater: check_rcpt searches <! Spam> and tests FRIEND or HATER.
    if (anyRhs(cf.rules, "<! Spam>")) {
      if (anyLhsStartingWith(cf.rules, "<FRIEND>")) {
        found.add(Feature.DELAY_CHECKS_FRIEND);
      }
      if (anyLhsStartingWith(cf.rules, "<HATER>")) {
        found.add(Feature.DELAY_CHECKS_HATER);
      }
    }
    if (anyRhs(cf.ruleset("tls_srv_features"), "<! TLS_Srv_Features>")
        || anyRhs(cf.ruleset("tls_clt_feat_acc"), "<! TLS_Clt_Features>")) {
      found.add(Feature.TLS_SESSION_FEATURES);
    }
    // 8.17.2+: clt_features passes its argument (the server) to D; 8.17.1 used {client_name}.
    List<Rule> clt = cf.ruleset("clt_features");
    if (anyRhs(clt, "<! Clt_Features>")
        && !anyRhs(clt, "{client_name}") && !anyRhs(clt, "{client_addr}")) {
      found.add(Feature.CLT_FEATURES_BY_SERVER);
    }
    // FEATURE(authinfo): the authinfo ruleset reads its own map instead of AuthInfo: in access.
    if (anyRhs(cf.ruleset("authinfo"), "$(authinfo ")) {
      found.add(Feature.AUTHINFO);
    }
    if (anyRhs(cf.ruleset("bcc"), "<! bcc>")) {
      found.add(Feature.BCC);
    }
    if (isTrue(cf.option("UseCompressedIPv6Addresses"))) {
      found.add(Feature.COMPRESSED_IPV6);
    }
    if (isTrue(cf.option("TLSFallbacktoClear"))) {
      found.add(Feature.TLS_FALLBACK_TO_CLEAR);
    }
    return found;
  }

  /** The tags the rules ask the access map for, spelt as the rules spell them. */
  static Set<String> lookupTags(CfText cf) {
    Set<String> tags = new LinkedHashSet<>();
    for (Rule r : cf.rules) {
      String rhs = r.rhs();
      if (!rhs.contains("<! ") && !rhs.contains("<+ ") && !rhs.contains("$(access ")) {
        continue; // TAG_LOOKUP needs one of these; most rules have none
      }
      Matcher m = TAG_LOOKUP.matcher(rhs);
      while (m.find()) {
        tags.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    return tags;
  }

  /**
   * The checks Basic_check_relay makes only after the Connect: lookup, which an OK or RELAY
   * result returns before ({@code R<$={Accept}> <$*> $@ $1}).
   */
  static List<String> skippedByConnectOk(CfText cf) {
    List<Rule> rules = cf.ruleset("Basic_check_relay");
    int accept = -1;
    for (int i = 0; i < rules.size() && accept < 0; i++) {
      if (rules.get(i).lhs().startsWith("<$={Accept}>") && rules.get(i).rhs().startsWith("$@")) {
        accept = i;
      }
    }
    Set<String> skipped = new LinkedHashSet<>();
    for (int i = accept + 1; accept >= 0 && i < rules.size(); i++) {
      String rhs = rules.get(i).rhs();
      if (rhs.contains("$>RateControl")) {
        skipped.add("the ClientRate: limits of FEATURE(`ratecontrol') (not `nodelay')");
      }
      if (rhs.contains("$>ConnControl")) {
        skipped.add("the ClientConn: limits of FEATURE(`conncontrol') (not `nodelay')");
      }
      Matcher m = DNSBL_LOOKUP.matcher(rhs);
      if (m.find()) {
        skipped.add("the DNS blocklist " + m.group(2));
      }
      if (rhs.contains("{client_resolve}")) {
        skipped.add("the reverse-DNS check of FEATURE(`require_rdns')");
      }
    }
    return new ArrayList<>(skipped);
  }

  /** sendmail's atobool(): empty, or starting with t, T, y or Y. */
  static boolean isTrue(String value) {
    return value != null && (value.isEmpty() || "tTyY".indexOf(value.charAt(0)) >= 0);
  }

  // Loops, not streams of predicates: a cf is read at the start of a run, on the way to lint's
  // first finding, and each lambda and stream the JDK links there costs the run CPU.

  private static boolean anyRhs(List<Rule> rules, String fragment) {
    for (Rule r : rules) {
      if (r.rhs().contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyLhsStartingWith(List<Rule> rules, String prefix) {
    for (Rule r : rules) {
      if (r.lhs().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some rule's right-hand side contains {@code fragment} and {@code p} finds a match. */
  private static boolean anyRhsFinding(List<Rule> rules, String fragment, Pattern p) {
    for (Rule r : rules) {
      if (r.rhs().contains(fragment) && p.matcher(r.rhs()).find()) {
        return true;
      }
    }
    return false;
  }
}
