package io.accessctl.lint;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.source.AccessSource;
import java.util.Optional;

/**
 * What rules see: the parsed map, the tag catalogue, and the sendmail.cf when one is at hand
 * (rules that need it stay silent without it).
 */
public record LintContext(AccessSource source, Catalog catalog, Optional<CfFile> cf) {

  /** The sendmail version to check against: the cf's, else Debian 12's 8.17.1.9. */
  public String sendmailVersion() {
    return cf.map(CfFile::version).orElse(DEFAULT_VERSION);
  }

  public static final String DEFAULT_VERSION = "8.17.1.9";
}
