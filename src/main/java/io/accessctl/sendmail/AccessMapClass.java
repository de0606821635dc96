package io.accessctl.sendmail;

import io.accessctl.rules.MapClass;
import io.accessctl.rules.Macros;
import io.accessctl.tokens.MapValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The access map as the engine's rules look it up, over any storage ({@link AccessMap}: the K
 * line's folding and NUL handling), remembering the stored key and value of the last lookup so
 * the trace can show them as they are in the map.
 */
final class AccessMapClass implements MapClass {
  private final AccessMap map;
  private String lastStoredKey;
  private Optional<AccessMap.Hit> lastHit = Optional.empty();

  AccessMapClass(AccessMap map) {
    this.map = map;
  }

  @Override
  public Result lookup(String key, List<String> args, Macros macros) {
    lastStoredKey = map.storedKey(key);
    lastHit = map.lookupStored(lastStoredKey);
    if (lastHit.isEmpty()) {
      return Result.NOT_FOUND;
    }
    List<String> av = new ArrayList<>(args.size() + 1);
    av.add(key);
    av.addAll(args);
    return Result.found(MapValue.rewrite(lastHit.get().value(), av));
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
