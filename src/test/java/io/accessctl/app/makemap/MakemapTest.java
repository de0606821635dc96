package io.accessctl.app.makemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.app.makemap.MakemapResult.Message;
import io.accessctl.app.makemap.MakemapResult.Stream;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The makemap use case returns its messages and status instead of printing them (makemap's own
 * behaviour is compared with the real makemap in the cli's MakemapCommandTest).
 */
class MakemapTest {
  @TempDir Path dir;

  private final Makemap asUser = new Makemap(new Accounts(Path.of("/nonexistent/passwd"),
      Path.of("/nonexistent/group")), false);

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  private MakemapResult run(Makemap m, String stdin, String... args) throws IOException {
    return m.run(List.of(args), input(stdin));
  }

  private static String text(MakemapResult r, Stream s) {
    StringBuilder sb = new StringBuilder();
    r.messages().stream().filter(m -> m.stream() == s).forEach(m -> sb.append(m.text()));
    return sb.toString();
  }

  @Test
  void aListingIsTheRegistrysFormatsAndEndsTheRunWhereverItStands() throws IOException {
    MakemapResult r = run(asUser, "", "-x", "-z");
    assertThat(r.status()).isZero();
    assertThat(r.messages()).containsExactly(new Message(Stream.OUT, "hash:db\n"),
        new Message(Stream.OUT, "btree:db\n"), new Message(Stream.OUT, "cdb:cdb\n"),
        new Message(Stream.OUT, "implicit:\n"));
  }

  @Test
  void messagesComeInTheOrderMakemapWritesThem() throws IOException {
    MakemapResult r = run(asUser, "", "-t", "", "-q");
    assertThat(r.status()).isEqualTo(Sysexits.USAGE);
    assertThat(r.messages()).extracting(Message::text).startsWith("Invalid separator\n",
        "makemap: invalid option -- 'q'\n", "Usage: makemap [-C cffile] [-N] [-c cachesize]"
            + " [-D commentchar]\n");
    assertThat(r.messages()).extracting(Message::stream).containsOnly(Stream.ERR);
  }

  @Test
  void aBuildWritesWhatParsedAndReportsTheRestWithStatus65() throws IOException {
    String map = dir.resolve("m").toString();
    MakemapResult r = run(asUser, "Key One v1\n  bad\nkey one v2\nk2 v\n", "-v", "btree", map);
    assertThat(r.status()).isEqualTo(Sysexits.DATA_ERROR);
    assertThat(text(r, Stream.OUT)).isEqualTo("key=`key', val=`One v1'\nkey=`key', val=`one v2'\n"
        + "key=`k2', val=`v'\n");
    assertThat(text(r, Stream.ERR)).isEqualTo("makemap: " + map + ": line 2: syntax error"
        + " (leading space)\nmakemap: " + map + ": line 3: key key: duplicate key\n");
    try (MapReader reader = MapReader.open(Path.of(map + ".db"))) {
      assertThat(reader.format()).isEqualTo(MapFormat.BTREE);
      assertThat(reader.size()).isEqualTo(2);
    }
    MakemapResult dump = run(asUser, "", "-u", "-t", "=", "btree", map);
    assertThat(dump.status()).isZero();
    assertThat(text(dump, Stream.OUT)).isEqualTo("k2=v\nkey=One v1\n");
  }

  @Test
  void unknownTypesAndTheCfTypesFallBackAsMakemapDoes() throws IOException {
    String map = dir.resolve("m").toString();
    assertThat(text(run(asUser, "", "HASH", map), Stream.ERR))
        .isEqualTo("makemap: error opening type HASH map " + map + ": Unknown database type\n");
    Path cf = Files.writeString(dir.resolve("t.cf"), "Kaccess cdb " + map + "\n");
    assertThat(run(asUser, "k v\n", "-C", cf.toString(), "cf", map).status()).isZero();
    assertThat(MapFormat.detect(Path.of(map + ".cdb"))).isEqualTo(MapFormat.CDB);
    MakemapResult missing = run(asUser, "", "-C", dir.resolve("nope.cf").toString(), "cf", map);
    assertThat(missing.status()).isEqualTo(Sysexits.NO_INPUT);
    assertThat(text(missing, Stream.ERR)).endsWith("nope.cf: No such file or directory\n");
  }

  @Test
  void asRootTheMapGoesToTrustedUserAndUnknownNamesAreReported() throws IOException {
    Accounts accounts = new Accounts(
        Files.writeString(dir.resolve("passwd"), "smmta:x:4321:4321::/:/bin/false\n"),
        dir.resolve("group"));
    Makemap asRoot = new Makemap(accounts, true);
    Path cf = Files.writeString(dir.resolve("t.cf"),
        "O TrustedUser=nosuchuser\nO TrustedUser=smmta\n");
    Path sub = Files.createDirectory(dir.resolve("sub"));
    String map = sub.resolve("m").toString();
    MakemapResult r = run(asRoot, "k v\n", "-C", cf.toString(), "hash", map);
    assertThat(r.messages()).contains(new Message(Stream.ERR,
        "TrustedUser: unknown user nosuchuser\n"));
    assertThat(r.status()).isZero();
    if (isRoot()) {
      assertThat(Files.getAttribute(Path.of(map + ".db"), "unix:uid")).isEqualTo(4321);
    }
  }

  private static boolean isRoot() throws IOException {
    return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
  }
}
