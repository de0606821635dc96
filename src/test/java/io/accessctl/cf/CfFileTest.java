package io.accessctl.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CfFile's reading of cf syntax, on small texts and on the committed upstream excerpts. */
class CfFileTest {
  @TempDir
  Path dir;

  private static CfFile parse(String text) throws IOException {
    return CfFile.parse(Path.of("test.cf"), text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void versionComesFromDzWithoutTheVendorPart() throws IOException {
    assertThat(parse("V10/Debian\nDZ8.17.1.9/Debian-2+deb12u2\n").version()).isEqualTo("8.17.1.9");
    assertThat(parse("V10/Berkeley\nDZ8.18.0.2\n").version()).isEqualTo("8.18.0.2");
    assertThat(parse("V10/Berkeley\n").version()).isEmpty();
  }

  @Test
  void kLineFlagsCountByTheirFirstLetterAndThePathIsTheLastWord() throws IOException {
    assertThat(parse("V10\nKaccess hash -T<TMPF> /etc/mail/access\n").accessMap()).contains(
        new AccessMapSpec("hash", "/etc/mail/access", false, false, false, false));
    assertThat(parse("V10\nKaccess btree -T<TMPF>  -o -f -N /var/lib/access\n").accessMap())
        .contains(new AccessMapSpec("btree", "/var/lib/access", true, false, true, true));
    // map_parseargs reads one letter per "-" word: -No is -N, not -N and -o
    assertThat(parse("V10\nKaccess hash -No -O /m/a\n").accessMap()).contains(
        new AccessMapSpec("hash", "/m/a", true, true, false, false));
  }

  @Test
  void aCfWithoutKaccessHasNoAccessMapAndNoAccessDbFeature() throws IOException {
    CfFile cf = parse("V10/Berkeley\nKresolve host -a<OKR> -T<TEMP>\nSD\nR$*\t$@ $1\n");
    assertThat(cf.accessMap()).isEmpty();
    assertThat(cf.has(Feature.ACCESS_DB)).isFalse();
  }

  @Test
  void aKaccessLineWithoutRulesThatUseItIsNotFeatureAccessDb() throws IOException {
    CfFile cf = parse("V10\nKaccess hash -T<TMPF> /etc/mail/access\nSD\nR$*\t$@ $1\n");
    assertThat(cf.accessMap()).isPresent();
    assertThat(cf.has(Feature.ACCESS_DB)).isFalse();
  }

  @Test
  void optionsAreCaseInsensitiveTheLastWinsAndBooleansReadLikeAtobool() throws IOException {
    CfFile cf = parse("""
        V10
        O TrustedUser=smmta
        O TrustedUser = other
        O TLSFallbacktoClear
        O usecompressedipv6addresses=False
        OA/etc/mail/aliases
        """);
    assertThat(cf.trustedUser()).contains("other");
    assertThat(cf.option("trusteduser")).contains("other");
    assertThat(cf.option("A")).contains("/etc/mail/aliases");
    assertThat(cf.has(Feature.TLS_FALLBACK_TO_CLEAR)).isTrue(); // no value: true
    assertThat(cf.has(Feature.COMPRESSED_IPV6)).isFalse();
    assertThat(parse("V10\nO UseCompressedIPv6Addresses=yes\n").has(Feature.COMPRESSED_IPV6)).isTrue();
  }

  @Test
  void commentedOptionsAndTheMcCopyDebianAppendsAreComments() throws IOException {
    CfFile cf = parse("""
        V10
        #O TLSFallbacktoClear=true
        ### /etc/mail/sendmail.mc ###
        # define(`confTLS_FALLBACK_TO_CLEAR', `true')dnl
        # O TLSFallbacktoClear=true
        """);
    assertThat(cf.has(Feature.TLS_FALLBACK_TO_CLEAR)).isFalse();
    assertThat(cf.option("TLSFallbacktoClear")).isEmpty();
  }

  @Test
  void continuationLinesBelongToTheLineBefore() throws IOException {
    CfFile cf = parse("V10\nSqueuegroup\nR $+ @ $+\n\t\t$: $>SearchList <! qgrp> $| <F:$1@$2> <D:$2> <>\n"
        + "#\tR<x>\t$: <! Spam>\n");
    assertThat(cf.has(Feature.QUEUEGROUP)).isTrue();
    assertThat(cf.lookupTags()).containsExactly("qgrp");
  }

  @Test
  void crlfLinesAreRead() throws IOException {
    assertThat(parse("V10\r\nDZ8.17.1\r\nKaccess hash /etc/mail/access\r\n").accessMap())
        .hasValueSatisfying(a -> assertThat(a.path()).isEqualTo("/etc/mail/access"));
  }

  @Test
  void queueGroupNamesEndAtTheFirstComma() throws IOException {
    assertThat(parse("V10\nQslow, P=/var/spool/mqueue/slow, F=f\nQbulk,P=/q\n").queueGroups())
        .containsExactlyInAnyOrder("slow", "bulk");
  }

  @Test
  void cltFeaturesBy817xRulesetFromUpstreamOutput() {
    CfFile old = CfVariants.excerpt("upstream-8.16.1-excerpt.cf");
    CfFile fixed = CfVariants.excerpt("upstream-8.17.2-excerpt.cf");
    assertThat(old.version()).isEqualTo("8.16.1");
    assertThat(old.hasRuleset("clt_features")).isFalse();
    assertThat(old.has(Feature.CLT_FEATURES_BY_SERVER)).isFalse();
    assertThat(old.has(Feature.TLS_SESSION_FEATURES)).isTrue();
    assertThat(fixed.version()).isEqualTo("8.17.2");
    assertThat(fixed.hasRuleset("clt_features")).isTrue();
    assertThat(fixed.has(Feature.CLT_FEATURES_BY_SERVER)).isTrue();
    assertThat(fixed.has(Feature.ACCESS_DB)).isTrue();
    assertThat(fixed.has(Feature.LOOKUPDOTDOMAIN)).isTrue();
    assertThat(fixed.has(Feature.SKIP)).isTrue();
  }

  @Test
  void versionsCompareNumberByNumber() throws IOException {
    assertThat(SendmailVersion.compare("8.17.1.9", "8.16.1")).isPositive();
    assertThat(SendmailVersion.compare("8.9.3", "8.16.1")).isNegative();
    assertThat(SendmailVersion.compare("8.17", "8.17.0")).isZero();
    assertThat(parse("V10\nDZ8.16.1\n").versionAtLeast("8.16.1")).isTrue();
    assertThat(parse("V10\nDZ8.15.2\n").versionAtLeast("8.16.1")).isFalse();
    assertThat(parse("V10\n").versionAtLeast("8.0")).isFalse();
  }

  @Test
  void aMissingFileIsAnIOExceptionNamingIt() {
    Path missing = dir.resolve("nope.cf");
    assertThatThrownBy(() -> CfFile.read(missing)).isInstanceOf(IOException.class)
        .hasMessage(missing + ": No such file or directory");
  }

  @Test
  void aDirectoryIsAnIOExceptionNamingIt() {
    assertThatThrownBy(() -> CfFile.read(dir)).isInstanceOf(IOException.class)
        .hasMessage(dir + ": is a directory, not a sendmail.cf");
  }

  @Test
  void anAccessFileGivenAsCfIsRefusedByName() throws IOException {
    Path access = dir.resolve("access");
    Files.writeString(access, "Spam:abuse@ FRIEND\nreject@ REJECT\nConnect:127 RELAY\n");
    assertThatThrownBy(() -> CfFile.read(access)).isInstanceOf(IOException.class)
        .hasMessageStartingWith(access + ": not a sendmail.cf");
  }

  @Test
  void anUnreadableFileIsAnIOExceptionNamingIt() throws IOException {
    Path cf = dir.resolve("secret.cf");
    Files.writeString(cf, "V10\n");
    assertThat(cf.toFile().setReadable(false, false)).isTrue();
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(cf), "root reads everything");
    assertThatThrownBy(() -> CfFile.read(cf)).isInstanceOf(IOException.class)
        .hasMessage(cf + ": Permission denied");
  }

  @Test
  void readFindsTheMcBesideTheCfAndParseDoesNot() throws IOException {
    Path cf = dir.resolve("sendmail.cf");
    Files.writeString(cf, "V10\n");
    Files.writeString(dir.resolve("sendmail.mc"), "FEATURE(`tls_failures')dnl\n");
    assertThat(CfFile.read(cf).mc()).hasValueSatisfying(
        mc -> assertThat(mc.feature("tls_failures")).isPresent());
    assertThat(CfFile.parse(cf, Files.readAllBytes(cf)).mc()).isEmpty();
    Files.delete(dir.resolve("sendmail.mc"));
    assertThat(CfFile.read(cf).mc()).isEmpty();
  }

  @Test
  void defaultCfIsTheStockPathWhenReadable() {
    assertThat(CfFile.defaultCf()).isEqualTo(Files.isReadable(CfFile.DEFAULT_CF)
        ? java.util.Optional.of(CfFile.DEFAULT_CF) : java.util.Optional.empty());
  }

  @Test
  void ofKeepsTheGivenFacts() {
    CfFile cf = CfFile.of(Path.of("x.cf"), "8.17.1", null, java.util.Set.of(Feature.SKIP),
        java.util.Set.of("slow"));
    assertThat(cf.accessMap()).isEmpty();
    assertThat(cf.has(Feature.SKIP)).isTrue();
    assertThat(cf.queueGroups()).containsExactly("slow");
    assertThat(cf.mc()).isEmpty();
  }
}
