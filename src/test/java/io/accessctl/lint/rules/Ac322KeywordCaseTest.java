package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.ValueRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.LintFixture;
import org.junit.jupiter.api.Test;

class Ac322KeywordCaseTest {

  @Test
  void lowerCaseKeywordsAreReportedOncePerFile() {
    assertFixture("AC322", "ac322-keyword-case.access");
  }

  @Test
  void upperCaseKeywordsFeatureLettersAndMessagesAreNotReported() {
    assertThat(LintFixture.only("AC322", "Connect:10.1 RELAY\nSrv_Features:10.2 a p\n"
        + "TLS_Srv:x VERIFY+CITag:MyCAs\nFrom:x.example ERROR:\"550 ok\"\n")).isEmpty();
  }
}
