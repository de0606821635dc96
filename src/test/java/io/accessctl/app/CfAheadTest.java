package io.accessctl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessctl.cf.CfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cf read ahead of the options gives what reading the file when asked gives. */
class CfAheadTest {
  @TempDir
  Path tmp;

  private Path cf(String name, String version) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, "V10/Berkeley\nDZ" + version + "\nKaccess hash -T<TMPF> /etc/mail/access\n");
    return p;
  }

  @Test
  void theReadAheadIsTheFilesContent() throws Exception {
    Path cf = cf("sendmail.cf", "8.17.1.9");
    CfAhead.start(cf);
    assertThat(CfAhead.read(cf).version()).isEqualTo("8.17.1.9");
    assertThat(CfAhead.read(cf).version()).as("taken once; then the file").isEqualTo("8.17.1.9");
  }

  @Test
  void aFileChangedSinceTheReadBeganIsReadAgain() throws Exception {
    Path cf = cf("sendmail.cf", "8.17.1.9");
    CfAhead.start(cf);
    Thread.sleep(300); // the read ahead has then most likely read the old text
    Files.writeString(cf, "V10/Berkeley\nDZ8.18.1\n");
    Files.setLastModifiedTime(cf, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    CfFile read = CfAhead.read(cf);
    assertThat(read.version()).isEqualTo("8.18.1");
    assertThat(read.accessMap()).isEmpty();
  }

  @Test
  void anotherFileIsReadItself() throws Exception {
    Path stock = cf("sendmail.cf", "8.17.1.9");
    Path other = cf("other.cf", "8.18.1");
    CfAhead.start(stock);
    assertThat(CfAhead.read(other).version()).isEqualTo("8.18.1");
    assertThat(CfAhead.read(stock).version()).isEqualTo("8.17.1.9");
  }

  @Test
  void aFileThatCannotBeReadFailsAsWhenReadWhenAsked() throws Exception {
    Path cf = cf("sendmail.cf", "8.17.1.9");
    CfAhead.start(cf);
    Files.delete(cf);
    assertThatThrownBy(() -> CfAhead.read(cf)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(cf.toString());
    Path notCf = tmp.resolve("not.cf");
    Files.writeString(notCf, "hello\n");
    String asked = null;
    try {
      CfFile.read(notCf);
    } catch (IOException e) {
      asked = e.getMessage();
    }
    CfAhead.start(notCf);
    assertThatThrownBy(() -> CfAhead.read(notCf)).isInstanceOf(IOException.class)
        .hasMessage(asked);
  }
}
