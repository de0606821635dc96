package io.accessctl.lint.rules;

import io.accessctl.cf.SendmailVersion;
import io.accessctl.lint.LintContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sendmail a value is judged for: its version (the cf's, else Debian 12's 8.17.1.9) and, where
 * known, the compile-time switches that decide whether a feature letter exists at all.
 *
 * <p>Only Debian 12's build of 8.17.1.9 is known switch by switch ({@code sendmail -d0.13}: FFR
 * defines {@code _FFR_MTA_STS _FFR_NO_PIPE _FFR_TLS_ALTNAMES …}, compiled with {@code PIPELINING
 * STARTTLS}, without {@code USE_EAI} and without {@code DANE}). For any other version the switches
 * are unknown and rules that depend on them stay silent.
 *
 * <p>One per linted file ({@link #of}): the feature-letter rules ask it about every letter of
 * every Srv_Features and Clt_Features value, so it compares each version only once.
 */
final class SendmailBuild {
  private final String version;
  private final Set<String> defines;
  /** Rules ask from the Linter's threads at once. */
  private final Map<String, Boolean> atLeast = new ConcurrentHashMap<>();

  /**
   * @param version dotted version ({@code 8.17.1.9})
   * @param defines the compile-time switches, or null when unknown
   */
  SendmailBuild(String version, Set<String> defines) {
    this.version = version;
    this.defines = defines;
  }

  /** Dotted version ({@code 8.17.1.9}). */
  String version() {
    return version;
  }

  /** Debian 12's sendmail 8.17.1.9 (sendmail -d0.13). */
  static final Set<String> DEBIAN_12_DEFINES = Set.of("PIPELINING", "STARTTLS", "_FFR_MTA_STS",
      "_FFR_NO_PIPE", "_FFR_TLS_ALTNAMES", "_FFR_SKIP_DOMAINS", "_FFR_RHS");

  static SendmailBuild of(LintContext ctx) {
    return ctx.memo("sendmail-build", SendmailBuild::made);
  }

  private static SendmailBuild made(LintContext ctx) {
    String v = ctx.sendmailVersion();
    return new SendmailBuild(v, v.equals(LintContext.DEFAULT_VERSION) ? DEBIAN_12_DEFINES : null);
  }

  /** True when this version is {@code other} or later. */
  boolean atLeast(String other) {
    Boolean known = atLeast.get(other);
    if (known == null) {
      known = SendmailVersion.compare(version, other) >= 0;
      atLeast.put(other, known);
    }
    return known;
  }

  /** Every letter of every feature value asks {@link #has}: one answer each, not one a call. */
  private static final Optional<Boolean> YES = Optional.of(true);
  private static final Optional<Boolean> NO = Optional.of(false);

  /** Whether the build has a switch; empty when the build is not known. */
  Optional<Boolean> has(String define) {
    if (define.isEmpty()) {
      return YES;
    }
    return defines == null ? Optional.empty() : defines.contains(define) ? YES : NO;
  }

  /** The build for messages: "8.17.1.9 (Debian 12)" or just the version. */
  String describe() {
    return defines == null ? version : version + " as built by Debian 12";
  }
}
