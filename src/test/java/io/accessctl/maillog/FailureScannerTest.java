package io.accessctl.maillog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FailureScannerTest {
  static final LocalDate LOG_DAY = LocalDate.of(2026, 11, 23);

  static List<Failure> scan(String... resources) throws IOException {
    FailureScanner s = new FailureScanner(LOG_DAY);
    for (String r : resources) {
      try (InputStream in = FailureScannerTest.class.getResourceAsStream("/maillog/" + r)) {
        MailLog.scan(in, LOG_DAY, s);
      }
    }
    return s.failures();
  }

  static List<Failure> scanText(String text) throws IOException {
    FailureScanner s = new FailureScanner(LOG_DAY);
    MailLog.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), LOG_DAY, s);
    return s.failures();
  }

  @Test
  void theDeferralFromTheIssueIsOneFailureKeyedByTheRelayNotTheRecipient() throws IOException {
    List<Failure> f = scanText("Nov 20 09:12:02 mx1 sm-mta[2103]: 4AK9C1aA002101: "
        + "to=<someone@exampledomain.com>, delay=00:00:01, mailer=esmtp, relay=luna.bagoona.com."
        + " [123.45.67.89], dsn=4.0.0, stat=Deferred: 403 4.7.0 TLS handshake failed.\n");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).peer()).isEqualTo(new Peer(Optional.of("luna.bagoona.com"),
        Optional.of("123.45.67.89"), false));
    assertThat(f.get(0).deferred()).isTrue();
    assertThat(f.get(0).reply()).isEqualTo("403 4.7.0");
    assertThat(f.get(0).recipientDomains()).containsExactly("exampledomain.com");
    assertThat(f.get(0).date()).isEqualTo(LocalDate.of(2026, 11, 20));
  }

  @Test
  void clientErrorRejectAndDeferralOfOneConnectionAreOneFailure() throws IOException {
    List<Failure> f = scan("mail.log.1");
    List<Failure> luna = f.stream().filter(x -> x.peer().name().equals(
        Optional.of("luna.bagoona.com"))).toList();
    assertThat(luna).hasSize(1);
    assertThat(luna.get(0).reply()).isEqualTo("454 4.7.0");
    assertThat(luna.get(0).queueIds()).containsExactly("4AM801aB003100");
  }

  @Test
  void anOldClientErrorWithoutRelayTakesTheHostFromTheNextLineOfItsProcess() throws IOException {
    List<Failure> f = scanText("""
        Nov 20 09:12:02 mx1 sm-mta[2103]: STARTTLS=client, error: connect failed=-1, SSL_error=1, errno=0, retry=-1
        Nov 20 09:12:02 mx1 sm-mta[9999]: STARTTLS=client, error: connect failed=-1, SSL_error=1, errno=0, retry=-1
        Nov 20 09:12:02 mx1 sm-mta[2103]: 4AK9C1aA002101: ruleset=tls_server, arg1=SOFTWARE, relay=luna.bagoona.com, reject=403 4.7.0 TLS handshake failed.
        """);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.peer().name()).contains("luna.bagoona.com");
      assertThat(x.deferred()).isFalse();
    });
  }

  @Test
  void an814RejectWithoutQueueIdBeforeItsErrorLineIsStillOneFailure() throws IOException {
    // the order and forms a sendmail 8.14 server logged (no queue id, error after the reject)
    List<Failure> f = scanText("""
        Dec  4 10:24:32 mx sendmail[32283]: ruleset=tls_server, arg1=SOFTWARE, relay=mx.outlook.example, reject=403 4.7.0 TLS handshake failed.
        Dec  4 10:24:32 mx sendmail[32283]: STARTTLS=client, error: connect failed=0, SSL_error=5
        Dec  4 10:24:32 mx sendmail[32283]: STARTTLS: write error=syscall error (-1), errno=104, retry=99, ssl_err=5
        Dec  4 10:24:32 mx sendmail[32283]: qB4AOWa1032280: to=<a@client.example>, delay=00:00:01, xdelay=00:00:00, mailer=esmtp, pri=30000, relay=mx.outlook.example. [192.0.2.77], dsn=4.0.0, stat=Deferred: 403 4.7.0 TLS handshake failed.
        """);
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.peer().display()).isEqualTo("mx.outlook.example [192.0.2.77]");
      assertThat(x.deferred()).isTrue();
      assertThat(x.recipientDomains()).containsExactly("client.example");
      assertThat(x.date()).isEqualTo(LocalDate.of(2025, 12, 4));
    });
  }

  @Test
  void aCachedConnectionFailureDefersEveryMessageOnce() throws IOException {
    List<Failure> bank = scan("mail.log.1").stream()
        .filter(x -> x.peer().name().equals(Optional.of("mx1.old-bank.example"))).toList();
    assertThat(bank).hasSize(2).allMatch(Failure::deferred);
  }

  @Test
  void successfulHandshakesOtherDeferralsOtherDaemonsAndTruncatedLinesAreNoFailures()
      throws IOException {
    List<Failure> f = scan("mail.log.2.gz", "mail.log.1", "mail.log");
    assertThat(f).extracting(x -> x.peer().display()).doesNotContain(
        "mx.other.org [198.51.100.20]", "mx.busy.example [203.0.113.50]",
        "mail.slow.example", "mx.z.example [203.0.113.51]", "mail.postfix.example",
        "mail-ej1.google.com [209.85.218.50]");
    assertThat(f).hasSize(12);
  }

  @Test
  void serverSideErrorsNameTheClientAndKeepTheForgedMark() throws IOException {
    List<Failure> in = scan("mail.log.2.gz", "mail.log.1", "mail.log").stream()
        .filter(x -> x.side() == Side.INBOUND).toList();
    assertThat(in).extracting(x -> x.peer().display()).containsExactly(
        "oldclient.example.net [198.51.100.7]",
        "legacy-scanner.example.net [192.0.2.44]", "legacy-scanner.example.net [192.0.2.44]",
        "[198.51.100.200]", "legacy-scanner.example.net [192.0.2.44]");
    assertThat(in.get(1).peer().forged()).isTrue();
  }

  @Test
  void gzipIsToldByItsMagicNotItsName() throws IOException {
    String line = "Nov 20 09:12:02 mx1 sm-mta[1]: Q1234567: to=<a@b.example>, relay=mx.b.example."
        + " [192.0.2.1], dsn=4.0.0, stat=Deferred: 454 4.7.0 TLS handshake failed.\n";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(line.getBytes(StandardCharsets.US_ASCII));
    }
    FailureScanner s = new FailureScanner(LOG_DAY);
    MailLog.scan(new ByteArrayInputStream(gz.toByteArray()), LOG_DAY, s);
    assertThat(s.failures()).hasSize(1);
  }

  @Test
  void aClassicStampAfterTheLogsDayIsFromTheYearBefore() {
    LocalDate jan = LocalDate.of(2027, 1, 2);
    assertThat(SyslogLine.parse("Dec 31 23:59:59 mx1 sm-mta[1]: x", jan).orElseThrow().date())
        .isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(SyslogLine.parse("Jan  2 00:00:01 mx1 sm-mta[1]: x", jan).orElseThrow().date())
        .isEqualTo(jan);
    assertThat(SyslogLine.parse("2026-11-23T07:15:02.123456+00:00 mx1 sm-mta[4]: x", jan)
        .orElseThrow().pid()).isEqualTo("4");
    assertThat(SyslogLine.parse("Nov 21 03:00:01 mx1 sm-m", jan)).isEmpty();
  }

  @Test
  void relayFormsAsSendmailLogsThem() {
    assertThat(Peer.parse("luna.bagoona.com. [123.45.67.89]").orElseThrow().display())
        .isEqualTo("luna.bagoona.com [123.45.67.89]");
    assertThat(Peer.parse("[203.0.113.9] [203.0.113.9]").orElseThrow())
        .isEqualTo(new Peer(Optional.empty(), Optional.of("203.0.113.9"), false));
    assertThat(Peer.parse("luna.bagoona.com").orElseThrow().addr()).isEmpty();
    assertThat(Peer.parse("x.example [IPv6:2001:db8:0:0:0:0:0:1] (may be forged)").orElseThrow())
        .isEqualTo(new Peer(Optional.of("x.example"), Optional.of("IPv6:2001:db8:0:0:0:0:0:1"),
            true));
    assertThat(Peer.parse("")).isEmpty();
  }

  @Test
  void suggestionsGroupByKeyWithCountsDatesAndRecipients() throws IOException {
    List<Suggestion> s = Suggestions.of(scan("mail.log.2.gz", "mail.log.1", "mail.log"));
    assertThat(s).extracting(Suggestion::entry).containsExactly(
        "Try_TLS:luna.bagoona.com\tNO",
        "Try_TLS:mx1.old-bank.example\tNO",
        "Try_TLS:203.0.113.9\tNO",
        "Srv_Features:192.0.2.44\tS",
        "Srv_Features:198.51.100.200\tS",
        "Srv_Features:198.51.100.7\tS");
    assertThat(s.get(0).comment()).isEqualTo("# accessctl suggest: 4 deferrals \"TLS handshake"
        + " failed\" 2026-11-20..2026-11-23, recipients exampledomain.com, other.org");
    assertThat(s.get(0).replies()).containsExactly("403 4.7.0", "454 4.7.0");
    assertThat(s.get(3).comment()).isEqualTo("# accessctl suggest: 3 failed STARTTLS handshakes"
        + " from client legacy-scanner.example.net [192.0.2.44] 2026-11-22..2026-11-23");
  }
}
