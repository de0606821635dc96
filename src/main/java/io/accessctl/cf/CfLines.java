package io.accessctl.cf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A sendmail.cf as the logical lines readcf.c interprets, in file order, for readers that need
 * every command as text (the rewriting engine compiles S, R, C, F, D, K and O lines from them):
 * continuations joined, comments and blank lines left out, nothing else interpreted.
 */
public final class CfLines {
  /** One command: the number of its first physical line and its text (continuations joined). */
  public record Line(int number, String text) {
    /** The command letter: {@code R}, {@code S}, {@code D}, … */
    public char command() {
      return text.charAt(0);
    }

    /** The text after the command letter. */
    public String body() {
      return text.substring(1);
    }
  }

  private final Path path;
  private final List<Line> lines;

  private CfLines(Path path, List<Line> lines) {
    this.path = path;
    this.lines = lines;
  }

  /**
   * Reads a cf (ISO-8859-1, one char per byte).
   *
   * @throws IOException when the file cannot be read or has no V line (not a sendmail.cf)
   */
  public static CfLines read(Path cf) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(cf);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(cf.toString(), null, "No such file or directory");
    }
    return parse(cf, new String(bytes, StandardCharsets.ISO_8859_1));
  }

  /** Cf text already in memory. */
  public static CfLines parse(Path path, String text) throws IOException {
    CfText parsed = CfText.parse(text);
    if (!parsed.hasConfigLevel) {
      throw new FileSystemException(path.toString(), null,
          "not a sendmail.cf (it has no V configuration-level line, which every cf made by m4 has)");
    }
    List<Line> out = parsed.lines.stream()
        .filter(l -> !l.text().isEmpty() && l.text().charAt(0) != '#')
        .map(l -> new Line(l.number(), l.text()))
        .toList();
    return new CfLines(path, out);
  }

  public Path path() {
    return path;
  }

  public List<Line> lines() {
    return lines;
  }
}
