package io.accessctl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeysTest {
  private static String key(String requested, boolean fold) {
    return new String(Keys.lookupKey(requested.getBytes(StandardCharsets.ISO_8859_1), fold),
        StandardCharsets.ISO_8859_1);
  }

  @Test
  void asciiUpperCaseIsFoldedAndOtherBytesAreLeftAlone() {
    assertThat(key("Try_TLS:Bagoona.COM", true)).isEqualTo("try_tls:bagoona.com");
    assertThat(key("Connect:\u00c9T\u00c9", true)).isEqualTo("connect:\u00c9t\u00c9");
    assertThat(key("Try_TLS:Bagoona.COM", false)).isEqualTo("Try_TLS:Bagoona.COM");
  }

  @Test
  void keysAreCutToSendmailsMaxnameOf256Bytes() {
    String longKey = "Try_TLS:" + "a".repeat(300);
    assertThat(key(longKey, false)).hasSize(256).isEqualTo(longKey.substring(0, 256));
    assertThat(key(longKey + "\0", true)).isEqualTo("try_tls:" + "a".repeat(248));
  }

  @Test
  void oneTrailingNulIsDroppedLikeTheAdaptiveNulLookupOfAHashMap() {
    assertThat(key("Connect:10\0", true)).isEqualTo("connect:10");
    assertThat(key("Connect:10\0\0", true)).isEqualTo("connect:10\0");
  }
}
