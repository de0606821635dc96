package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.source.AccessParser;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteClassesTest {

  @Test
  void theKeyAndTheValueAsWrittenAreClassifiedApart() {
    Entry e = entry("Connect:[Mx.Example.]\tok  # by hand\u00e9\r\n");

    assertThat(ByteClasses.ofKey(e)).isEqualTo(ByteClasses.LOWER | ByteClasses.BRACKET);
    assertThat(ByteClasses.ofValue(e)).isEqualTo(ByteClasses.LOWER | ByteClasses.BLANK
        | ByteClasses.HASH | ByteClasses.NON_ASCII | ByteClasses.LETTER_K);
  }

  @Test
  void aTrailingDotAndTheLetterKAreClassesOfTheirOwn() {
    Entry e = entry("TO:H.EXAMPLE.\tSKIP%\n");

    assertThat(ByteClasses.ofKey(e)).isEqualTo(ByteClasses.ENDS_IN_DOT);
    assertThat(ByteClasses.ofValue(e)).isEqualTo(ByteClasses.LETTER_K | ByteClasses.PERCENT);
    assertThat(ByteClasses.ofValue(entry("Connect:x\tREJECT\n"))).isZero();
  }

  @Test
  void aSecondColonIsAClassButTheTagsColonAloneIsNot() {
    assertThat(ByteClasses.ofKey(entry("Connect:IPv6:2001:db8::1\tREJECT\n")))
        .isEqualTo(ByteClasses.TWO_COLONS | ByteClasses.IPV6 | ByteClasses.LOWER);
    assertThat(ByteClasses.ofKey(entry("SRV_FEATURES:IPV4:192.0.2.1\tS\n"))).isEqualTo(ByteClasses.TWO_COLONS);
    assertThat(ByteClasses.ofKey(entry("CONNECT:192.0.2.1\tREJECT\n"))).isZero();
  }

  @Test
  void theBytesOfNullSendersAndAddressesAreClasses() {
    assertThat(ByteClasses.ofKey(entry("FROM:<>\tREJECT\n"))).isEqualTo(ByteClasses.ANGLE);
    assertThat(ByteClasses.ofKey(entry("FROM:\"\"\tREJECT\n"))).isEqualTo(ByteClasses.QUOTE);
    assertThat(ByteClasses.ofKey(entry("TO:@EXAMPLE.COM\tREJECT\n"))).isEqualTo(ByteClasses.AT);
    assertThat(ByteClasses.ofKey(entry("TRY_TLS:\tNO\n"))).isEqualTo(ByteClasses.ENDS_IN_COLON);
  }

  @Test
  void aLowerCaseVIsStillALowerCaseLetter() {
    assertThat(ByteClasses.ofValue(entry("TRY_TLS:MX.EXAMPLE\tNO v\n")))
        .isEqualTo(ByteClasses.LOWER | ByteClasses.BLANK);
    assertThat(ByteClasses.ofKey(entry("TO:v\tREJECT\n"))).isEqualTo(ByteClasses.LOWER);
  }

  @Test
  void aKeyTooLongToLookUpAndALeadingDotAreClassesOfKeys() {
    String host = "h".repeat(250) + ".example";
    assertThat(ByteClasses.ofKey(entry("Connect:" + host + "\tREJECT\n")))
        .isEqualTo(ByteClasses.LOWER | ByteClasses.LONGER_THAN_LOOKUP);
    assertThat(ByteClasses.ofKey(entry("X:" + "H".repeat(254) + "\tREJECT\n"))).isZero();
    assertThat(ByteClasses.ofKey(entry("CONNECT:.EXAMPLE.COM\tREJECT\n")))
        .isEqualTo(ByteClasses.LEADING_DOT);
    assertThat(ByteClasses.ofKey(entry(".EXAMPLE.COM\tREJECT\n")))
        .isEqualTo(ByteClasses.LEADING_DOT);
    assertThat(ByteClasses.ofKey(entry("CONNECT:A.EXAMPLE.COM\tREJECT\n"))).isZero();
  }

  private static Entry entry(String line) {
    return new AccessParser(ParseOptions.defaults())
        .parse("access", line.getBytes(StandardCharsets.ISO_8859_1)).entries().get(0);
  }
}
