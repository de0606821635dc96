package io.accessctl.app.makemap;

import io.accessctl.cf.KLine;
import io.accessctl.source.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sendmail.cf as makemap reads it: line by line, without sendmail's continuation lines, for the
 * two things makemap wants from it — TrustedUser, and the class of the K line that names a map's
 * file (the {@code cf} and {@code CF} types).
 */
final class MakemapCf {
  private static final String TRUSTED_USER = " TrustedUser";

  private final List<String> lines;

  MakemapCf(List<String> lines) {
    this.lines = List.copyOf(lines);
  }

  /** The cf's lines, one char a byte. */
  static MakemapCf read(Path cf) throws IOException {
    return new MakemapCf(Files.readAllLines(cf, StandardCharsets.ISO_8859_1));
  }

  /** A cf makemap did not read (neither as root nor for a cf type). */
  static MakemapCf none() {
    return new MakemapCf(List.of());
  }

  /**
   * The value of every {@code O TrustedUser=} line, in order, from the first non-blank after the
   * '='. makemap looks at each: the last one decides, but each unknown name is reported.
   */
  List<String> trustedUsers() {
    List<String> users = new ArrayList<>();
    int after = 1 + TRUSTED_USER.length();
    for (String line : lines) {
      if (!line.startsWith("O") || !line.regionMatches(true, 1, TRUSTED_USER, 0,
          TRUSTED_USER.length()) || (line.length() > after && Bytes.isAlnum(line.charAt(after)))) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      int b = eq + 1;
      while (b < line.length() && Bytes.isSpace(line.charAt(b))) {
        b++;
      }
      users.add(line.substring(b));
    }
    return users;
  }

  /**
   * makemap's readcf(): the class of the first K line whose file (its last word) names this map —
   * compared whole for "cf", by base name without extension for "CF"; "" when no line does, or
   * when that line has no name or class.
   */
  String classOf(String mapName, boolean fullPath) {
    String name = mapName;
    if (!fullPath) {
      name = name.substring(name.lastIndexOf('/') + 1);
      int dot = name.indexOf('.');
      if (dot >= 0) {
        name = name.substring(0, dot);
      }
    }
    if (name.isEmpty()) {
      return "";
    }
    for (String raw : lines) {
      if (raw.startsWith("K")) {
        String line = stripTrailingBlanks(raw);
        if (namesFile(line, name, fullPath)) {
          return KLine.parse(line).map(KLine::mapClass).orElse("");
        }
      }
    }
    return "";
  }

  /**
   * Whether the line ends in the map's file: the name is searched from the last space on, must
   * run to the end of the line (less an extension for "CF") and follow a blank (or a '/' for
   * "CF").
   */
  private static boolean namesFile(String line, String name, boolean fullPath) {
    int lastSpace = line.lastIndexOf(' ');
    if (lastSpace < 0) {
      return false;
    }
    int b = line.indexOf(name, lastSpace);
    if (b <= 0) {
      return false;
    }
    String word = line.substring(b);
    if (!fullPath && word.lastIndexOf('.') >= 0) {
      word = word.substring(0, word.lastIndexOf('.'));
    }
    char before = line.charAt(b - 1);
    return word.equals(name) && before < 0x80
        && (fullPath ? Bytes.isSpace(before) : before == '/' || Bytes.isSpace(before));
  }

  private static String stripTrailingBlanks(String raw) {
    int end = raw.length();
    while (end > 1 && Bytes.isSpace(raw.charAt(end - 1))) {
      end--;
    }
    return raw.substring(0, end);
  }
}
