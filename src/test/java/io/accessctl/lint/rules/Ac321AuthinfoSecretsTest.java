package io.accessctl.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.catalog.Catalog;
import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AC321 looks at the real file's mode, so each test writes its own file in a temp directory. */
class Ac321AuthinfoSecretsTest {
  private static final String MAP = "# relay credentials\nTry_TLS:x.example NO\n"
      + "AuthInfo:relay.example \"U:me\" \"P:secret\" \"M:PLAIN\"\n"
      + "AuthInfo:relay2.example \"U:me\" \"P:secret2\"\n";
  @TempDir Path dir;
  private Path access;

  @BeforeEach
  void write() throws IOException {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    access = dir.resolve("access");
    Files.writeString(access, MAP, StandardCharsets.ISO_8859_1);
  }

  private List<Diagnostic> lint(String text) {
    AccessSource src = new AccessParser(ParseOptions.defaults())
        .parse(access.toString(), text.getBytes(StandardCharsets.ISO_8859_1));
    return new Linter(Set.of("AC321"), Set.of())
        .lint(new LintContext(src, Catalog.stock(), Optional.empty()));
  }

  private void mode(Path p, String perms) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
  }

  @Test
  void aWorldReadableTextFileWithAuthInfoIsAnError() throws IOException {
    mode(access, "rw-r--r--");
    assertThat(lint(MAP)).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.line()).isEqualTo(3);
      assertThat(d.column()).isEqualTo(1);
      assertThat(d.message()).contains("readable by everybody", "rw-r--r--",
          "2 entries (first on line 3)", "chmod 600 " + access);
    });
  }

  @Test
  void aGroupReadableTextFileToo() throws IOException {
    mode(access, "rw-r-----");
    assertThat(lint(MAP)).singleElement().extracting(Diagnostic::message).asString()
        .contains("readable by its group");
  }

  /** A private text file and its .db with the given mode. */
  private Path privateTextWithDb(String dbPerms) throws IOException {
    mode(access, "rw-------");
    Path db = dir.resolve("access.db");
    Files.write(db, new byte[0]);
    mode(db, dbPerms);
    return db;
  }

  @Test
  void mode600IsFineAndSoIsADbReadableBySendmailsGroup() throws IOException {
    privateTextWithDb("rw-r-----");
    assertThat(lint(MAP)).isEmpty();
  }

  @Test
  void aWorldReadableDbIsAnError() throws IOException {
    Path db = privateTextWithDb("rw-r--r--");
    assertThat(lint(MAP)).singleElement().extracting(Diagnostic::message).asString()
        .contains(db + " is readable by everybody", "chmod 640");
  }

  @Test
  void withoutAuthInfoOrWithoutAFileNothingIsSaid() throws IOException {
    mode(access, "rw-r--r--");
    assertThat(lint("Try_TLS:x.example NO\n")).isEmpty();
    Files.delete(access);
    assertThat(lint(MAP)).isEmpty();
  }
}
