package io.accessctl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Message}: a text kept as parts equals, hashes and reads as the text it spells. */
class MessageTest {
  private static final String[] PIECES = {
      "the clt_features ruleset looks up ", "mx.example.net", "; ", "", "a", "\u00e9", "\u2192",
      "\ud83d\udce7", "\ud800", "\udc00", "\"", "\n",
  };

  @Test
  void aMessageOfPartsEqualsAndHashesAsItsTextHoweverItIsCut() {
    long seed = AccessGen.seed();
    System.err.println("MessageTest: " + AccessGen.replayHint(seed));
    for (int c = 0; c < 500; c++) {
      Random rnd = new Random(AccessGen.caseSeed(seed, c));
      List<String> parts = parts(rnd);
      String text = String.join("", parts);
      Message m = Message.of(parts.toArray(new String[0]));
      Message recut = Message.of(cut(text, rnd).toArray(new String[0]));
      String context = "case " + c + ", " + AccessGen.replayHint(seed);
      assertThat(m.toString()).as(context).isEqualTo(text);
      assertThat(m.length()).as(context).isEqualTo(text.length());
      assertThat(m.hashCode()).as(context).isEqualTo(text.hashCode());
      assertThat(m).as(context).isEqualTo(Message.of(text)).isEqualTo(recut)
          .hasSameHashCodeAs(recut);
      assertThat(m.contentEquals(text)).as(context).isTrue();
      assertThat(m.contentEquals(text + "x")).as(context).isFalse();
      assertThat(m).as(context).isNotEqualTo(Message.of(text + "x"));
      assertThat(m.after("3 times: ").toString()).as(context).isEqualTo("3 times: " + text);
    }
  }

  @Test
  void noTwoPartsMeetInsideASurrogatePair() {
    Message m = Message.of("mail to ", "\ud83d", "\udce7", " is accepted");
    assertThat(m.parts()).isEqualTo(1);
    assertThat(m.part(0)).isEqualTo("mail to \ud83d\udce7 is accepted");
    Message lone = Message.of("\udc00", "\ud800");
    assertThat(lone.parts()).isEqualTo(2); // a lone surrogate at the end cuts no pair
  }

  @Test
  void aMessageOfOnePartIsThatVeryString() {
    String text = "value \"NO # broken\" is not NO";
    assertThat(Message.of(text).toString()).isSameAs(text);
  }

  private static List<String> parts(Random rnd) {
    List<String> parts = new ArrayList<>();
    int n = 1 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      parts.add(PIECES[rnd.nextInt(PIECES.length)]);
    }
    return parts;
  }

  /** {@code text} cut at random places. */
  private static List<String> cut(String text, Random rnd) {
    List<String> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int to = Math.min(text.length(), at + 1 + rnd.nextInt(12));
      parts.add(text.substring(at, to));
      at = to;
    }
    if (parts.isEmpty()) {
      parts.add("");
    }
    return parts;
  }
}
