package io.accessctl.sendmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LookupKeysTest {
  @Test
  void addressesAreWrittenAsSendmailWritesThem() {
    assertThat(Addresses.sendmailForm("2001:DB8::1", false)).contains("IPv6:2001:db8:0:0:0:0:0:1");
    assertThat(Addresses.sendmailForm("IPv6:2001:db8:0:0:0:0:0:1", true)).contains("IPv6:2001:db8::1");
    assertThat(Addresses.sendmailForm("::ffff:192.0.2.1", false)).contains("192.0.2.1");
    assertThat(Addresses.sendmailForm("[192.0.2.1]", false)).contains("192.0.2.1");
    assertThat(Addresses.sendmailForm("mx.example", false)).isEmpty();
  }

  @Test
  void dottedQuadsLoseLeadingZerosAndOutOfRangeOnesAreNoAddress() {
    assertThat(Addresses.sendmailForm("192.0.2.1", false)).contains("192.0.2.1");
    assertThat(Addresses.sendmailForm("0.0.0.0", false)).contains("0.0.0.0");
    assertThat(Addresses.sendmailForm("255.255.255.255", false)).contains("255.255.255.255");
    assertThat(Addresses.sendmailForm("192.000.02.1", false)).contains("192.0.2.1");
    assertThat(Addresses.sendmailForm(" 10.1.2.3 ", false)).contains("10.1.2.3");
    for (String no : new String[] {"192.0.2.256", "192.0.2", "192.0.2.1.", "1.2.3.4.5", "1..2.3",
        "1234.1.1.1", "a.b.c.d", ""}) {
      assertThat(Addresses.sendmailForm(no, false)).as(no).isEmpty();
    }
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
