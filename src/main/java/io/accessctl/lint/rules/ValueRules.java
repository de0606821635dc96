package io.accessctl.lint.rules;

import io.accessctl.lint.Rule;
import java.util.List;

/** AC3xx: what sendmail does with the values. */
public final class ValueRules {
  private ValueRules() {}

  public static List<Rule> all() {
    return List.of(new TryTlsNotNo(), new FeaturesMultiCharToken(), new FeaturesTemp(),
        new FeaturesUnknownLetter(), new FeaturesUndocumented(), new SkipWithoutOption(),
        new SkipOnAddressKey(), new RateNotInteger(), new GreetPauseNotInteger(),
        new UnquotedMessage(), new ReplyCode(), new LegacyErrorForm(), new UnknownKeyword(),
        new TlsRequirementUnknown(), new PermWithFallback(), new TlsFeaturesSyntax(),
        new PercentDigit(), new EmptyValue(), new SpamValue(), new QgrpUnknown(),
        new AuthinfoSecrets(), new KeywordCase(), new ReplyBytes(),
        new QuotedValue());
  }
}
