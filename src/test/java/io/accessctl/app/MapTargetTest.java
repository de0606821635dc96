package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.source.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting the access K line gives a map, decided once for files and for lookups. */
class MapTargetTest {
  @TempDir
  Path dir;

  private Optional<CfFile> cf(String mapClass, boolean nul, boolean noFold, boolean optional) {
    return Optional.of(CfFile.of(dir.resolve("sendmail.cf"), "8.17.1.9", new AccessMapSpec(
        mapClass, dir.resolve("access").toString(), nul, false, noFold, optional), Set.of(),
        Set.of()));
  }

  @Test
  void withoutACfTheDefaultsAreEtcMailAccessFoldedHashWithoutNul() {
    MapTarget t = MapTarget.file(Optional.empty(), null, null);
    assertThat(t.text()).isEqualTo(Path.of("/etc/mail/access"));
    assertThat(t.forSendmail()).isFalse();
    assertThat(t.foldsKeys()).isTrue();
    assertThat(t.nulKeys()).isFalse();
    assertThat(t.optional()).isFalse();
    assertThat(t.format(null)).isEqualTo(MapFormat.HASH);
    assertThat(t.db(null, MapFormat.HASH)).isEqualTo(Path.of("/etc/mail/access.db"));
    assertThat(t.defaultLookupMap()).isEqualTo(Path.of("/etc/mail/access.db"));
  }

  @Test
  void theKLinesFileIsTheTextAndItsFlagsApplyToIt() {
    MapTarget t = MapTarget.file(cf("btree", true, true, true), null, null);
    assertThat(t.text()).isEqualTo(dir.resolve("access"));
    assertThat(t.forSendmail()).isTrue();
    assertThat(t.mapClass()).contains("btree");
    assertThat(t.format(null)).isEqualTo(MapFormat.BTREE);
    assertThat(t.nulKeys()).isTrue();
    assertThat(t.foldsKeys()).isFalse();
    assertThat(t.optional()).isTrue();
    assertThat(t.parseOptions(ParseOptions.defaults()).foldKeys()).isFalse();
    assertThat(t.compiledFile()).isEqualTo(dir.resolve("access.db"));
  }

  @Test
  void anotherTextFileIsJustAnotherMapForCompile() {
    MapTarget t = MapTarget.file(cf("btree", true, true, false), dir.resolve("other"), null);
    assertThat(t.forSendmail()).isFalse();
    assertThat(t.kLine()).isEmpty();
    assertThat(t.foldsKeys()).isTrue();
    assertThat(t.nulKeys()).isFalse();
    assertThat(t.format(null)).isEqualTo(MapFormat.HASH);
    assertThat(t.db(null, MapFormat.CDB)).isEqualTo(dir.resolve("other.cdb"));
  }

  @Test
  void anOutputNamedAsTheKLinesFileMakesTheWriteSendmails() {
    MapTarget written = MapTarget.file(cf("cdb", true, false, false), dir.resolve("elsewhere"),
        dir.resolve("access.cdb"));
    MapTarget notThere = MapTarget.file(cf("cdb", true, false, false), null,
        dir.resolve("copy.cdb"));
    assertThat(written.forSendmail()).isTrue();
    assertThat(written.nulKeys()).isTrue();
    assertThat(written.format(null)).isEqualTo(MapFormat.CDB);
    assertThat(notThere.forSendmail()).isFalse();
    assertThat(notThere.nulKeys()).isFalse();
  }

  @Test
  void lookupsFollowTheKLinesFoldingWhateverTheFile() {
    MapTarget t = MapTarget.lookup(cf("hash", false, true, false), dir.resolve("other"));
    assertThat(t.forSendmail()).isFalse();
    assertThat(t.foldsKeys()).isFalse();
    assertThat(t.parseOptions(ParseOptions.defaults()).foldKeys()).isFalse();
    assertThat(MapTarget.lookup(cf("hash", false, false, false), null).foldsKeys()).isTrue();
  }

  @Test
  void aSocketMapHasNoTextButItsFoldingStillGovernsLookups() {
    MapTarget t = MapTarget.lookup(cf("socket", false, true, false), null);
    assertThat(t.text()).isEqualTo(MapTarget.DEFAULT_TEXT);
    assertThat(t.foldsKeys()).isFalse();
    assertThat(MapTarget.file(cf("socket", false, true, false), null, null).forSendmail())
        .isFalse();
  }

  @Test
  void theDefaultLookupMapIsTheKLinesCompiledFile() {
    assertThat(MapTarget.lookup(cf("hash", false, false, false), null).defaultLookupMap())
        .isEqualTo(Path.of(dir.resolve("access") + ".db"));
    assertThat(MapTarget.lookup(cf("cdb", false, false, false), null).defaultLookupMap())
        .isEqualTo(Path.of(dir.resolve("access") + ".cdb"));
  }

  @Test
  void anExplicitTypeWinsAndAnUnknownOneIsRefused() {
    MapTarget t = MapTarget.file(cf("btree", false, false, false), null, null);
    assertThat(t.format("cdb")).isEqualTo(MapFormat.CDB);
    assertThatThrownBy(() -> t.format("dbm")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCompiledFileOfAnotherTextIsItsCdbWhenOnlyThatExists() throws Exception {
    Path text = Files.writeString(dir.resolve("map"), "Connect:192.0.2.1 REJECT\n");
    MapTarget t = MapTarget.file(Optional.empty(), text, null);
    assertThat(t.compiledFile()).isEqualTo(dir.resolve("map.db"));
    Files.writeString(dir.resolve("map.cdb"), "");
    assertThat(t.compiledFile()).isEqualTo(dir.resolve("map.cdb"));
  }
}
