package io.accessctl.lint;

import io.accessctl.lint.rules.CanitSection;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import io.accessctl.source.ParseOptions;
import io.accessctl.source.SourceLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The safe repairs {@code lint --fix} makes. Each keeps what sendmail does with the map the same
 * or makes it what the text plainly meant, and none touches a value's meaning:
 * CRLF to LF, no UTF-8 BOM, comments and blank lines out of column 2+, and hand-made entries moved
 * from below CanIt's marker (with the comment lines directly above them) to just above it.
 */
public final class Fixer {
  private Fixer() {}

  /** The fixed file, or the same bytes when nothing needed fixing. Works on whole-line parses. */
  public static byte[] fix(AccessSource src, byte[] original) {
    if (src.options().makemapLines()) {
      throw new IllegalArgumentException("fixes need a whole-line parse");
    }
    List<String> lines = splitLines(original);
    boolean finalNewline = original.length > 0 && original[original.length - 1] == '\n';
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.endsWith("\r")) {
        l = l.substring(0, l.length() - 1);
      }
      if (i == 0 && l.startsWith("\u00ef\u00bb\u00bf")) {
        l = l.substring(3);
      }
      if (!l.isEmpty() && Bytes.isSpace(l.charAt(0))) {
        String stripped = stripLeading(l);
        int cc = src.options().commentChar();
        if (stripped.isEmpty() || (cc != ParseOptions.NONE && stripped.charAt(0) == cc)) {
          l = stripped;
        }
      }
      lines.set(i, l);
    }
    lines = moveAboveCanitMarker(src, lines);
    StringBuilder sb = new StringBuilder(original.length);
    for (int i = 0; i < lines.size(); i++) {
      sb.append(lines.get(i));
      if (i < lines.size() - 1 || finalNewline) {
        sb.append('\n');
      }
    }
    return Bytes.bytes(sb.toString());
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && Bytes.isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  private static List<String> moveAboveCanitMarker(AccessSource src, List<String> lines) {
    SourceLine marker = CanitSection.marker(src);
    List<Entry> hand = CanitSection.handMade(src);
    if (marker == null || hand.isEmpty()) {
      return lines;
    }
    Set<Integer> moving = new HashSet<>(); // 0-based indexes
    for (Entry e : hand) {
      int idx = e.lineNumber() - 1;
      moving.add(idx);
      // The comment lines directly above an entry describe it (Webmin's convention): take them
      // along, but never the marker itself.
      int j = idx - 1;
      while (j > marker.number() - 1 && src.lines().get(j).isComment()
          && !moving.contains(j) && !src.lines().get(j).text().contains(
              AccessSource.CANIT_MARKER_CORE)) {
        moving.add(j);
        j--;
      }
    }
    List<String> out = new ArrayList<>(lines.size());
    int markerIdx = marker.number() - 1;
    for (int i = 0; i < markerIdx; i++) {
      out.add(lines.get(i));
    }
    for (int i = markerIdx + 1; i < lines.size(); i++) {
      if (moving.contains(i)) {
        out.add(lines.get(i));
      }
    }
    out.add(lines.get(markerIdx));
    for (int i = markerIdx + 1; i < lines.size(); i++) {
      if (!moving.contains(i)) {
        out.add(lines.get(i));
      }
    }
    return out;
  }

  /** Lines of the file without their LF (a final LF does not start another line). */
  static List<String> splitLines(byte[] data) {
    String s = Bytes.latin1(data);
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < s.length()) {
      int nl = s.indexOf('\n', start);
      if (nl < 0) {
        out.add(s.substring(start));
        break;
      }
      out.add(s.substring(start, nl));
      start = nl + 1;
    }
    return out;
  }
}
