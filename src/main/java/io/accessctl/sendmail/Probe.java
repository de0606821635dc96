package io.accessctl.sendmail;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One key sendmail hands to the access map.
 *
 * @param key the key as the ruleset built it (quotes removed, case kept): what
 *     {@code sendmail -d38.20} prints as {@code db_map_lookup(access, KEY)}
 * @param storedKey the key the database is asked for: cut to 256 bytes, folded unless -f
 * @param value the value found (as stored, without a trailing NUL), or empty
 * @param withNul true when the value was found under the key with a trailing NUL
 * @param explanation what this key is, for people ("the server's host name", "parent domain",
 *     …): put into words only when asked ({@link #why}), since a batch's answers never print it
 * @param skipped true when the value was SKIP and ended the walk it belongs to
 * @param other true when another check of the same rules looked it up (a local rule's Site:
 *     lookup, ratecontrol's ClientRate:, the checks check_rcpt makes before the client's under
 *     delay_checks), not the walks of the tag asked about
 */
public record Probe(String key, String storedKey, Optional<String> value, boolean withNul,
    Supplier<String> explanation, boolean skipped, boolean other) {

  /** A probe whose explanation is already written. */
  public Probe(String key, String storedKey, Optional<String> value, boolean withNul,
      String why, boolean skipped, boolean other) {
    this(key, storedKey, value, withNul, () -> why, skipped, other);
  }

  /** What this key is, for people. */
  public String why() {
    return explanation.get();
  }

  public boolean found() {
    return value.isPresent() && !skipped;
  }

  /** Probes are equal when they say the same, whether or not their words are written yet. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Probe p && key.equals(p.key) && storedKey.equals(p.storedKey)
        && value.equals(p.value) && withNul == p.withNul && skipped == p.skipped
        && other == p.other && why().equals(p.why());
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, storedKey, value, withNul, skipped, other, why());
  }
}
