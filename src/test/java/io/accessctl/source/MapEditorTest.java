package io.accessctl.source;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessctl.testutil.AccessGen;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MapEditorTest {
  private static final String MARKER = AccessSource.CANIT_MARKER;
  private static final String MAP = """
      # Debian defaults
      Connect:127\t\tRELAY
      #
      # Outbound TLS
      Try_TLS:mx1.example\tNO
      Try_TLS:mx2.example\tNO
      #
      Srv_Features:scanner.example\tP D
      #
      """ + MARKER + "\n"
      + "From:offers@spam.example\tREJECT\nConnect:203.0.113.7\t\tREJECT\n";

  private static MapEditor editor(String text) {
    return new MapEditor("access", text.getBytes(ISO_8859_1), ParseOptions.defaults());
  }

  private static String text(MapEditor.Edit e) {
    return new String(e.text(), ISO_8859_1);
  }

  @Test
  void aNewEntryGoesAfterTheLastEntryWithItsTagAndAboveTheCanitMarker() {
    MapEditor.Edit e = editor(MAP).set("Try_TLS:luna.bagoona.com", "NO");
    assertThat(e.changed()).isTrue();
    assertThat(text(e)).isEqualTo(MAP.replace("Try_TLS:mx2.example\tNO\n",
        "Try_TLS:mx2.example\tNO\nTry_TLS:luna.bagoona.com\tNO\n"));
    assertThat(e.lines()).containsExactly(7);
  }

  @Test
  void aNewTagGoesAfterTheLastEntryAboveTheMarkerNotBelowIt() {
    MapEditor.Edit e = editor(MAP).set("QGRP:slow.example", "slow");
    assertThat(text(e)).isEqualTo(MAP.replace("P D\n", "P D\nQGRP:slow.example\tslow\n"));
  }

  @Test
  void withoutAMarkerANewTagGoesAtTheEndAndALastLineWithoutLfGetsOne() {
    MapEditor.Edit e = editor("a OK\n# end").set("Connect:10", "REJECT");
    assertThat(text(e)).isEqualTo("a OK\n# end\nConnect:10 REJECT\n");
  }

  @Test
  void anExistingValueIsReplacedInPlaceKeepingKeySpellingAndSeparator() {
    String map = "TRY_TLS:Host.Example \t NO # broken\n";
    MapEditor.Edit e = editor(map).set("try_tls:host.example", "NO");
    assertThat(text(e)).isEqualTo("TRY_TLS:Host.Example \t NO\n");
    assertThat(e.lines()).containsExactly(1);
  }

  @Test
  void settingTheSameValueAgainChangesNothing() {
    MapEditor.Edit first = editor(MAP).set("Try_TLS:luna.bagoona.com", "NO");
    MapEditor.Edit second = editor(text(first)).set("TRY_TLS:LUNA.bagoona.com", "NO");
    assertThat(second.changed()).isFalse();
    assertThat(text(second)).isEqualTo(text(first));
    assertThat(second.message()).contains("already NO");
  }

  @Test
  void aCrlfFileGetsCrlfLinesAndACrlfValueCountsAsTheSame() {
    String map = "a OK\r\nTry_TLS:x NO\r\n";
    MapEditor.Edit e = editor(map).set("Try_TLS:y", "NO");
    assertThat(text(e)).isEqualTo("a OK\r\nTry_TLS:x NO\r\nTry_TLS:y NO\r\n");
    assertThat(editor(map).set("Try_TLS:x", "NO").changed()).isFalse();
    assertThat(text(editor(map).set("Try_TLS:x", "YES"))).isEqualTo("a OK\r\nTry_TLS:x YES\r\n");
  }

  @Test
  void keysBelowTheCanitMarkerAreRefusedForSetAndDelete() {
    assertThatThrownBy(() -> editor(MAP).set("Connect:203.0.113.7", "OK"))
        .isInstanceOf(MapEditor.Refused.class).hasMessageContaining("below the CanIt marker");
    assertThatThrownBy(() -> editor(MAP).delete("from:OFFERS@spam.example"))
        .isInstanceOf(MapEditor.Refused.class).hasMessageContaining("line 10");
  }

  @Test
  void duplicatedKeysAndUnparsableKeysOrValuesAreRefused() {
    assertThatThrownBy(() -> editor("a OK\nA REJECT\n").set("a", "OK"))
        .isInstanceOf(MapEditor.Refused.class).hasMessageContaining("lines 1, 2");
    assertThatThrownBy(() -> editor(MAP).set("Try_TLS: host", "NO"))
        .isInstanceOf(MapEditor.Refused.class).hasMessageContaining("white space");
    assertThatThrownBy(() -> editor(MAP).set("#x", "NO"))
        .isInstanceOf(MapEditor.Refused.class).hasMessageContaining("comment character");
    assertThatThrownBy(() -> editor(MAP).set("x", ""))
        .isInstanceOf(MapEditor.Refused.class).hasMessageContaining("no RHS");
    assertThatThrownBy(() -> editor(MAP).set("x", "NO\nevil OK"))
        .isInstanceOf(MapEditor.Refused.class).hasMessageContaining("LF");
  }

  @Test
  void deleteTakesTheDescriptionOfALoneEntryButNotASectionHeading() {
    String map = "# TLS\nTry_TLS:a NO\nTry_TLS:b NO\n# broken since May\nTry_TLS:c NO\n#\nx OK\n";
    assertThat(text(editor(map).delete("Try_TLS:a")))
        .isEqualTo("# TLS\nTry_TLS:b NO\n# broken since May\nTry_TLS:c NO\n#\nx OK\n");
    assertThat(text(editor(map).delete("Try_TLS:c")))
        .isEqualTo("# TLS\nTry_TLS:a NO\nTry_TLS:b NO\n#\nx OK\n");
  }

  @Test
  void deleteTakesAccessctlsOwnCommentsAlways() {
    String map = "# accessctl suggest: 3 deferrals\nTry_TLS:a NO\nTry_TLS:b NO\n";
    assertThat(text(editor(map).delete("Try_TLS:a"))).isEqualTo("Try_TLS:b NO\n");
  }

  @Test
  void deletingWhatIsNotThereChangesNothing() {
    MapEditor.Edit e = editor(MAP).delete("Try_TLS:nowhere.example");
    assertThat(e.changed()).isFalse();
    assertThat(e.text()).isEqualTo(MAP.getBytes(ISO_8859_1));
  }

  @Test
  void insertLeavesOutEntriesAlreadyThereAndRefusesConflictingOnes() {
    List<String> block = List.of("# accessctl suggest: 2 deferrals", "Try_TLS:mx1.example NO",
        "# accessctl suggest: 5 deferrals", "Try_TLS:new.example NO");
    MapEditor.Edit e = editor(MAP).insert("Try_TLS", block);
    assertThat(text(e)).isEqualTo(MAP.replace("Try_TLS:mx2.example\tNO\n",
        "Try_TLS:mx2.example\tNO\n# accessctl suggest: 5 deferrals\nTry_TLS:new.example NO\n"));
    assertThat(editor(text(e)).insert("Try_TLS", block).changed()).isFalse();
    assertThatThrownBy(() -> editor(MAP).insert("Try_TLS", List.of("Try_TLS:mx1.example YES")))
        .isInstanceOf(MapEditor.Refused.class).hasMessageContaining("already has an entry");
    assertThatThrownBy(() -> editor(MAP).insert("Try_TLS", List.of("  Try_TLS:z NO")))
        .isInstanceOf(MapEditor.Refused.class).hasMessageContaining("leading space");
  }

  /**
   * Random maps and random edits: the entries makemap would store change exactly as the edit says,
   * the CanIt tail stays byte for byte, and the same edit again changes nothing.
   */
  @Test
  void randomEditsChangeExactlyTheEditedEntryAndAreIdempotent() {
    long seed = AccessGen.seed();
    Random r = new Random(seed);
    for (int round = 0; round < 2000; round++) {
      String map = randomMap(r);
      String key = TAGS[r.nextInt(TAGS.length)] + ":" + HOSTS[r.nextInt(HOSTS.length)];
      boolean set = r.nextInt(3) > 0;
      String value = VALUES[r.nextInt(VALUES.length)];
      String hint = "seed " + seed + " round " + round + " " + (set ? "set " + key + " " + value
          : "delete " + key) + " on\n" + map + "\n" + AccessGen.replayHint(seed);
      MapEditor before = editor(map);
      MapEditor.Edit e;
      try {
        e = set ? before.set(key, value) : before.delete(key);
      } catch (MapEditor.Refused refused) {
        continue;
      }
      List<String> expected = pairs(before.parsed());
      String stored = Bytes.foldAscii(key);
      if (set) {
        int at = indexOfKey(expected, stored);
        if (at >= 0) {
          expected.set(at, stored + "=" + value);
        }
      } else {
        expected.removeIf(p -> p.startsWith(stored + "="));
      }
      MapEditor after = editor(text(e));
      List<String> got = pairs(after.parsed());
      if (set && indexOfKey(pairs(before.parsed()), stored) < 0) {
        assertThat(got).as(hint).contains(stored + "=" + value);
        got.remove(stored + "=" + value);
      }
      assertThat(got).as(hint).isEqualTo(expected);
      assertThat(after.parsed().issues().size()).as(hint)
          .isLessThanOrEqualTo(before.parsed().issues().size());
      int tail = map.indexOf(MARKER);
      if (tail >= 0) {
        assertThat(text(e)).as(hint).endsWith(map.substring(tail));
      }
      MapEditor.Edit again = set ? after.set(key, value) : after.delete(key);
      assertThat(again.changed()).as(hint).isFalse();
    }
  }

  private static final String[] TAGS = {"Try_TLS", "TRY_TLS", "Connect", "Srv_Features", "To"};
  private static final String[] HOSTS = {"a.example", "B.example", "c.example", "10.1", "d"};
  private static final String[] VALUES = {"NO", "YES", "REJECT", "OK", "P D", "ERROR:\"550 x\""};

  private static String randomMap(Random r) {
    StringBuilder sb = new StringBuilder();
    boolean crlf = r.nextInt(5) == 0;
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      String line = switch (r.nextInt(6)) {
        case 0 -> "# comment " + i;
        case 1 -> r.nextBoolean() ? "" : "#";
        default -> TAGS[r.nextInt(TAGS.length)] + ":" + HOSTS[r.nextInt(HOSTS.length)]
            + (r.nextBoolean() ? "\t" : " ") + VALUES[r.nextInt(VALUES.length)];
      };
      sb.append(line).append(crlf ? "\r\n" : "\n");
      if (r.nextInt(15) == 0) {
        sb.append(MARKER).append('\n').append("Connect:10.9 REJECT\nTry_TLS:z.example NO\n");
        break;
      }
    }
    if (sb.length() > 0 && r.nextInt(6) == 0) {
      sb.setLength(sb.length() - 1); // no LF at the end
    }
    return sb.toString();
  }

  private static List<String> pairs(AccessSource src) {
    List<String> out = new ArrayList<>();
    for (Entry e : src.entries()) {
      String v = e.value().endsWith("\r") ? e.value().substring(0, e.value().length() - 1)
          : e.value();
      out.add(e.storedKey() + "=" + v);
    }
    return out;
  }

  private static int indexOfKey(List<String> pairs, String stored) {
    for (int i = 0; i < pairs.size(); i++) {
      if (pairs.get(i).startsWith(stored + "=")) {
        return i;
      }
    }
    return -1;
  }
}
