package io.accessctl.app.makemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** getpwnam and getgrgid on passwd and group files. */
class AccountsTest {
  @TempDir Path dir;

  private Accounts accounts() throws IOException {
    Path passwd = Files.writeString(dir.resolve("passwd"), """
        root:x:0:0:root:/root:/bin/bash
        smmta:x:115:121:Mail Transfer Agent,,,:/var/lib/sendmail:/usr/sbin/nologin
        broken:x:notanumber:1::/:/bin/false
        smmta:x:999:999:a second entry is never found:/:/bin/false
        """);
    Path group = Files.writeString(dir.resolve("group"), """
        root:x:0:
        smmsp:x:121:root,www-data
        other:x:5678:
        smmsp2:x:121:nobody
        """);
    return new Accounts(passwd, group);
  }

  @Test
  void aUserIsFoundByItsFirstEntry() throws IOException {
    assertThat(accounts().uidOf("smmta")).hasValue(115);
    assertThat(accounts().uidOf("root")).hasValue(0);
    assertThat(accounts().uidOf("nosuchuser")).isEmpty();
    assertThat(accounts().uidOf("broken")).as("an entry whose uid is no number").isEmpty();
  }

  @Test
  void groupMembershipIsReadFromTheFirstGroupOfThatId() throws IOException {
    assertThat(accounts().groupHasMember(121, "root")).isTrue();
    assertThat(accounts().groupHasMember(121, "nobody")).isFalse();
    assertThat(accounts().groupHasMember(5678, "root")).as("no members").isFalse();
    assertThat(accounts().groupHasMember(4242, "root")).as("no such group").isFalse();
  }

  @Test
  void missingFilesHaveNoEntries() {
    Accounts none = new Accounts(dir.resolve("nope"), dir.resolve("nope2"));
    assertThat(none.uidOf("root")).isEmpty();
    assertThat(none.groupHasMember(0, "root")).isFalse();
  }
}
