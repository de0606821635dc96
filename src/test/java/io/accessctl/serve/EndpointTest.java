package io.accessctl.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void sendmailAndPlainFormsOfAUnixSocket() {
    for (String s : new String[] {"local:/run/a.sock", "unix:/run/a.sock", "/run/a.sock"}) {
      Endpoint e = Endpoint.parse(s);
      assertThat(e.path()).isEqualTo(Path.of("/run/a.sock"));
      assertThat(e.sendmailSpec()).isEqualTo("local:/run/a.sock");
      assertThat(e.postfixSpec("access")).isEqualTo("socketmap:unix:/run/a.sock:access");
    }
  }

  @Test
  void sendmailAndPlainFormsOfATcpAddress() {
    Endpoint e = Endpoint.parse("inet:8778@127.0.0.1");
    assertThat(e).isEqualTo(Endpoint.parse("127.0.0.1:8778"));
    assertThat(e.sendmailSpec()).isEqualTo("inet:8778@127.0.0.1");
    assertThat(e.postfixSpec("access")).isEqualTo("socketmap:inet:127.0.0.1:8778:access");
    Endpoint six = Endpoint.parse("[::1]:8778");
    assertThat(six.host()).isEqualTo("::1");
    assertThat(six.sendmailSpec()).isEqualTo("inet6:8778@::1");
    assertThat(six.postfixSpec("access")).isEqualTo("socketmap:inet:[::1]:8778:access");
  }

  @Test
  void nonsenseIsRefusedWithTheFormsThatWork() {
    assertThatThrownBy(() -> Endpoint.parse("localhost")).hasMessageContaining("HOST:PORT");
    assertThatThrownBy(() -> Endpoint.parse("127.0.0.1:99999")).hasMessageContaining("0-65535");
    assertThatThrownBy(() -> Endpoint.parse("inet:8778")).hasMessageContaining("PORT@HOST");
  }
}
