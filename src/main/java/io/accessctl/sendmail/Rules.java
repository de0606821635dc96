package io.accessctl.sendmail;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.cf.SendmailVersion;
import io.accessctl.tokens.Strtol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rules sendmail runs: read from a sendmail.cf (the rulesets it has, the FEATUREs visible in
 * its rules, the access K line, the tag spelling, the version), or — without a cf — the documented
 * behaviour of the newest sendmail, which {@link #assumptions()} spells out for the output.
 */
public final class Rules {
  /** The version whose behaviour is assumed without a cf. */
  public static final String NEWEST = "8.18.1";

  private static final Pattern GREET_PAUSE_DEFAULT =
      Pattern.compile("(?m)^Sgreet_pause\\b[\\s\\S]*?^R<\\?> ?<\\$\\*>\\s+\\$#\\s*(\\S*)\\s*$");

  private final Optional<CfFile> cf;
  private final String version;
  private final Set<Feature> features;
  private final Map<String, String> spelling = new LinkedHashMap<>();
  private final boolean fold;
  private final boolean nulKeys;
  private final boolean noNulKeys;
  private final OptionalLong greetPauseDefault;

  private Rules(Optional<CfFile> cf, String version, Set<Feature> features, boolean fold,
      boolean nulKeys, boolean noNulKeys, OptionalLong greetPauseDefault) {
    this.cf = cf;
    this.version = version;
    this.features = features;
    this.fold = fold;
    this.nulKeys = nulKeys;
    this.noNulKeys = noNulKeys;
    this.greetPauseDefault = greetPauseDefault;
  }

  /**
   * The newest sendmail's documented rules: FEATURE(access_db) with the {@code skip} option (as
   * Debian ships it), greet_pause, ratecontrol, conncontrol and delay_checks friend mode, no
   * lookupdotdomain, clt_features keyed by the server name, keys folded, adaptive NUL handling.
   */
  public static Rules assumed() {
    Set<Feature> f = EnumSet.of(Feature.ACCESS_DB, Feature.SKIP, Feature.GREET_PAUSE,
        Feature.RATECONTROL, Feature.CONNCONTROL, Feature.DELAY_CHECKS_FRIEND,
        Feature.CLT_FEATURES_BY_SERVER);
    return new Rules(Optional.empty(), NEWEST, f, true, false, false, OptionalLong.empty());
  }

  /** The rules of this cf. */
  public static Rules of(CfFile cf) {
    Set<Feature> f = cf.features().isEmpty() ? EnumSet.noneOf(Feature.class)
        : EnumSet.copyOf(cf.features());
    Optional<AccessMapSpec> k = cf.accessMap();
    Rules r = new Rules(Optional.of(cf), cf.version(), f,
        k.map(s -> !s.noFolding()).orElse(true), k.map(AccessMapSpec::nulKeys).orElse(false),
        k.map(AccessMapSpec::noNulKeys).orElse(false), greetPauseDefault(cf));
    for (String t : cf.lookupTags()) {
      r.spelling.put(t.toLowerCase(Locale.ROOT), t);
    }
    return r;
  }

  private static OptionalLong greetPauseDefault(CfFile cf) {
    try {
      String text = new String(Files.readAllBytes(cf.path()), StandardCharsets.ISO_8859_1);
      Matcher m = GREET_PAUSE_DEFAULT.matcher(text);
      if (m.find()) {
        return OptionalLong.of(m.group(1).isEmpty() ? 0 : Strtol.parse(m.group(1), 10));
      }
    } catch (IOException | RuntimeException unreadable) {
      // the default stays unknown
    }
    return OptionalLong.empty();
  }

  public Optional<CfFile> cf() {
    return cf;
  }

  public boolean fromCf() {
    return cf.isPresent();
  }

  /** The sendmail version the rules are for ("" when the cf does not say). */
  public String version() {
    return version;
  }

  public boolean versionAtLeast(String v) {
    return !version.isEmpty() && SendmailVersion.compare(version, v) >= 0;
  }

  public boolean has(Feature f) {
    return features.contains(f);
  }

  /** True when the cf has this ruleset (always true without a cf). */
  public boolean hasRuleset(String name) {
    return cf.map(c -> c.hasRuleset(name)).orElse(true);
  }

  /** The tag as the rules spell it (what reaches the map with {@code -f}). */
  public String spell(String tag) {
    return spelling.getOrDefault(tag.toLowerCase(Locale.ROOT), tag);
  }

  public boolean foldsKeys() {
    return fold;
  }

  public boolean nulKeys() {
    return nulKeys;
  }

  public boolean noNulKeys() {
    return noNulKeys;
  }

  /** The FEATURE(greet_pause) argument in ms, when the cf shows it. */
  public OptionalLong greetPauseDefault() {
    return greetPauseDefault;
  }

  /** An access map over this storage, with the K line's folding and NUL flags. */
  public AccessMap accessMap(KeyLookup store) {
    return new AccessMap(store, fold, nulKeys, noNulKeys);
  }

  /** One line saying where the rules come from. */
  public String source() {
    if (cf.isEmpty()) {
      return "no sendmail.cf read: assuming the documented behaviour of sendmail " + NEWEST;
    }
    String v = version.isEmpty() ? "version not stated" : "sendmail " + version;
    return "rules from " + cf.get().path() + " (" + v + ")";
  }

  /** What is assumed or was found that changes lookups, one phrase each. */
  public List<String> assumptions() {
    List<String> out = new ArrayList<>();
    out.add(has(Feature.SKIP) ? "SKIP ends a host or address walk (access_db `skip')"
        : "SKIP is not a keyword (access_db without `skip'): it is just a value");
    out.add(has(Feature.LOOKUPDOTDOMAIN) ? "\".domain\" keys are looked up (lookupdotdomain)"
        : "no \".domain\" keys (no lookupdotdomain)");
    out.add(has(Feature.CLT_FEATURES_BY_SERVER)
        ? "clt_features looks up the server name (8.17.2+)"
        : "clt_features looks up the inbound client's {client_name} and {client_addr} (8.17.1)");
    out.add(fold ? "keys are folded to lower case" : "keys keep their case (K line -f)");
    out.add(nulKeys ? "keys end in a NUL byte (K line -N)"
        : noNulKeys ? "keys without a NUL byte only (K line -O)"
        : "keys with or without a trailing NUL (whichever is found first)");
    if (has(Feature.COMPRESSED_IPV6)) {
      out.add("IPv6 addresses in compressed form (UseCompressedIPv6Addresses)");
    } else {
      out.add("IPv6 addresses in full form, IPv6:2001:db8:0:0:0:0:0:1");
    }
    return out;
  }
}
