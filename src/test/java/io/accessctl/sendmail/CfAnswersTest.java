package io.accessctl.sendmail;

import static io.accessctl.sendmail.Maps.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.rules.CfException;
import io.accessctl.rules.RulesetLookup;
import io.accessctl.tokens.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Every example of {@link SimulatorTest}, answered by the cf's own rules run by the engine: the
 * same keys, matches, effects and notes as the model gives on Debian's cf. Questions the model
 * answers without a cf stay with the model, as {@code --no-cf} does. Two examples are asked
 * otherwise here, where the rules show more than the model (each says why).
 */
class CfAnswersTest extends SimulatorTest {
  @Override
  Answers sim(Rules rules, String... lines) {
    if (!rules.fromCf()) {
      return super.sim(rules, lines);
    }
    try {
      return CfAnswers.compile(rules, Maps.of(lines), RulesetLookup.hostSettings());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CfException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Debian's check_relay looks ClientRate: and ClientConn: up first, and check_rcpt its Spam:
   * keys before the Connect walk (delay_checks): the trace has them, the check's keys are the
   * ones that follow.
   */
  @Test
  @Override
  void skipEndsTheHostWalkButTheAddressWalkGoesOn() {
    Answer a = skipWalk();
    assertThat(a.tried()).containsExactly("connect:skip.bad.example", "connect:192.0.2.9",
        "192.0.2.9", "connect:192.0.2");
    assertThat(a.probes()).filteredOn(p -> !p.other()).first()
        .satisfies(p -> assertThat(p.skipped()).isTrue());
    assertThat(a.probes()).filteredOn(Probe::other).extracting(Probe::storedKey)
        .contains("clientrate:192.0.2.9", "spam:postmaster@");
    assertThat(a.effect().code()).isEqualTo("error 5.7.1");
  }

  /**
   * sendmail refuses a token longer than MAXNAME before any lookup ("prescan: token too long",
   * checked against sendmail -bt), so the rules cut a long key only when its labels are short.
   */
  @Test
  @Override
  void keysLongerThan256BytesAreCutLikeSendmailCutsThem() {
    String longLabel = "a".repeat(300) + ".example";
    Answer refused = ask(sim(DEBIAN), "Try_TLS", longLabel, null);
    assertThat(refused.probes()).isEmpty();
    assertThat(refused.problem()).hasValueSatisfying(p -> assertThat(p).contains("try_tls")
        .contains("prescan refused"));
    String longName = "a.".repeat(150) + "example";
    Answer a = ask(sim(DEBIAN), "Try_TLS", longName, null);
    assertThat(a.probes().get(0).storedKey()).hasSize(Limits.MAXNAME);
    assertThat(a.probes().get(0).key()).hasSize("Try_TLS:".length() + longName.length());
  }
}
