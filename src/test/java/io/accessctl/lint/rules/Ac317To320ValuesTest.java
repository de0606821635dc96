package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.ValueRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.MapValue;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AC317–AC320: percent signs, empty values, Spam and QGRP values. */
class Ac317To320ValuesTest {

  @Test
  void ac317PercentDigits() {
    assertFixture("AC317", "ac317-percent-digit.access");
  }

  @Test
  void ac318EmptyValues() {
    assertFixture("AC318", "ac318-empty-value.access");
  }

  @Test
  void ac319SpamValues() {
    assertFixture("AC319", "ac319-spam-value.access");
  }

  @Test
  void ac320QueueGroups() {
    assertFixture("AC320", "ac320-qgrp-unknown.access");
  }

  @Test
  void ac318AValueOfOnlyACommentRejectsOnConnect() {
    assertThat(LintFixture.only("AC318", "Connect:host.example (trusted)\n"
        + "Try_TLS:mx.example (broken)\nConnect:h2.example OK (trusted)\n"))
        .extracting(d -> d.line() + " " + d.severity())
        .containsExactly("1 " + Severity.ERROR, "2 " + Severity.WARNING);
    // and no other value rule talks about such a value
    assertThat(LintFixture.lint("Connect:host.example (trusted)\n"))
        .extracting(Diagnostic::ruleId).filteredOn(id -> id.startsWith("AC3"))
        .containsExactly("AC318");
  }

  @Test
  void ac319And320NeedACfForTheirCfChecks() {
    assertThat(LintFixture.only("AC319", "Spam:abuse@ HATER\n")).isEmpty();
    assertThat(LintFixture.only("AC320", "QGRP:x.example nosuch\n")).isEmpty();
    CfFile noFeature = CfFile.of(Path.of("sendmail.cf"), "8.17.1.9", null,
        Set.of(Feature.ACCESS_DB), Set.of());
    assertThat(LintFixture.only("AC320", "QGRP:x.example nosuch\n", noFeature)).isEmpty();
  }

  @Test
  void mapRewriteOfPercentSigns() {
    assertThat(MapValue.rewrite("a%0b%1c%%d%x%", "Tag:k")).isEqualTo("aTag:kbc%d%x%");
  }
}
