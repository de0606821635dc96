package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AC112, AC227, AC228 and AC324: lines an edit broke. Each draws one finding, from the rule that
 * names the damage, and not the findings the other rules would make of the broken text read as
 * written.
 */
class DamagedLinesTest {

  private static List<String> findings(String map) {
    return LintFixture.lint(map).stream().map(d -> d.line() + " " + d.ruleId()).toList();
  }

  private static Diagnostic only(String map) {
    List<Diagnostic> all = LintFixture.lint(map);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void aWholeQuotedErrorValueIsOneFindingWithTheReplySendmailSends() {
    Diagnostic d = only("From:spammer.example \"ERROR:550 5.7.1 go away\"\n");
    assertThat(d.ruleId()).isEqualTo("AC324");
    assertThat(d.column()).isEqualTo(22);
    assertThat(d.message()).contains("\"553 5.3.0 ERROR:550 5.7.1 go away\"",
        "write From:spammer.example ERROR:\"550 5.7.1 go away\"");
    assertThat(only("Connect:192.0.2.9 \"QUARANTINE:held for review\"\n").message())
        .contains("write Connect:192.0.2.9 QUARANTINE:\"held for review\"");
    assertThat(only("From:x.example \"ERROR:5.7.1:550 go away\"\n").message())
        .contains("write From:x.example ERROR:5.7.1:\"550 go away\"");
  }

  @Test
  void quotedKeywordsAndQuotedRepliesAreNotDamage() {
    // a quoted keyword is AC313's; a quoted "550 text" works (sendmail takes its code)
    assertThat(findings("Connect:10.0.0.3 \"OK\"\n")).containsExactly("1 AC313");
    assertThat(LintFixture.only("AC324", "Connect:10.0.0.1 \"451 4.7.1 try later\"\n")).isEmpty();
  }

  @Test
  void proseWithoutItsHashIsOneFinding() {
    Diagnostic d = only("This file lists the hosts we block\n");
    assertThat(d.ruleId()).isEqualTo("AC228");
    assertThat(d.message()).contains("# This file lists the hosts we block");
    assertThat(findings("Allow relaying from our network\nNote: see the README first\n"
        + "Connect from our LAN\n")).containsExactly("1 AC228", "2 AC228", "3 AC228");
  }

  @Test
  void entriesThatMerelyLookOddAreNoProse() {
    assertThat(LintFixture.only("AC228", """
        mailhost ERROR:"550 go away"
        spammer REJECT
        localhost RELAY
        Try_TLS broken.example NO
        Srv_Features A P
        spam.example 550 5.7.1 go away
        Key With Space:value one
        """)).isEmpty();
  }

  @Test
  void aValueWrappedOntoTheNextLineIsOneDiagnosisAtEachLineMakemapDrops() {
    String map = "From:wrapped.example\nERROR:\"550 5.7.1 go away\"\nConnect:x.example\nREJECT\n";
    // makemap drops a bare REJECT too: its line says where it belongs, not "no value"
    assertThat(findings(map)).containsExactly("1 AC112", "3 AC112", "4 AC112");
    assertThat(LintFixture.lint(map).get(2).message()).contains("the value of the key on line 3",
        "join them: Connect:x.example REJECT");
    assertThat(LintFixture.lint(map).get(0).message()).contains("line 2",
        "join them: From:wrapped.example ERROR:\"550 5.7.1 go away\"");
  }

  @Test
  void aValueAloneIsOneFinding() {
    String map = "Connect:10.1 RELAY\nREJECT\nERROR:\"550 lonely\"\n550 5.7.1 go away\nOK\n";
    assertThat(findings(map)).containsExactly("2 AC227", "3 AC227", "4 AC227", "5 AC227");
    assertThat(LintFixture.lint(map).get(1).message()).contains("takes \"ERROR:\"550\" for the key");
  }

  @Test
  void everySuggestedRepairLintsClean() {
    assertThat(LintFixture.lint("""
        From:spammer.example ERROR:"550 5.7.1 go away"
        Connect:192.0.2.9 QUARANTINE:"held for review"
        # This file lists the hosts we block
        From:wrapped.example ERROR:"550 5.7.1 go away"
        From:other.example ERROR:"550 5.7.1 Zugriff verweigert fur Sie"
        """)).isEmpty();
  }

  @Test
  void aKeyWithoutValueBeforeAnEntryIsStillAc102() {
    assertThat(findings("From:alone.example\nConnect:10.1 RELAY\n")).containsExactly("1 AC102");
  }
}
