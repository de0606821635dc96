package io.accessctl.sendmail;

import io.accessctl.rules.MapStorage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The storage under the access map: one exact lookup, nothing else (no folding, no NUL handling;
 * {@link AccessMap} does what sendmail's map layer does on top). Keys and values carry one byte
 * per char (ISO-8859-1). The CLI backs it with a compiled map file or a parsed text map.
 */
@FunctionalInterface
public interface KeyLookup {
  /** The value stored under exactly these key bytes, or empty. */
  Optional<String> get(String storedKey);

  /** The same storage as the engine's maps read records: bytes, one a char. */
  default MapStorage records() {
    return key -> get(new String(key, StandardCharsets.ISO_8859_1))
        .map(v -> v.getBytes(StandardCharsets.ISO_8859_1));
  }
}
