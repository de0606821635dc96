package io.accessctl.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.AccessGen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * makemap's duplicate-key check on maps large enough to be partitioned many ways: every entry
 * whose stored key came before is reported, in line order, naming the line where the key came
 * first, exactly as a plain table of the stored keys finds them.
 */
class DuplicateKeysTest {
  private static final int ENTRIES = 40_000;

  @Test
  void aLargeMapReportsTheDuplicatesAPlainTableOfStoredKeysFinds() {
    long seed = AccessGen.seed();
    System.out.printf("DuplicateKeysTest: seed %d (%s)%n", seed, AccessGen.replayHint(seed));
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < ENTRIES; i++) {
      // a few thousand keys, some written in other cases: many repeat, in every partition
      String key = "Connect:host" + random.nextInt(ENTRIES / 8) + ".example";
      text.append(random.nextBoolean() ? key : key.toUpperCase()).append("\tOK\n");
    }
    byte[] data = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    for (ParseOptions o : List.of(ParseOptions.defaults(),
        ParseOptions.defaults().withFoldKeys(false))) {
      assertDuplicatesOfATable(new AccessParser(o).parse("access", data, Integer.MAX_VALUE),
          seed + ", " + o + ", one pass");
      assertDuplicatesOfATable(new AccessParser(o).parse("access", data, 0),
          seed + ", " + o + ", two halves");
    }
  }

  private static void assertDuplicatesOfATable(AccessSource s, String why) {

    List<String> expected = new ArrayList<>();
    Map<String, Integer> first = new HashMap<>();
    for (Entry e : s.entries()) {
      Integer line = first.putIfAbsent(e.storedKey(), e.lineNumber());
      if (line != null) {
        expected.add(e.lineNumber() + " " + line);
      }
    }
    List<String> reported = s.issues().stream()
        .filter(i -> i.kind() == SyntaxIssue.Kind.DUPLICATE_KEY)
        .map(i -> i.line() + " " + i.firstLine()).toList();
    assertThat(reported).as("seed %s", why).hasSizeGreaterThan(ENTRIES / 2).isEqualTo(expected);
  }
}
