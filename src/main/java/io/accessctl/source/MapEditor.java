package io.accessctl.source;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Line-level edits of an access text map that leave every other byte as it was.
 *
 * <p>New lines go above the CanIt marker, because CanIt owns and rewrites everything below it:
 * after the last entry with the same tag when there is one (so Try_TLS entries stay together),
 * else after the last entry above the marker, else just above the marker; in a map without a
 * marker, after the last entry with the same tag or at the end. Entries below the marker are never
 * edited: CanIt would undo the edit.
 */
public final class MapEditor {
  /** Comment lines written by accessctl start so; {@link #delete} takes them with their entry. */
  public static final String OWN_COMMENT = "# accessctl";

  private final String name;
  private final byte[] original;
  private final ParseOptions options;
  private final AccessSource parsed;
  /** Index in {@code parsed.lines()} of the first CanIt marker, or the number of lines. */
  private final int markerIndex;

  public MapEditor(String name, byte[] original, ParseOptions options) {
    this.name = name;
    this.original = original;
    this.options = options.withMakemapLines(false);
    this.parsed = new AccessParser(this.options).parse(name, original);
    List<SourceLine> markers = parsed.canitMarkers();
    this.markerIndex = markers.isEmpty() ? parsed.lines().size()
        : index(markers.get(0));
  }

  public AccessSource parsed() {
    return parsed;
  }

  /**
   * Inserts a block of lines (each without its line ending: comments and entries) as one unit.
   * Entries of the block that the map already holds with the same value are left out, with the
   * comment lines directly above them; an entry whose key the map holds with another value is
   * refused, since the map would then hold the key twice.
   */
  public Edit insert(String tag, List<String> block) {
    List<String> kept = new ArrayList<>();
    List<String> pendingComments = new ArrayList<>();
    for (String line : block) {
      checkLine(line);
      Entry e = parseOne(line);
      if (e == null) {
        pendingComments.add(line);
        continue;
      }
      List<Entry> existing = entriesFor(e.storedKey());
      if (existing.isEmpty()) {
        kept.addAll(pendingComments);
        kept.add(line);
      } else if (existing.size() > 1 || !sameValue(existing.get(0), e.value())) {
        Entry first = existing.get(0);
        throw new Refused(name + ":" + first.lineNumber() + ": " + first.key()
            + " already has an entry (" + Bytes.display(first.value().strip()) + ")");
      }
      pendingComments.clear();
    }
    kept.addAll(pendingComments.isEmpty() || kept.isEmpty() ? List.of() : pendingComments);
    if (kept.stream().noneMatch(l -> parseOne(l) != null)) {
      return unchanged("already in the map");
    }
    return insertAt(insertionIndex(tag), kept);
  }

  /** Sets KEY to VALUE: the existing entry's value is replaced in place, or a new line inserted. */
  public Edit set(String key, String value) {
    checkKey(key);
    checkValue(value);
    String stored = options.foldKeys() ? Bytes.foldAscii(key) : key;
    List<Entry> existing = entriesFor(stored);
    for (Entry e : existing) {
      if (e.lineNumber() > markerLineNumber()) {
        throw new Refused(belowMarker(e));
      }
    }
    if (existing.size() > 1) {
      throw new Refused(name + ": " + key + " has " + existing.size() + " entries (lines "
          + lineList(existing) + "); makemap keeps the first: remove the others first");
    }
    if (existing.isEmpty()) {
      String tag = key.indexOf(':') < 0 ? "" : key.substring(0, key.indexOf(':'));
      int at = insertionIndex(tag);
      return insertAt(at, List.of(key + separatorNear(at) + value));
    }
    Entry e = existing.get(0);
    if (sameValue(e, value)) {
      return unchanged(name + ":" + e.lineNumber() + ": " + e.key() + " is already "
          + Bytes.display(value));
    }
    SourceLine line = e.line();
    int start = (int) line.offset() + e.valueColumn() - 1;
    int end = (int) line.offset() + contentLength(line);
    if (e.value().isEmpty()) {
      // a key alone (-e): the separator has to be written too
      start = end;
      value = separatorNear(index(line)) + value;
    }
    byte[] text = splice(start, end, Bytes.bytes(value));
    return new Edit(text, true, List.of(e.lineNumber()),
        name + ":" + e.lineNumber() + ": " + e.key() + " set to " + Bytes.display(value.strip()));
  }

