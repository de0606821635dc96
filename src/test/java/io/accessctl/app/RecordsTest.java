package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.mapfile.Record;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records a map file stores: the stored key and the value as bytes, by makemap's policies. */
class RecordsTest {
  private static AccessSource parse(String text, ParseOptions o) {
    return new AccessParser(o).parse("access", text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static List<String> shown(List<Record> records) {
    List<String> out = new ArrayList<>();
    records.forEach(r -> out.add(Bytes.latin1(r.key()) + "=" + Bytes.latin1(r.value())));
    return out;
  }

  @Test
  void aRepeatedKeyKeepsTheFirstValueReplacesItWithMinusROrStaysWithMinusD() {
    AccessSource src = parse("Try_TLS:A.example NO\nConnect:192.0.2.1 OK\n"
        + "try_tls:a.EXAMPLE YES\n", ParseOptions.defaults());
    assertThat(shown(Records.of(src, Records.Duplicates.FIRST_WINS, false)))
        .containsExactly("try_tls:a.example=NO", "connect:192.0.2.1=OK");
    assertThat(shown(Records.of(src, Records.Duplicates.REPLACE, false)))
        .containsExactly("try_tls:a.example=YES", "connect:192.0.2.1=OK");
    assertThat(shown(Records.of(src, Records.Duplicates.KEEP_ALL, false)))
        .containsExactly("try_tls:a.example=NO", "connect:192.0.2.1=OK", "try_tls:a.example=YES");
  }

  @Test
  void minusNAddsANulToKeyAndValueAndMinusFKeepsTheCase() {
    AccessSource src = parse("Try_TLS:Mx.Example\tNO \n", ParseOptions.defaults()
        .withFoldKeys(false));
    assertThat(shown(Records.of(src, Records.Duplicates.FIRST_WINS, true)))
        .containsExactly("Try_TLS:Mx.Example\0=NO \0");
  }

  /** The bytes made from the line are the stored key and value the parser's strings give. */
  @Test
  void theRecordsBytesAreTheEntrysStoredKeyAndValueOnGeneratedMaps() {
    long seed = AccessGen.seed();
    for (int i = 0; i < 40; i++) {
      AccessGen gen = new AccessGen(AccessGen.caseSeed(seed, i));
      byte[] data = gen.file(AccessGen.Shape.NASTY, 0, 60);
      for (boolean fold : new boolean[] {true, false}) {
        AccessSource src = new AccessParser(ParseOptions.defaults().withFoldKeys(fold))
            .parse("access", data);
        Map<String, String> expected = new LinkedHashMap<>();
        for (Entry e : src.entries()) {
          expected.putIfAbsent(e.storedKey(), e.value());
        }
        List<String> want = new ArrayList<>();
        expected.forEach((k, v) -> want.add(k + "=" + v));
        assertThat(shown(Records.of(src, Records.Duplicates.FIRST_WINS, false)))
            .as("%s, fold %s: %s", AccessGen.replayHint(seed), fold, AccessGen.escape(data))
            .isEqualTo(want);
        for (Entry e : src.entries()) {
          assertThat(Arrays.copyOf(e.storedKeyBytes(1), e.keyLength()))
              .isEqualTo(e.storedKey().getBytes(StandardCharsets.ISO_8859_1));
        }
      }
    }
  }

  /**
   * Equal values share one array; distinct values, more than the table of shared values has
   * slots, each keep their own bytes, with and without -N.
   */
  @Test
  void equalValuesShareTheirBytesAndDistinctOnesStayApart() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("Connect:10.0.").append(i / 256).append('.').append(i % 256)
          .append(i % 2 == 0 ? "\tREJECT\n" : "\tERROR:\"550 no " + i + "\"\n");
    }
    AccessSource src = parse(text.toString(), ParseOptions.defaults());
    for (boolean nul : new boolean[] {false, true}) {
      List<Record> records = Records.of(src, Records.Duplicates.FIRST_WINS, nul);
      assertThat(records).hasSize(5000);
      for (int i = 0; i < records.size(); i++) {
        String value = (i % 2 == 0 ? "REJECT" : "ERROR:\"550 no " + i + "\"") + (nul ? "\0" : "");
        assertThat(Bytes.latin1(records.get(i).value())).as("entry %d", i).isEqualTo(value);
      }
      assertThat(records.get(4998).value()).isSameAs(records.get(0).value());
    }
  }
}
