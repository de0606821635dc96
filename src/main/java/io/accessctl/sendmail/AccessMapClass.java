package io.accessctl.sendmail;

import io.accessctl.rules.MapClass;
import io.accessctl.rules.MapOptions;
import io.accessctl.rules.Macros;
import java.util.List;
import java.util.Optional;

/**
 * The access map as the engine's rules look it up, over any storage ({@link AccessMap}: the K
 * line's folding and NUL handling; its other flags as {@link MapOptions} applies them), remembering the stored key and value of the last lookup so
 * the trace can show them as they are in the map.
 */
final class AccessMapClass implements MapClass {
  private final AccessMap map;
  private final MapOptions options;
  private String lastStoredKey;
  private Optional<AccessMap.Hit> lastHit = Optional.empty();

  /** @param options the access K line's flags: what a found value becomes (-a, -m) */
  AccessMapClass(AccessMap map, MapOptions options) {
    this.map = map;
    this.options = options;
  }

  @Override
  public Result lookup(String key, List<String> args, Macros macros) {
    lastStoredKey = map.storedKey(key);
    lastHit = map.lookupStored(lastStoredKey);
    if (lastHit.isEmpty()) {
      return Result.NOT_FOUND;
    }
    return Result.found(options.rewrite(lastHit.get().value(), key, args));
  }

  /** The key of the last lookup as the database was asked for it. */
  String lastStoredKey() {
    return lastStoredKey;
  }

  /** What the last lookup found. */
  Optional<AccessMap.Hit> lastHit() {
    return lastHit;
  }
}
