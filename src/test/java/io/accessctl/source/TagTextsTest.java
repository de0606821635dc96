package io.accessctl.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entries share their tag's string, and each still reads its own tag as written. */
class TagTextsTest {
  private static List<Entry> entries(String text) {
    return new AccessParser(ParseOptions.defaults()).parse("access", Bytes.bytes(text)).entries();
  }

  @Test
  void entriesWithATagWrittenAlikeShareOneString() {
    List<Entry> e = entries("Connect:a REJECT\nTo:b RELAY\nConnect:c OK\nTo:d RELAY\n");

    assertThat(e.get(2).tag()).isEqualTo("Connect").isSameAs(e.get(0).tag());
    assertThat(e.get(3).tag()).isEqualTo("To").isSameAs(e.get(1).tag());
  }

  @Test
  void eachEntryKeepsItsTagAsWrittenWhateverCameBefore() {
    // the same tag in other cases (equal folded hashes), an untagged key, and many tags at once
    // (more than the table has slots, so some share a slot) in an order that alternates
    List<String> tags = new ArrayList<>(List.of("Connect", "CONNECT", "connect", "Try_TLS",
        "try_tls", "To"));
    for (int i = 0; i < 200; i++) {
      tags.add("T" + i);
    }
    StringBuilder text = new StringBuilder("untagged REJECT\n");
    for (int round = 0; round < 3; round++) {
      for (String tag : tags) {
        text.append(tag).append(":host").append(round).append(" OK\n");
      }
    }
    List<Entry> e = entries(text.toString());

    assertThat(e.get(0).tag()).isEmpty();
    for (int round = 0; round < 3; round++) {
      for (int t = 0; t < tags.size(); t++) {
        assertThat(e.get(1 + round * tags.size() + t).tag()).isEqualTo(tags.get(t));
      }
    }
  }
}
