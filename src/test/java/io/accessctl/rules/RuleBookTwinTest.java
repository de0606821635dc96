package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.rules.RulesetLookup.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A twin of a compiled cf (the second copy of a batch on two threads) answers as the book it
 * copies, with maps of its own: what a file map remembers of the key forms it found stays with
 * the copy that found them, and a sequence asks the twin's own members.
 */
class RuleBookTwinTest {
  @TempDir Path dir;

  @Test
  void aTwinAnswersAsItsBookWithMapsOfItsOwn() throws Exception {
    Map<ByteBuffer, byte[]> records = new HashMap<>();
    put(records, "connect:with.example\0", "REJECT");
    put(records, "connect:plain.example", "OK");
    MapStorage storage = key -> Optional.ofNullable(records.get(ByteBuffer.wrap(key)));
    Files.writeString(dir.resolve("names"), "connect:named.example RELAY\n");
    Path cf = dir.resolve("t.cf");
    Files.writeString(cf, String.join("\n",
        "V10/Berkeley",
        "Kaccess hash -T<TMPF> " + dir.resolve("absent"),
        "Knames text " + dir.resolve("names"),
        "Kboth sequence access names",
        "Sconn",
        "R$*\t$: < $(both Connect:$1 $: none $) >", ""));
    RulesetLookup first = RulesetLookup.open(cf, Map.of(), Map.of("access", storage));
    RulesetLookup twin = first.twin(Map.of());

    assertThat(first.ask("conn", "with.example").result()).isEqualTo("< REJECT >");
    FileMap firstAccess = FileMap.in(first.book()).get("access");
    FileMap twinAccess = FileMap.in(twin.book()).get("access");
    assertThat(firstAccess.tries()).isEqualTo(FileMap.WITH_NUL);
    assertThat(twinAccess.tries()).isEqualTo(FileMap.WITHOUT_NUL | FileMap.WITH_NUL);

    RulesetLookup fresh = RulesetLookup.open(cf, Map.of(), Map.of("access", storage));
    for (String host : List.of("plain.example", "named.example", "with.example", "no.example")) {
      Reply expected = fresh.ask("conn", host);
      assertThat(twin.ask("conn", host)).as(host).isEqualTo(expected);
    }
    assertThat(twinAccess.tries()).isEqualTo(FileMap.WITHOUT_NUL);
    assertThat(firstAccess.tries()).isEqualTo(FileMap.WITH_NUL);
  }

  @Test
  void aTwinReadsTheStorageGivenForItsMap() throws Exception {
    Map<ByteBuffer, byte[]> mine = new HashMap<>();
    put(mine, "connect:host.example", "OK");
    Map<ByteBuffer, byte[]> its = new HashMap<>();
    put(its, "connect:host.example", "REJECT");
    Path cf = ConnCf.write(dir);
    RulesetLookup first = RulesetLookup.open(cf, Map.of(),
        Map.of("access", key -> Optional.ofNullable(mine.get(ByteBuffer.wrap(key)))));
    RulesetLookup twin = first.twin(
        Map.of("access", key -> Optional.ofNullable(its.get(ByteBuffer.wrap(key)))));

    assertThat(first.ask("conn", "host.example").result()).isEqualTo("< OK >");
    assertThat(twin.ask("conn", "host.example").result()).isEqualTo("< REJECT >");
  }

  private static void put(Map<ByteBuffer, byte[]> records, String key, String value) {
    records.put(ByteBuffer.wrap(key.getBytes(StandardCharsets.ISO_8859_1)),
        value.getBytes(StandardCharsets.ISO_8859_1));
  }
}
