package io.accessctl.cf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TlsFallbackTest {
  private static CfFile cf(String text) throws Exception {
    return CfFile.parse(Path.of("test.cf"), text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void supportedButOffGivesTheMcLineAsAdvice() throws Exception {
    TlsFallback t = TlsFallback.of(cf("V10/Berkeley\nDZ8.17.1.9/Debian-2\n"));
    assertThat(t.supported()).isTrue();
    assertThat(t.enabled()).isFalse();
    assertThat(t.versionFrom()).isEqualTo(TlsFallback.VersionFrom.CF);
    assertThat(t.advice()).get().asString()
        .contains("define(`confTLS_FALLBACK_TO_CLEAR', `true')dnl").contains("sendmail.mc");
  }

  @Test
  void optionSetIsEnabledAndNeedsNoAdvice() throws Exception {
    TlsFallback t = TlsFallback.of(cf("V10/Berkeley\nDZ8.17.1.9\nO TLSFallbacktoClear=True\n"));
    assertThat(t.enabled()).isTrue();
    assertThat(t.advice()).isEmpty();
    assertThat(t.summary()).contains("is on");
  }

  @Test
  void valuesAreReadAsSendmailReadsBooleans() throws Exception {
    assertThat(TlsFallback.of(cf("V10\nDZ8.17.1\nO TLSFallbacktoClear=false\n")).enabled())
        .isFalse();
    assertThat(TlsFallback.of(cf("V10\nDZ8.17.1\nO TLSFallbacktoClear=yes\n")).enabled()).isTrue();
  }

  @Test
  void olderReleasesHaveNoOptionAndNoAdvice() throws Exception {
    TlsFallback t = TlsFallback.of(cf("V10/Berkeley\nDZ8.15.2\n"));
    assertThat(t.supported()).isFalse();
    assertThat(t.advice()).isEmpty();
    assertThat(t.summary()).contains("Try_TLS");
  }

  @Test
  void theInstalledBinaryOutranksTheCfsDzLine() throws Exception {
    TlsFallback t = TlsFallback.of(cf("V10/Berkeley\nDZ8.15.2\n"), "8.17.1.9");
    assertThat(t.supported()).isTrue();
    assertThat(t.version()).isEqualTo("8.17.1.9");
    assertThat(t.versionFrom()).isEqualTo(TlsFallback.VersionFrom.BINARY);
  }

  @Test
  void unknownVersionIsNotSupported() {
    TlsFallback t = TlsFallback.of(null, null);
    assertThat(t.versionFrom()).isEqualTo(TlsFallback.VersionFrom.UNKNOWN);
    assertThat(t.supported()).isFalse();
    assertThat(t.advice()).isEmpty();
  }
}
