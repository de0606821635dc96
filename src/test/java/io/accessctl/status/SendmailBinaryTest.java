package io.accessctl.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendmailBinaryTest {
  @TempDir
  Path dir;

  @Test
  void theVersionLineGivesTheDottedNumber() {
    assertThat(SendmailBinary.parse("Version 8.17.1.9")).contains("8.17.1.9");
    assertThat(SendmailBinary.parse("Version 8.18.1/Debian")).contains("8.18.1");
    assertThat(SendmailBinary.parse(" Compiled with: DNSMAP IPV6_FULL")).isEmpty();
  }

  @Test
  void aMissingBinaryHasNoVersion() {
    assertThat(SendmailBinary.version(dir.resolve("sendmail"))).isEmpty();
  }

  @Test
  void aProgramThatIsNotSendmailHasNoVersion() throws IOException {
    Path fake = script("echo 'sendmail: illegal option -- d'; exit 64");
    assertThat(SendmailBinary.version(fake)).isEmpty();
  }

  @Test
  void aSlowProgramIsStoppedAfterItsVersionLine() throws IOException {
    // like sendmail on a host with an unqualified name: the line, then a long sleep
    Path fake = script("echo 'Version 8.16.1'; sleep 60");
    long start = System.nanoTime();
    assertThat(SendmailBinary.version(fake)).contains("8.16.1");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void aProgramThatSaysNothingIsGivenUpOn() throws IOException {
    Path fake = script("sleep 60");
    assertThat(SendmailBinary.version(fake)).isEmpty();
  }

  private Path script(String body) throws IOException {
    Path p = dir.resolve("sendmail");
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }
}
