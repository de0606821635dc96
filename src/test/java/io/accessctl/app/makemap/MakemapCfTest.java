package io.accessctl.app.makemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What makemap reads from a cf: TrustedUser, and the class of the K line naming a map. */
class MakemapCfTest {
  private static MakemapCf cf(String... lines) {
    return new MakemapCf(List.of(lines));
  }

  @Test
  void everyTrustedUserLineCountsInOrderFromTheFirstNonBlankAfterTheEquals() {
    MakemapCf cf = cf("V10/Berkeley", "O TrustedUser=smmta", "O trusteduser =  1234",
        "O TrustedUsers=nobody", "O TrustedUser", "OTrustedUser=x", "#O TrustedUser=y",
        "O TrustedUser=\tnosuchuser ");
    assertThat(cf.trustedUsers()).containsExactly("smmta", "1234", "nosuchuser ");
  }

  @Test
  void cfComparesTheWholeFileAndCfTheBaseNameWithoutExtension() {
    MakemapCf cf = cf("Kaccess btree -T<TMPF> /etc/mail/access",
        "Kother hash /etc/mail/other.db", "Kagain hash /etc/mail/access");
    assertThat(cf.classOf("/etc/mail/access", true)).isEqualTo("btree");
    assertThat(cf.classOf("access", true)).as("not the whole file").isEmpty();
    assertThat(cf.classOf("/elsewhere/access.db", false)).isEqualTo("btree");
    assertThat(cf.classOf("/etc/mail/other", true)).as("the .db is part of the file").isEmpty();
    assertThat(cf.classOf("/etc/mail/other.db", true)).isEqualTo("hash");
    assertThat(cf.classOf("other", false)).isEqualTo("hash");
  }

  @Test
  void theNameMustFollowABlankOrForCfASlash() {
    MakemapCf cf = cf("Kx hash /m/xaccess", "Ky btree /m/access");
    assertThat(cf.classOf("access", false)).isEqualTo("btree");
    assertThat(cf.classOf("/m/access", true)).isEqualTo("btree");
    assertThat(cf.classOf("m/access", true)).as("a slash is no blank for cf").isEmpty();
  }

  @Test
  void theFirstLineNamingTheFileDecidesEvenWhenItHasNoClass() {
    MakemapCf cf = cf("Kaccess -o /m/access", "Kaccess hash /m/access");
    assertThat(cf.classOf("access", false)).isEmpty();
    assertThat(cf("Kaccess hash /m/access   ").classOf("/m/access", true))
        .as("trailing blanks").isEqualTo("hash");
    assertThat(cf("Kaccess hash /m/access").classOf("/", false)).as("no base name").isEmpty();
  }
}
