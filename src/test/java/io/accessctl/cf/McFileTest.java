package io.accessctl.cf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which FEATURE calls m4 would expand: not those after dnl or #, whatever the quotes say. */
class McFileTest {
  private static McFile parse(String text) {
    return McFile.parse(Path.of("sendmail.mc"), text);
  }

  @Test
  void activeFeaturesWithTheirLines() {
    McFile mc = parse("""
        divert(-1)dnl
        # a comment mentioning FEATURE(`tls_failures')
        divert(0)dnl
        FEATURE(`access_db', , `skip')dnl
        FEATURE(`greet_pause', `1000')dnl 1 seconds
        FEATURE(tls_failures)
        """);
    assertThat(mc.features()).extracting(McFile.Call::name)
        .containsExactly("access_db", "greet_pause", "tls_failures");
    assertThat(mc.feature("TLS_FAILURES")).hasValueSatisfying(c -> {
      assertThat(c.line()).isEqualTo(6);
      assertThat(c.text()).isEqualTo("FEATURE(tls_failures)");
    });
  }

  @Test
  void featuresAfterDnlOrHashAreNotExpanded() {
    McFile mc = parse("""
        dnl FEATURE(`tls_failures')dnl
        define(`x', `y')dnl FEATURE(`tls_failures')
        # FEATURE(`tls_failures')
        """);
    assertThat(mc.features()).isEmpty();
  }

  @Test
  void quotesHideHashAndDnlAndCountLines() {
    McFile mc = parse("""
        define(`confX', `a#b dnl
        c')dnl
        FEATURE(`queuegroup', `slow')dnl
        NOTFEATURE(`x')
        """);
    assertThat(mc.features()).extracting(McFile.Call::name, McFile.Call::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("queuegroup", 3));
  }
}
