package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.CfVariants;
import io.accessctl.lint.LintFixture;
import io.accessctl.testutil.Oracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("oracle")
class Ac409ConnectOkBypassTest {
  static final String MAP = """
      Connect:192.0.2 REJECT
      Connect:10 RELAY
      192.168 OK
      ClientRate:10.1.2.3 5
      """;

  @TempDir
  Path dir;

  private CfFile delayed() {
    return CfVariants.read(dir, "delayed", CfVariants.replace("ratecontrol",
        "FEATURE(`ratecontrol')"), CfVariants.add("FEATURE(`dnsbl', `bl.example')"));
  }

  /** Without the DNS blocklist, whose lookups would need DNS in the oracle run. */
  private CfFile rateOnly() {
    return CfVariants.read(dir, "rate-delayed", CfVariants.replace("ratecontrol",
        "FEATURE(`ratecontrol')"));
  }

  @Test
  void okAndRelayClientsSkipDelayedLimitsAndBlocklistsOnceForTheFile() {
    CfFile cf = delayed();
    assertThat(LintFixture.only("AC409", MAP, cf)).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(2);
      assertThat(x.message()).isEqualTo("an OK or RELAY answer to the connection check returns at"
          + " once, so for \"Connect:10\" (and the clients of 1 more OK/RELAY entry) sendmail skips"
          + " the ClientRate: limits of FEATURE(`ratecontrol') (not `nodelay') and the DNS blocklist"
          + " bl.example, which " + cf.path() + " checks only after the Connect: lookup; if that is"
          + " not intended, build the limits with `nodelay' or remove the entry");
    });
  }

  @Test
  void silentWithDebiansNodelayLimitsAndWithoutOkEntries() {
    assertThat(LintFixture.only("AC409", MAP, CfVariants.read(dir, "stock"))).isEmpty();
    assertThat(LintFixture.only("AC409", "Connect:10 REJECT\nConnect:11 RELAY # lan\n",
        delayed())).isEmpty();
    assertThat(LintFixture.only("AC409", MAP)).isEmpty();
  }

  /** With ratecontrol not nodelay, the real sendmail never asks for ClientRate: of a RELAY client. */
  @Test
  void realSendmailSkipsTheRateLookupForARelayClient() {
    Oracle.require(Oracle.MAKEMAP, Oracle.SENDMAIL);
    Path map = dir.resolve("access");
    assertThat(Oracle.makemap(dir, List.of(), "hash", map.toString(),
        MAP.getBytes(StandardCharsets.ISO_8859_1)).exit()).isZero();
    CfFile rate = rateOnly();
    assertThat(LintFixture.only("AC409", MAP, rate)).hasSize(1);
    Path cf = CfVariants.testCf(rate.path(), "Kaccess hash -T<TMPF> " + map);
    Oracle.Result relay = Oracle.sendmailBt(cf,
        ".D{client_addr}10.1.2.3\nMkBar,Basic_check_relay [10.1.2.3] = 10.1.2.3\n", "-d38.20");
    assertThat(CfVariants.lookups(relay)).as(relay.stdout()).contains("Connect:10")
        .noneMatch(k -> k.startsWith("ClientRate:"));
    Oracle.Result other = Oracle.sendmailBt(cf,
        ".D{client_addr}10.1.2.3\nMkBar,Basic_check_relay [198.51.100.1] = 198.51.100.1\n",
        "-d38.20");
    assertThat(CfVariants.lookups(other)).as(other.stdout()).contains("ClientRate:10.1.2.3");
  }
}
