package io.accessctl.status;

import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.source.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a compiled map holds, keyed for comparison with the text: a trailing NUL (makemap -N) is
 * taken off keys and values and counted, so that a NUL mismatch shows as one finding of the K-line
 * check instead of every entry differing.
 *
 * @param format the format found in the file
 * @param entries key to value, first record of a key only, in file order
 * @param records every record, duplicates included
 * @param nulKeys records whose key ends with a NUL
 * @param upperCaseKeys keys with an ASCII capital letter (unreachable when sendmail folds lookups)
 * @param firstUpperCaseKey one such key, for the message, or null
 */
public record DbContent(MapFormat format, Map<String, String> entries, long records, long nulKeys,
    long upperCaseKeys, String firstUpperCaseKey) {

  /**
   * Reads the whole file.
   *
   * @throws IOException naming the file when it is unreadable or no map file
   */
  public static DbContent read(Path db) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    long[] counts = new long[3];
    String[] firstUpper = new String[1];
    try (MapReader reader = MapReader.open(db)) {
      reader.forEach((k, v) -> {
        counts[0]++;
        boolean nul = k.length > 0 && k[k.length - 1] == 0;
        if (nul) {
          counts[1]++;
        }
        String key = Bytes.latin1(k).substring(0, k.length - (nul ? 1 : 0));
        String value = withoutNul(Bytes.latin1(v));
        if (!Bytes.foldAscii(key).equals(key)) {
          counts[2]++;
          if (firstUpper[0] == null) {
            firstUpper[0] = key;
          }
        }
        entries.putIfAbsent(key, value);
      });
      return new DbContent(reader.format(), entries, counts[0], counts[1], counts[2],
          firstUpper[0]);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String withoutNul(String s) {
    return s.endsWith("\0") ? s.substring(0, s.length() - 1) : s;
  }
}
