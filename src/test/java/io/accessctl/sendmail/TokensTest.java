package io.accessctl.sendmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void operatorsAreTokensOfTheirOwnAndQuotedStringsAreOneToken() {
    assertThat(Tokens.scan("luna.bagoona.com")).containsExactly("luna", ".", "bagoona", ".", "com");
    assertThat(Tokens.scan("ERROR:5.7.1:\"550 go  away\" # x")).containsExactly("ERROR", ":",
        "5", ".", "7", ".", "1", ":", "\"550 go  away\"", "#", "x");
    assertThat(Tokens.scan("[IPv6:2001:db8::1]")).containsExactly("[", "IPv6", ":", "2001", ":",
        "db8", ":", ":", "1", "]");
  }

  @Test
  void commentsVanishAndCarriageReturnsAreBlanks() {
    assertThat(Tokens.scan("A(comment)B.x")).containsExactly("A", "B", ".", "x");
    assertThat(Tokens.scan(" NO\r")).containsExactly("NO");
    assertThat(Tokens.scan("a > b")).containsExactly("a", "b");
  }

  @Test
  void keysJoinAtomsWithABlankAndLoseTheirQuotes() {
    assertThat(Tokens.join(Tokens.scan("a b.c"))).isEqualTo("a b.c");
    assertThat(Tokens.stripQuotes(Tokens.join(Tokens.scan("\"q.x\".y")))).isEqualTo("q.x.y");
  }

  @Test
  void percentDigitsAreRewrittenAsSendmailsMapRewriteDoes() {
    assertThat(Tokens.rewrite("550 x %%0=%0 %%1=[%1] 5%x %% end%", "Connect:9"))
        .isEqualTo("550 x %0=Connect:9 %1=[] 5%x % end%");
  }

  @Test
  void strtolReadsLikeC() {
    assertThat(Tokens.strtol("010", 0)).isEqualTo(8);
    assertThat(Tokens.strtol("0x10", 0)).isEqualTo(16);
    assertThat(Tokens.strtol("10abc", 0)).isEqualTo(10);
    assertThat(Tokens.strtol("abc", 0)).isZero();
    assertThat(Tokens.strtol("-5", 0)).isEqualTo(-5);
    assertThat(Tokens.strtol("5s", 10)).isEqualTo(5);
  }

  @Test
  void addressesAreWrittenAsSendmailWritesThem() {
    assertThat(Addresses.sendmailForm("2001:DB8::1", false)).contains("IPv6:2001:db8:0:0:0:0:0:1");
    assertThat(Addresses.sendmailForm("IPv6:2001:db8:0:0:0:0:0:1", true)).contains("IPv6:2001:db8::1");
    assertThat(Addresses.sendmailForm("::ffff:192.0.2.1", false)).contains("192.0.2.1");
    assertThat(Addresses.sendmailForm("[192.0.2.1]", false)).contains("192.0.2.1");
    assertThat(Addresses.sendmailForm("mx.example", false)).isEmpty();
  }

  @Test
  void theFirstNulModeThatFindsAKeyIsKeptForTheRestOfTheProcess() {
    Map<String, String> store = new HashMap<>();
    store.put("connect:a\0", "REJECT");
    store.put("connect:b", "OK");
    AccessMap m = new AccessMap(k -> Optional.ofNullable(store.get(k)), true, false, false);
    assertThat(m.lookup("Connect:A")).hasValueSatisfying(h -> assertThat(h.withNul()).isTrue());
    assertThat(m.lookup("Connect:b")).isEmpty();
  }
}
