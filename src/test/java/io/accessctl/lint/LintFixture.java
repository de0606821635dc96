package io.accessctl.lint;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Lints text or a fixture file in-process, for rule tests. */
public final class LintFixture {
  private LintFixture() {}

  /** All diagnostics for the given map text (UTF-8), without a cf. */
  public static List<Diagnostic> lint(String text) {
    return lint(text.getBytes(StandardCharsets.UTF_8), null);
  }

  public static List<Diagnostic> lint(String text, CfFile cf) {
    return lint(text.getBytes(StandardCharsets.UTF_8), cf);
  }

  public static List<Diagnostic> lint(byte[] data, CfFile cf) {
    AccessSource src = new AccessParser(ParseOptions.defaults()).parse("access", data);
    Catalog catalog = Catalog.stock();
    return Linter.all().lint(new LintContext(src, catalog, Optional.ofNullable(cf)));
  }

  /** Diagnostics of one rule only (by id) for the given text. */
  public static List<Diagnostic> only(String ruleId, String text) {
    return only(ruleId, text, null);
  }

  public static List<Diagnostic> only(String ruleId, String text, CfFile cf) {
    AccessSource src = new AccessParser(ParseOptions.defaults())
        .parse("access", text.getBytes(StandardCharsets.UTF_8));
    return new Linter(Set.of(ruleId), Set.of())
        .lint(new LintContext(src, Catalog.stock(), Optional.ofNullable(cf)));
  }

  /** Reads {@code src/test/resources/lint/NAME}. */
  public static byte[] resource(String name) {
    try {
      return Files.readAllBytes(Path.of("src/test/resources/lint", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
