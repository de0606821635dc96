package io.accessctl.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetstringTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void encodesTheWayTheSendmailGuideShows() {
    assertThat(new String(Netstring.encode(b("hello there")), StandardCharsets.ISO_8859_1))
        .isEqualTo("11:hello there,");
    assertThat(Netstring.encode(new byte[0])).isEqualTo(b("0:,"));
  }

  @Test
  void theDecoderTakesBytesAsTheyArriveEvenOneAtATime() throws Exception {
    byte[] two = b("6:access,11:hello there,0:,");
    Netstring.Decoder d = new Netstring.Decoder(100);
    java.util.List<String> got = new java.util.ArrayList<>();
    for (byte x : two) {
      byte[] p = d.next(ByteBuffer.wrap(new byte[] {x}));
      if (p != null) {
        got.add(new String(p, StandardCharsets.ISO_8859_1));
      }
      if (got.size() < 3) {
        assertThat(d.inProgress() || p != null).isTrue();
      }
    }
    assertThat(got).containsExactly("access", "hello there", "");
    assertThat(d.inProgress()).isFalse();
  }

  @Test
  void severalNetstringsInOneBufferComeOutOneByOne() throws Exception {
    ByteBuffer buf = ByteBuffer.wrap(b("1:a,2:bc,3:de"));
    Netstring.Decoder d = new Netstring.Decoder(100);
    assertThat(d.next(buf)).isEqualTo(b("a"));
    assertThat(d.next(buf)).isEqualTo(b("bc"));
    assertThat(d.next(buf)).isNull();
    assertThat(d.inProgress()).isTrue();
    assertThat(d.next(ByteBuffer.wrap(b("f,")))).isEqualTo(b("def"));
  }

  @Test
  void aLengthAboveTheLimitIsRefusedBeforeAnyPayloadIsRead() {
    Netstring.Decoder d = new Netstring.Decoder(1000);
    assertThatThrownBy(() -> d.next(ByteBuffer.wrap(b("1001:"))))
        .isInstanceOf(Netstring.MalformedException.class)
        .hasMessage("netstring length exceeds the limit of 1000 bytes");
    assertThatThrownBy(() -> new Netstring.Decoder(Integer.MAX_VALUE)
        .next(ByteBuffer.wrap(b("00000000001:"))))
        .hasMessageContaining("more than 10 digits");
  }

  @Test
  void brokenFramingNamesWhatWasExpected() {
    assertThatThrownBy(() -> new Netstring.Decoder(10).next(ByteBuffer.wrap(b("GET / HTTP/1.0"))))
        .hasMessage("expected the digits of a netstring length, got 'G'");
    assertThatThrownBy(() -> new Netstring.Decoder(10).next(ByteBuffer.wrap(b("3x"))))
        .hasMessage("expected ':' after the netstring length, got 'x'");
    assertThatThrownBy(() -> new Netstring.Decoder(10).next(ByteBuffer.wrap(b(":,"))))
        .hasMessage("expected the digits of a netstring length, got ':'");
    assertThatThrownBy(() -> new Netstring.Decoder(10).next(ByteBuffer.wrap(b("3:abcd"))))
        .hasMessage("expected ',' after 3 bytes of netstring, got 'd'");
    assertThatThrownBy(() -> new Netstring.Decoder(10).next(ByteBuffer.wrap(new byte[] {0})))
        .hasMessage("expected the digits of a netstring length, got byte 0x00");
  }

  @Test
  void theBlockingReaderSeesACleanEndAndATruncatedOne() throws Exception {
    assertThat(Netstring.read(new ByteArrayInputStream(new byte[0]), 10)).isNull();
    assertThat(Netstring.read(new ByteArrayInputStream(b("3:abc,")), 10)).isEqualTo(b("abc"));
    assertThatThrownBy(() -> Netstring.read(new ByteArrayInputStream(b("5:ab")), 10))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void repliesParseAsSendmailReadsThem() {
    assertThat(Reply.parse(b("OK NO"))).isEqualTo(Reply.ok(b("NO")));
    assertThat(Reply.parse(b("NOTFOUND "))).isEqualTo(Reply.notFound());
    assertThat(Reply.parse(b("NOTFOUND"))).isEqualTo(Reply.notFound());
    assertThat(new String(Reply.notFound().payload(), StandardCharsets.ISO_8859_1))
        .isEqualTo("NOTFOUND ");
    assertThat(Reply.parse(b("OK a b  c")).textString()).isEqualTo("a b  c");
    assertThatThrownBy(() -> Reply.parse(b("MAYBE x"))).hasMessageContaining("MAYBE");
  }
}