  /**
   * Removes every entry for KEY (compared as stored) and the comment lines that describe it: those
   * directly above an entry that stands alone (not above a run of entries, where they head a
   * section), and accessctl's own in any case. Nothing happens when there is no such entry.
   */
  public Edit delete(String key) {
    checkKey(key);
    String stored = options.foldKeys() ? Bytes.foldAscii(key) : key;
    List<Entry> existing = entriesFor(stored);
    if (existing.isEmpty()) {
      return unchanged(name + ": no entry for " + key);
    }
    for (Entry e : existing) {
      if (e.lineNumber() > markerLineNumber()) {
        throw new Refused(belowMarker(e));
      }
    }
    List<SourceLine> lines = parsed.lines();
    boolean[] drop = new boolean[lines.size()];
    for (Entry e : existing) {
      int i = index(e.line());
      drop[i] = true;
      boolean alone = i + 1 >= lines.size() || lines.get(i + 1).kind() != SourceLine.Kind.ENTRY;
      for (int j = i - 1; j >= 0 && isDescription(lines.get(j)) && !drop[j]; j--) {
        // Webmin's convention: the comment right above an entry describes it. Only when the entry
        // stands alone, though: above a run of entries it is a section heading.
        if (alone || lines.get(j).text().startsWith(OWN_COMMENT)) {
          drop[j] = true;
        } else {
          break;
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(original.length);
    int copied = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (drop[i]) {
        int start = (int) lines.get(i).offset();
        out.write(original, copied, start - copied);
        copied = lineEnd(i);
      }
    }
    out.write(original, copied, original.length - copied);
    return new Edit(out.toByteArray(), true, List.of(),
        name + ": deleted " + key + " (line" + (existing.size() == 1 ? " " : "s ")
            + lineList(existing) + ")");
  }

  /**
   * The result of an edit.
   *
   * @param text the whole new text (the original array when nothing changed)
   * @param changed whether any byte differs
   * @param lines 1-based numbers, in the new text, of the lines inserted or rewritten
   * @param message what was done, for the user ("inserted at line 12", "already set", …)
   */
  public record Edit(byte[] text, boolean changed, List<Integer> lines, String message) {}

  /** An edit that cannot be made (the key is below the CanIt marker, has no value, …). */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  private Edit unchanged(String message) {
    return new Edit(original, false, List.of(), message);
  }

  /** A comment with words in it, not a bare "#" separator nor the CanIt marker. */
  private static boolean isDescription(SourceLine l) {
    return l.isComment() && !l.text().substring(1).isBlank()
        && !l.text().contains(AccessSource.CANIT_MARKER_CORE);
  }

  /** The line's index in {@code parsed.lines()}: whole-line reading numbers lines densely. */
  private static int index(SourceLine line) {
    return line.number() - 1;
  }

  private int markerLineNumber() {
    return markerIndex < parsed.lines().size() ? parsed.lines().get(markerIndex).number()
        : Integer.MAX_VALUE;
  }

  private String belowMarker(Entry e) {
    return name + ":" + e.lineNumber() + ": " + e.key() + " is below the CanIt marker (line "
        + markerLineNumber() + "); CanIt owns that part and would undo the edit";
  }

  private List<Entry> entriesFor(String storedKey) {
    List<Entry> found = new ArrayList<>();
    for (Entry e : parsed.entries()) {
      if (e.storedKey().equals(storedKey)) {
        found.add(e);
      }
    }
    return found;
  }

  /** The value as sendmail gets it equals {@code value}, a CR of a CRLF line aside. */
  private static boolean sameValue(Entry e, String value) {
    String v = e.value();
    if (e.line().endsWithCr() && v.endsWith("\r")) {
      v = v.substring(0, v.length() - 1);
    }
    return v.equals(value);
  }

  /** Where a new line goes: the index in {@code parsed.lines()} it will be inserted before. */
  private int insertionIndex(String tag) {
    List<SourceLine> lines = parsed.lines();
    int lastEntry = -1;
    int lastSameTag = -1;
    for (Entry e : parsed.entries()) {
      int i = index(e.line());
      if (i >= markerIndex) {
        break;
      }
      lastEntry = i;
      if (e.tag().equalsIgnoreCase(tag) && e.isTagged() == !tag.isEmpty()) {
        lastSameTag = i;
      }
    }
    if (lastSameTag >= 0) {
      return lastSameTag + 1;
    }
    if (markerIndex < lines.size()) {
      return lastEntry >= 0 ? lastEntry + 1 : markerIndex;
    }
    return lines.size();
  }

  private Edit insertAt(int index, List<String> block) {
    List<SourceLine> lines = parsed.lines();
    String eol = lineEnding(index);
    StringBuilder sb = new StringBuilder();
    int at;
    if (index < lines.size()) {
      at = (int) lines.get(index).offset();
    } else {
      at = original.length;
      if (at > 0 && original[at - 1] != '\n') {
        sb.append('\n'); // the last line had no LF: it gets one, or the block would join it
      }
    }
    for (String l : block) {
      sb.append(l).append(eol);
    }
    int firstNumber = index < lines.size() ? lines.get(index).number()
        : lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number() + 1;
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < block.size(); i++) {
      numbers.add(firstNumber + i);
    }
    byte[] text = splice(at, at, Bytes.bytes(sb.toString()));
    return new Edit(text, true, numbers, name + ":" + firstNumber + ": inserted "
        + block.size() + (block.size() == 1 ? " line" : " lines"));
  }

  /** CRLF when the neighbouring line has it: a CRLF file stays one. */
  private String lineEnding(int index) {
    List<SourceLine> lines = parsed.lines();
    SourceLine near = index > 0 ? lines.get(index - 1) : lines.isEmpty() ? null : lines.get(0);
    return near != null && near.endsWithCr() ? "\r\n" : "\n";
  }

  /** The separator the nearest entry uses (tabs, spaces), or a space; the -t byte with -t. */
  private String separatorNear(int index) {
    if (options.delimiter() != ParseOptions.WHITESPACE) {
      return String.valueOf((char) options.delimiter());
    }
    for (int k = parsed.entries().size() - 1; k >= 0; k--) {
      Entry e = parsed.entries().get(k);
      if (index(e.line()) < index && !e.value().isEmpty()) {
        String t = e.line().text();
        return t.substring(e.keyColumn() - 1 + e.key().length(), e.valueColumn() - 1);
      }
    }
    return " ";
  }

  /** Bytes of the line without its LF and without a CR before it. */
  private static int contentLength(SourceLine line) {
    return line.text().length() - (line.endsWithCr() ? 1 : 0);
  }

  /** Offset just after line {@code i}'s LF (or the end of the text). */
  private int lineEnd(int i) {
    SourceLine l = parsed.lines().get(i);
    int end = (int) l.offset() + l.text().length();
    return end < original.length ? end + 1 : end;
  }

  private byte[] splice(int start, int end, byte[] replacement) {
    byte[] out = new byte[original.length - (end - start) + replacement.length];
    System.arraycopy(original, 0, out, 0, start);
    System.arraycopy(replacement, 0, out, start, replacement.length);
    System.arraycopy(original, end, out, start + replacement.length, original.length - end);
    return out;
  }

  /** The entry a single line makes, or null for a comment; refuses what makemap would reject. */
  private Entry parseOne(String line) {
    AccessSource one = new AccessParser(options).parse(name, Bytes.bytes(line + "\n"));
    if (!one.issues().isEmpty()) {
      throw new Refused("'" + Bytes.display(line) + "': makemap would report: "
          + one.issues().get(0).makemapMessage());
    }
    if (one.entries().isEmpty()) {
      if (one.lines().get(0).kind() != SourceLine.Kind.COMMENT) {
        throw new Refused("'" + Bytes.display(line) + "' is neither an entry nor a comment");
      }
      return null;
    }
    return one.entries().get(0);
  }

  private static void checkLine(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\n' || c == '\r' || c == 0) {
        throw new Refused("a line may not hold LF, CR or NUL: '" + Bytes.display(line) + "'");
      }
    }
  }

  private void checkKey(String key) {
    if (key.isEmpty()) {
      throw new Refused("the key is empty");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (options.isSeparator(c) || c == '\n' || c == '\r' || c == 0 || Bytes.isSpace(c)) {
        throw new Refused("the key '" + Bytes.display(key) + "' holds white space or the "
            + "separator; makemap would split it there");
      }
    }
    if (options.commentChar() != ParseOptions.NONE && key.charAt(0) == options.commentChar()) {
      throw new Refused("the key '" + Bytes.display(key) + "' starts with the comment character");
    }
  }

  private void checkValue(String value) {
    checkLine(value);
    if (value.isEmpty() && !options.allowEmptyValues()) {
      throw new Refused("the value is empty; makemap would report 'no RHS' (use delete to "
          + "remove an entry)");
    }
    if (!value.isEmpty() && Bytes.isSpace(value.charAt(0))
        && options.delimiter() == ParseOptions.WHITESPACE) {
      throw new Refused("the value starts with white space, which makemap would drop");
    }
  }

  private static String lineList(List<Entry> entries) {
    StringBuilder sb = new StringBuilder();
    for (Entry e : entries) {
      sb.append(sb.length() == 0 ? "" : ", ").append(e.lineNumber());
    }
    return sb.toString();
  }
}
