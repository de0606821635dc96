package io.accessctl.cf;

import java.util.Optional;

/**
 * Whether sendmail can fall back to a clear-text connection by itself when a STARTTLS handshake
 * fails ({@code O TLSFallbacktoClear=true}, since 8.16.1), and whether the cf turns that on.
 *
 * <p>With the option on, sendmail reconnects at once without STARTTLS after a failed handshake, so
 * a growing list of {@code Try_TLS:host NO} entries is no longer needed; without it every retry
 * fails the same way and the message stays queued.
 *
 * @param version the sendmail version judged ("" when unknown)
 * @param versionFrom where {@link #version()} came from
 * @param supported the version is known and at least {@link #SINCE}
 * @param enabled the cf sets {@code TLSFallbacktoClear} to a true value
 */
public record TlsFallback(String version, VersionFrom versionFrom, boolean supported,
    boolean enabled) {

  /** The first release with the option. */
  public static final String SINCE = "8.16.1";
  /** The option's name in sendmail.cf ({@code O TLSFallbacktoClear=true}). */
  public static final String CF_OPTION = "TLSFallbacktoClear";
  /** The line that turns the option on in sendmail.mc. */
  public static final String MC_LINE = "define(`confTLS_FALLBACK_TO_CLEAR', `true')dnl";

  /** Where the version came from. */
  public enum VersionFrom {
    /** The sendmail binary that is installed (what actually runs). */
    BINARY,
    /** The cf's {@code DZ} line (what the cf was made for). */
    CF,
    /** Neither was known. */
    UNKNOWN
  }

  /** Judged by the version the cf was made for (its DZ line). */
  public static TlsFallback of(CfFile cf) {
    return of(cf, null);
  }

  /**
   * Judged by the installed binary's version when known (it is what runs, and a cf made for an
   * older release can still set the option), else by the cf's DZ line.
   *
   * @param installedVersion e.g. "8.17.1.9", or null/"" when unknown
   */
  public static TlsFallback of(CfFile cf, String installedVersion) {
    String version;
    VersionFrom from;
    if (installedVersion != null && !installedVersion.isEmpty()) {
      version = installedVersion;
      from = VersionFrom.BINARY;
    } else if (cf != null && !cf.version().isEmpty()) {
      version = cf.version();
      from = VersionFrom.CF;
    } else {
      version = "";
      from = VersionFrom.UNKNOWN;
    }
    boolean supported = !version.isEmpty() && SendmailVersion.compare(version, SINCE) >= 0;
    boolean enabled = cf != null && cf.has(Feature.TLS_FALLBACK_TO_CLEAR);
    return new TlsFallback(version, from, supported, enabled);
  }

  /**
   * What an admin should do, or empty when nothing: turn the option on when the version has it and
   * the cf does not, else nothing (on older releases Try_TLS entries are the only way).
   */
  public Optional<String> advice() {
    if (supported && !enabled) {
      return Optional.of("sendmail " + version + " can fall back to clear text by itself after a "
          + "failed STARTTLS handshake, instead of a Try_TLS:host NO entry per broken server: put "
          + MC_LINE + " in sendmail.mc and rebuild sendmail.cf");
    }
    return Optional.empty();
  }

  /** One line for a report: what the option's state means. */
  public String summary() {
    if (version.isEmpty()) {
      return "sendmail version unknown; " + CF_OPTION + " needs " + SINCE + " or later"
          + (enabled ? " (the cf sets it)" : "");
    }
    if (!supported) {
      return "sendmail " + version + " has no " + CF_OPTION + " (since " + SINCE + ")"
          + (enabled ? "; the cf sets it, but this sendmail ignores it" : "")
          + "; Try_TLS:host NO entries are the way to skip broken servers";
    }
    return enabled
        ? CF_OPTION + " is on: a failed STARTTLS handshake is retried in clear text"
        : CF_OPTION + " is off (sendmail " + version + " supports it)";
  }
}
