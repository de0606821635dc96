package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.KeyRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Ac202UnknownTagTest {

  @Test
  void misspeltTagsAreReportedWithTheNearestKnownTag() {
    assertFixture("AC202", "ac202-unknown-tag.access", null);
  }

  @Test
  void warningOffersTheNearestTagAndTheRewrittenKey() {
    assertThat(LintFixture.only("AC202", "TryTLS:broken.example NO\n")).singleElement()
        .satisfies(d -> {
          assertThat(d.severity()).isEqualTo(Severity.WARNING);
          assertThat(d.column()).isEqualTo(1);
          assertThat(d.message()).contains("\"TryTLS\"", "did you mean Try_TLS",
              "Try_TLS:broken.example");
        });
  }

  @Test
  void untaggedIpv6AddressesAreNotUnknownTags() {
    assertThat(LintFixture.only("AC202", """
        IPv6:2001:db8:0:0:0:0:0:1 REJECT
        [IPv6:2001:db8:0:0:0:0:0:2] REJECT
        2001:db8::3 REJECT
        """)).isEmpty();
  }

  @Test
  void aCiTagTagIsKnownOnlyWhenARequirementInTheFileNamesIt() {
    String issuer = "MyCAs:/C=US/O=Example+20CA OK\n";
    assertThat(LintFixture.only("AC202", issuer)).extracting(Diagnostic::line).containsExactly(1);
    assertThat(LintFixture.only("AC202", "TLS_Srv:mx.example VERIFY+CITag:MyCAs\n" + issuer))
        .isEmpty();
  }

  @Test
  void tagsOfMiltersThatReadTheAccessDbAreKnown() {
    assertThat(LintFixture.only("AC202", """
        milter-limit-Connect:192.0.2 1/10s
        milter-sender-From:example.com REJECT
        Milter-Spamc-To:postmaster@ SKIP
        milter-ahead-Auth:user OK
        """)).isEmpty();
    assertThat(LintFixture.only("AC202", "milter-nosuch-Connect:192.0.2 1\n"
        + "milter-limit-Helo:192.0.2 1\n")).extracting(Diagnostic::line).containsExactly(1, 2);
  }

  @Test
  void aSiteDeclaresItsOwnTags() {
    String text = "MyTag:example.com yes\nmytag2:x y\n";
    AccessSource src = new AccessParser(ParseOptions.defaults())
        .parse("access", text.getBytes(StandardCharsets.UTF_8));
    Catalog catalog = Catalog.stock().withExtraTags(List.of("mytag", "MyTag2:"));
    assertThat(new Linter(Set.of("AC202"), Set.of())
        .lint(new LintContext(src, catalog, Optional.empty()))).isEmpty();
    assertThat(LintFixture.only("AC202", text)).hasSize(2);
  }
}
