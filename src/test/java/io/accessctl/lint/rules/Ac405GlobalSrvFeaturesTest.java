package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ac405GlobalSrvFeaturesTest {
  @Test
  void sInTheBareDefaultTurnsStarttlsOffForEveryClient() {
    List<Diagnostic> d = LintFixture.only("AC405", """
        Srv_Features: S
        Srv_Features: P S
        """);
    assertThat(d).extracting(Diagnostic::line).containsExactly(1, 2);
    assertThat(d.get(0).message()).contains("STARTTLS is offered to no client",
        "Srv_Features:192.0.2.25 S");
  }

  @Test
  void skipAsTheBareDefaultCountsAsS() {
    assertThat(LintFixture.only("AC405", "Srv_Features: SKIP\n")).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("\"SKIP\" counts as S"));
  }

  @Test
  void tempInTheBareDefaultStopsAllMail() {
    assertThat(LintFixture.only("AC405", "Srv_Features: TEMPFAIL now\nsrv_features:\ttemp\n"))
        .hasSize(2).allSatisfy(x -> assertThat(x.message()).contains("no mail is accepted"));
  }

  @Test
  void nearMissesAreSilent() {
    assertThat(LintFixture.only("AC405", """
        Srv_Features:192.0.2.25 S
        Srv_Features: s
        Srv_Features: PD
        Srv_Features: aS
        Clt_Features: S
        """)).isEmpty();
  }
}
