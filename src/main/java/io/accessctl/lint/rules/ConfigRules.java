package io.accessctl.lint.rules;

import io.accessctl.lint.Rule;
import java.util.List;

/** AC4xx: the map against the sendmail.cf (and .mc) it is used with. */
public final class ConfigRules {
  private ConfigRules() {}

  public static List<Rule> all() {
    return List.of(new NoAccessDb(), new FeatureMissing(), new CltFeatures8171(),
        new GlobalTryTlsNo(), new GlobalSrvFeatures(), new PreferFallback(),
        new TlsFailuresFeature(), new Precedence(), new ConnectOkBypass(), new KLineFlags());
  }
}
