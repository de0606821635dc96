package io.accessctl.testutil;

import io.accessctl.cf.CfVariants;
import io.accessctl.rules.MapClass;
import io.accessctl.rules.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The real cfs the oracle tests of the rules engine run on: Debian's own sendmail.cf, cfs built by
 * m4 from sendmail-cf with feature combinations (lookupdotdomain, relay_hosts_only,
 * blocklist_recipients, no delay_checks, use_client_ptr, tls_session_features, rate and connection
 * control, LOCAL_RULESETS looking up a Site: tag) and a hand-edited one; and the names sendmail
 * finds for itself when {@link Oracle#sendmailBt} runs it. Each cf reads the access map of the
 * given K line and has the MkBar helper for {@code $|} arguments.
 */
public final class RealCfs {
  private RealCfs() {}

  /** The LOCAL_RULESETS of the "local rules" cf: a Site: lookup of the client's name. */
  public static final String LOCAL_CHECK_RELAY = "LOCAL_RULESETS\nSLocal_check_relay\nR$*\t$:"
      + " < $(access Site:$&{client_name} $: ? $) >\nR<REJECT>\t$#error $@ 5.7.1 $: \"550 site\"\n";

  /** Skips (locally) or fails (CI) the calling test unless sendmail, makemap and m4 are here. */
  public static void require() {
    Oracle.require(Oracle.SENDMAIL, Oracle.MAKEMAP, CfVariants.M4, CfVariants.CF_M4);
  }

  /** Builds the cfs in {@code dir}, by name; {@code map} is the access map (hash, no .db). */
  public static Map<String, Path> build(Path dir, Path map) throws IOException {
    String kLine = "Kaccess hash -T<TMPF> " + map;
    Map<String, Path> cfs = new LinkedHashMap<>();
    cfs.put("debian stock", Oracle.testCf(dir, "hash", map.toString()));
    cfs.put("debian mc", CfVariants.testCf(CfVariants.generate(dir, "m4debian"), kLine));
    cfs.put("no delay_checks, lookupdotdomain, relay_hosts_only, blocklist_recipients",
        CfVariants.testCf(CfVariants.generate(dir, "m4plain",
            CfVariants.remove("delay_checks"), CfVariants.add("FEATURE(`lookupdotdomain')"),
            CfVariants.add("FEATURE(`relay_hosts_only')"),
            CfVariants.add("FEATURE(`blocklist_recipients')")), kLine));
    cfs.put("use_client_ptr, tls_session_features, delayed rate/conn control",
        CfVariants.testCf(CfVariants.generate(dir, "m4tls",
            CfVariants.add("FEATURE(`use_client_ptr')"),
            CfVariants.add("FEATURE(`tls_session_features')"),
            CfVariants.replace("conncontrol", "FEATURE(`conncontrol')"),
            CfVariants.replace("ratecontrol", "FEATURE(`ratecontrol')")), kLine));
    cfs.put("LOCAL_RULESETS with an access lookup",
        CfVariants.testCf(CfVariants.generate(dir, "m4local",
            CfVariants.remove("delay_checks"), CfVariants.add(LOCAL_CHECK_RELAY)), kLine));
    Path stock = cfs.get("debian stock");
    Path edited = dir.resolve("edited.cf");
    Files.writeString(edited, Files.readString(stock, StandardCharsets.ISO_8859_1)
        .replace("Connect:$&{client_addr}", "Connect:[$&{client_addr}]")
        .replace("SLocal_check_mail\n", "SLocal_check_mail\nR$*\t$: $>Basic_check_relay "
            + "$&{client_name} $| $&{client_addr}\n"), StandardCharsets.ISO_8859_1);
    cfs.put("hand-edited debian", edited);
    return cfs;
  }

  /**
   * The host names, domain and class w sendmail finds for itself in {@link Oracle#sendmailBt}'s
   * namespace, and its DNS as it is there: no resolver, so only its own names (from /etc/hosts)
   * are found, with a dot; the {@code resolve} map finds nothing.
   */
  public static Settings sendmailNames() {
    Oracle.Result r = Oracle.sendmailBt(Path.of(Oracle.STOCK_CF), "$=w\n$j\n$w\n$m\n");
    String[] parts = r.stdout().split("(^|\n)> ", -1);
    Set<String> w = new HashSet<>(List.of(parts[1].strip().split("\n")));
    System.out.println("sendmail's own names: " + w + ", $j " + parts[2].strip());
    MapClass host = (key, args, macros) -> w.contains(key.toLowerCase(Locale.ROOT))
        ? MapClass.Result.found(key + ".") : MapClass.Result.NOT_FOUND;
    MapClass nothing = (key, args, macros) -> MapClass.Result.NOT_FOUND;
    return new Settings(Map.of("j", parts[2].strip(), "w", parts[3].strip(), "m",
        parts[4].strip()), Map.of("w", w), Map.of("host", host, "resolve", nothing));
  }
}
