package io.accessctl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void escapesQuoteBackslashAndControlCharacters() {
    assertThat(Json.quote("a\"b\\c/\n\r\t\b\f\u0000\u001b\u001f\u007f"))
        .isEqualTo("\"a\\\"b\\\\c/\\n\\r\\t\\b\\f\\u0000\\u001b\\u001f\\u007f\"");
  }

  @Test
  void writesNonAsciiAsEscapesSoTheDocumentIsPureAscii() {
    String quoted = Json.quote("caf\u00e9 \u2192 \ud83d\udce7 \u2028");
    assertThat(quoted).isEqualTo("\"caf\\u00e9 \\u2192 \\ud83d\\udce7 \\u2028\"");
    assertThat(quoted.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @Test
  void everyCharacterRoundTripsThroughAStrictParser() {
    StringBuilder all = new StringBuilder();
    for (int cp = 0; cp <= 0xffff; cp++) {
      if (!Character.isSurrogate((char) cp)) {
        all.append((char) cp);
      }
    }
    all.appendCodePoint(0x10000).appendCodePoint(0x1f4e7).appendCodePoint(0x10ffff);
    String s = all.toString();
    assertThat(MiniJson.parse(Json.quote(s))).isEqualTo(s);
  }

  @Test
  void loneSurrogatesBecomeTheReplacementCharacter() {
    assertThat(MiniJson.parse(Json.quote("a\ud800b\udc00c\ud83d")))
        .isEqualTo("a\ufffdb\ufffdc\ufffd");
  }

  @Test
  void compactWriterPutsTheDocumentOnOneLine() {
    StringBuilder sb = new StringBuilder();
    Json.compact(sb).beginObject()
        .field("s", "x").field("n", -3).field("t", true).field("f", false)
        .name("nil").value((String) null)
        .name("a").beginArray().value(1).beginObject().endObject().beginArray().endArray()
        .endArray()
        .endObject();
    assertThat(sb).hasToString(
        "{\"s\":\"x\",\"n\":-3,\"t\":true,\"f\":false,\"nil\":null,\"a\":[1,{},[]]}");
  }

  @Test
  void prettyWriterIndentsByTwoSpacesAndKeepsEmptyContainersOnTheirLine() {
    StringBuilder sb = new StringBuilder();
    Json json = Json.pretty(sb).beginObject().field("a", 1).name("b").beginArray().value("x")
        .beginObject().field("c", "d").endObject().endArray().name("e").beginArray().endArray()
        .endObject();
    assertThat(json.isComplete()).isTrue();
    assertThat(sb).hasToString("""
        {
          "a": 1,
          "b": [
            "x",
            {
              "c": "d"
            }
          ],
          "e": []
        }""");
    assertThat(MiniJson.parse(sb.toString()))
        .isEqualTo(Map.of("a", new java.math.BigDecimal(1), "b", List.of("x", Map.of("c", "d")),
            "e", List.of()));
  }

  @Test
  void rejectsMisuseThatWouldWriteInvalidJson() {
    assertThatThrownBy(() -> Json.compact(new StringBuilder()).beginObject().value(1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Json.compact(new StringBuilder()).beginArray().name("x"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Json.compact(new StringBuilder()).beginArray().endObject())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Json.compact(new StringBuilder()).beginObject().name("a").endObject())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Json.compact(new StringBuilder()).value(1).value(2))
        .isInstanceOf(IllegalStateException.class);
  }
}
