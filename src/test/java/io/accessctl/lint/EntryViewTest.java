package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessctl.catalog.Catalog;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the engine's entry views hold and guard. */
class EntryViewTest {
  private static final AtomicInteger COMPUTED = new AtomicInteger();
  private static final EntryView.Derived<String> TOKENS = EntryView.Derived.ofTokens((v, ctx) -> {
    COMPUTED.incrementAndGet();
    return v.entry().value();
  });

  @Test
  void aKeyIsSplitTheWaySendmailsRulesetsSplitIt() {
    LintContext ctx = context("Connect:192.0.2\tOK\nfe80::1\tOK\nfe80:x\tOK\nIPv6:::1\tOK\n"
        + "MyIssuers:/C=US\tOK\nTLS_Srv:x\tVERIFY+CITag:MyIssuers\nBogus:x\tOK\n192.0.2\tOK\n");
    List<String> seen = new ArrayList<>();
    for (EntryView v : EntryView.of(ctx)) {
      seen.add(v.tagText() + "|" + (v.tag() == null ? "-" : v.tag().name()) + "|"
          + (v.stockTag() == null ? "-" : v.stockTag().name()));
    }
    assertThat(seen).containsExactly("Connect|Connect|Connect", "|-|-", "fe80|-|-", "|-|-",
        "MyIssuers|MyIssuers|-", "TLS_Srv|TLS_Srv|TLS_Srv", "Bogus|-|-", "|-|-");
  }

  @Test
  void aRuleThatDoesNotDeclareTokensCannotReadThem() {
    EntryView v = EntryView.of(context("Connect:192.0.2\tREJECT\n")).get(0);
    v.allowTokens(false);
    assertThatThrownBy(() -> v.get(TOKENS, context("x\ty\n")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("withTokens");
  }

  @Test
  void derivedDataIsComputedOncePerEntry() {
    LintContext ctx = context("Connect:192.0.2\tREJECT\n");
    EntryView v = EntryView.of(ctx).get(0);
    v.allowTokens(true);
    int before = COMPUTED.get();
    assertThat(v.get(TOKENS, ctx)).isEqualTo("REJECT");
    assertThat(v.get(TOKENS, ctx)).isEqualTo("REJECT");
    assertThat(COMPUTED.get() - before).isEqualTo(1);
  }

  private static LintContext context(String text) {
    AccessSource src = new AccessParser(ParseOptions.defaults())
        .parse("access", text.getBytes(StandardCharsets.ISO_8859_1));
    return new LintContext(src, Catalog.stock(), Optional.empty());
  }
}
