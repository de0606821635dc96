package io.accessctl.lint.corpus;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.cf.Feature;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Repeats;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The corpus under {@code src/test/resources/corpus/}: real-looking access maps, each with a
 * {@code NAME.expect} beside it that says, line by line, what lint must report and what sendmail
 * does (the format is described at the top of every expect file).
 */
final class Corpus {
  static final Path DIR = Path.of("src/test/resources/corpus");
  static final Path DEBIAN_CF = Path.of("src/test/resources/sendmail/debian-8.17.1.9.cf");

  /** One map and its expectations. */
  record Sample(Path file, String cf, List<Line> lines, List<Fold> folds, List<Claim> claims) {
    String name() {
      return file.getFileName().toString();
    }

    byte[] bytes() {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code LINE RULE} (a planted defect) or {@code LINE ok} (rule null). */
  record Line(int number, String rule) {}

  /** {@code fold RULE N}: RULE's advice given once for N lines. */
  record Fold(String rule, int count) {}

  /**
   * A behaviour of sendmail's: {@code bt} (-bt input, lines joined by " | ") or {@code bs}
   * (MAIL FROM and RCPT TO addresses), and the text its output must or must not contain.
   */
  record Claim(String kind, String input, String text, boolean present) {}

  private Corpus() {}

  static List<Sample> all() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".access")).sorted().map(Corpus::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sample read(Path file) {
    List<Line> lines = new ArrayList<>();
    List<Fold> folds = new ArrayList<>();
    List<Claim> claims = new ArrayList<>();
    String cf = "debian";
    try {
      for (String l : Files.readAllLines(Path.of(file + ".expect"), StandardCharsets.UTF_8)) {
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] w = l.split(" ", 2);
        switch (w[0]) {
          case "cf" -> cf = w[1].trim();
          case "fold" -> {
            String[] f = w[1].trim().split(" ");
            folds.add(new Fold(f[0], Integer.parseInt(f[1])));
          }
          case "bt", "bs" -> {
            boolean present = w[1].contains(" => ");
            String[] c = w[1].split(present ? " => " : " =/> ", 2);
            claims.add(new Claim(w[0], c[0].trim(), c[1], present));
          }
          default -> {
            String[] f = l.trim().split("\\s+");
            lines.add(new Line(Integer.parseInt(f[0]), f[1].equals("ok") ? null : f[1]));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Sample(file, cf, lines, folds, claims);
  }

  /** The cf a map is judged against: Debian's, or Debian's with blocklist_recipients. */
  static CfFile cf(String name) {
    try {
      CfFile debian = CfFile.read(DEBIAN_CF);
      if (name.equals("debian")) {
        return debian;
      }
      Set<Feature> features = EnumSet.of(Feature.BLOCKLIST_RECIPIENTS);
      features.addAll(debian.features());
      return CfFile.of(debian.path(), debian.version(), debian.accessMap().orElseThrow(), features,
          Set.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What lint reports for the map: every rule, then repeated advice folded, as lint prints it. */
  static List<Diagnostic> lint(byte[] data, CfFile cf) {
    AccessSource src = new AccessParser(ParseOptions.defaults()).parse("access", data);
    return Repeats.fold(Linter.all().lint(new LintContext(src, Catalog.stock(),
        Optional.ofNullable(cf))), src);
  }
}
