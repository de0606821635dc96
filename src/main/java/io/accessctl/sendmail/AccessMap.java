package io.accessctl.sendmail;

import io.accessctl.source.Bytes;
import io.accessctl.tokens.Limits;
import io.accessctl.tokens.TokenText;
import java.util.Optional;

/**
 * sendmail's map layer for the access map (map.c {@code map_lookup}, {@code db_map_lookup}) as
 * the {@code --no-cf} model looks keys up; with a cf the engine's file map does it for the cf's
 * rules. The key the ruleset built loses its double quotes, is cut to MAXNAME bytes, is folded
 * to lower case unless the K line has {@code -f}, and is looked up without and with a trailing
 * NUL as the K line's {@code -N}/{@code -O} say. Without either flag the first form that is found fixes the
 * mode for the rest of the process ("adaptive"), so one map object is one sendmail process.
 */
public final class AccessMap {
  private final KeyLookup store;
  private final boolean fold;
  private boolean tryWithoutNul;
  private boolean tryWithNul;

  /**
   * @param fold false with {@code -f} on the K line
   * @param nulKeys {@code -N}: only keys with a trailing NUL
   * @param noNulKeys {@code -O}: only keys without
   */
  public AccessMap(KeyLookup store, boolean fold, boolean nulKeys, boolean noNulKeys) {
    this.store = store;
    this.fold = fold;
    this.tryWithoutNul = !nulKeys;
    this.tryWithNul = !noNulKeys;
  }

  /** One lookup's outcome. */
  public record Hit(String storedKey, boolean withNul, String value) {}

  /** The key as the database sees it (without any NUL): quotes gone, cut, folded. */
  public String storedKey(String rulesetKey) {
    String k = TokenText.stripQuotes(rulesetKey);
    if (k.length() > Limits.MAXNAME) {
      k = k.substring(0, Limits.MAXNAME);
    }
    return fold ? Bytes.foldAscii(k) : k;
  }

  public boolean folds() {
    return fold;
  }

  /** Looks up the key a ruleset built; empty when not found. */
  public Optional<Hit> lookup(String rulesetKey) {
    return lookupStored(storedKey(rulesetKey));
  }

  /** Looks up a key already made into its {@link #storedKey}; empty when not found. */
  public Optional<Hit> lookupStored(String key) {
    if (tryWithoutNul) {
      Optional<String> v = store.get(key);
      if (v.isPresent()) {
        tryWithNul = false;
        return Optional.of(new Hit(key, false, v.get()));
      }
    }
    if (tryWithNul) {
      Optional<String> v = store.get(key + '\0');
      if (v.isPresent()) {
        tryWithoutNul = false;
        return Optional.of(new Hit(key, true, v.get()));
      }
    }
    return Optional.empty();
  }
}
