package io.accessctl.lint.rules;

import static io.accessctl.lint.rules.ValueRulesFixtureTest.assertFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintFixture;
import io.accessctl.lint.Severity;
import io.accessctl.tokens.Prescan;
import io.accessctl.tokens.TokenText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AC310–AC313: Connect / From / To values, their keywords and messages. */
class Ac310To313MessagesTest {

  @Test
  void ac310UnquotedMessagesThatSendmailChanges() {
    assertFixture("AC310", "ac310-unquoted-message.access");
  }

  @Test
  void ac311ReplyCodesAndDsns() {
    assertFixture("AC311", "ac311-reply-code.access");
  }

  @Test
  void ac312LegacyReplies() {
    assertFixture("AC312", "ac312-legacy-error-form.access");
  }

  @Test
  void ac313WordsThatAreNoKeywords() {
    assertFixture("AC313", "ac313-unknown-keyword.access");
  }

  @Test
  void eachBadMessageDrawsOneOfTheFourRulesNotSeveral() {
    String map = """
        Connect:10.0.0.1 ACCEPT
        Connect:10.0.0.2 ERROR:550 "go away"
        Connect:10.0.0.3 go away
        Connect:10.0.0.4 550 go away
        Connect:10.0.0.5 ERROR:4.7.1:"550 x"
        """;
    List<Diagnostic> d = LintFixture.lint(map).stream()
        .filter(x -> x.ruleId().compareTo("AC310") >= 0 && x.ruleId().compareTo("AC313") <= 0)
        .toList();
    assertThat(d).extracting(x -> x.line() + " " + x.ruleId())
        .containsExactly("1 AC313", "2 AC310", "3 AC311", "4 AC312", "5 AC311");
  }

  @Test
  void actionValuesFollowTheRulesOrder() {
    assertThat(kind("OK")).isEqualTo(ActionValue.Kind.ACCEPT);
    assertThat(kind("relay")).isEqualTo(ActionValue.Kind.ACCEPT);
    assertThat(kind("OK then")).isEqualTo(ActionValue.Kind.TEXT);
    assertThat(kind("\"OK\"")).isEqualTo(ActionValue.Kind.TEXT);
    assertThat(kind("QUARANTINE:x")).isEqualTo(ActionValue.Kind.QUARANTINE);
    assertThat(kind("QUARANTINE:")).isEqualTo(ActionValue.Kind.TEXT);
    ActionValue e = ActionValue.parse(Prescan.tokens("ERROR:4.7.1:\"450 later\""));
    assertThat(e.kind()).isEqualTo(ActionValue.Kind.ERROR);
    assertThat(TokenText.concat(e.dsn())).isEqualTo("4.7.1");
    assertThat(e.reply().line()).isEqualTo("450 4.7.1 later");
    assertThat(ActionValue.parse(Prescan.tokens("ERROR:go away")).reply().line())
        .isEqualTo("553 5.3.0 go away");
    assertThat(ActionValue.parse(Prescan.tokens("ERROR:\"550 5.7.1 no\"")).reply().line())
        .isEqualTo("550 5.7.1 no");
    assertThat(ActionValue.parse(Prescan.tokens("550 no")).reply().line())
        .isEqualTo("550 5.0.0 no");
  }

  @Test
  void aReplyIsTakenApartIntoCodeDsnsAndMessage() {
    ActionValue.Reply r = ActionValue.parse(Prescan.tokens("ERROR:4.7.1:\"550 5.7.2 go away\""))
        .reply();
    assertThat(List.of(r.code(), r.textDsn(), r.ruleDsn(), r.message(), r.rendered()))
        .containsExactly("550", "5.7.2", "4.7.1", "go away", "550 5.7.2 go away");
    assertThat(r.effectiveDsn()).isEqualTo("5.7.2");
    ActionValue.Reply bare = ActionValue.parse(Prescan.tokens("ERROR:\"450 5.7.1\"")).reply();
    assertThat(List.of(bare.code(), bare.textDsn(), bare.message()))
        .containsExactly("450", "", "5.7.1");
    ActionValue.Reply none = ActionValue.parse(Prescan.tokens("ERROR:go away")).reply();
    assertThat(List.of(none.code(), none.textDsn(), none.ruleDsn(), none.message()))
        .containsExactly("", "", "", "go away");
    assertThat(none.hasCode()).isFalse();
    assertThat(none.effectiveDsn()).isEqualTo("5.3.0");
    ActionValue.Reply coded = ActionValue.parse(Prescan.tokens("ERROR:\"421 bye\"")).reply();
    assertThat(coded.codeClass()).isEqualTo('4');
    assertThat(coded.effectiveDsn()).isEqualTo("4.0.0");
  }

  private static ActionValue.Kind kind(String v) {
    return ActionValue.parse(Prescan.tokens(v)).kind();
  }

  @Test
  void ac313SuggestsTheFirstKeywordAWordStartsInTheRulesOrder() {
    // "R" starts RELAY and REJECT; the suggestion once depended on a Set's order, which differs
    // from JVM to JVM (and so from one CDS archive to the next).
    assertThat(LintFixture.only("AC313", "Connect:spam.example R\nConnect:x.example REJ\n"))
        .extracting(Diagnostic::message)
        .satisfiesExactly(m -> assertThat(m).endsWith("write RELAY"),
            m -> assertThat(m).endsWith("write REJECT"));
  }

  @Test
  void aBareReplyWithATabAfterItsCodeIsSentAsMeant() {
    // sendmail -bs replies "550 5.0.0 <rcpt>... go away" to both (CorpusOracleTest proves it).
    String text = "From:a.example\t550 go away\nFrom:b.example\t550\tgo away\n"
        + "From:c.example\t550\t5.7.1\tgo away\n";
    assertThat(LintFixture.lint(text)).allSatisfy(d -> {
      assertThat(d.severity()).isEqualTo(Severity.INFO);
      assertThat(d.ruleId()).isEqualTo("AC312");
      assertThat(d.message()).doesNotContain("\t", "\\t");
    });
    assertThat(LintFixture.lint(text)).hasSize(3);
  }

  @Test
  void aSuggestedQuotedMessageNeverHoldsATab() {
    assertThat(LintFixture.only("AC310", "From:a.example ERROR:550\tgo\t\taway, now\n"))
        .singleElement().satisfies(d -> assertThat(d.message())
            .endsWith("quote it: ERROR:\"550 go  away, now\""));
  }
}
