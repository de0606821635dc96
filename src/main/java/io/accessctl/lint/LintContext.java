package io.accessctl.lint;

import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.source.AccessSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What rules see: the parsed map, the tag catalogue, and the sendmail.cf when one is at hand
 * (rules that need it stay silent without it).
 */
public record LintContext(
    AccessSource source, Catalog catalog, Optional<CfFile> cf, Map<String, Object> memo) {

  public LintContext(AccessSource source, Catalog catalog, Optional<CfFile> cf) {
    this(source, catalog, cf, new ConcurrentHashMap<>());
  }

  /**
   * A value computed once per linted file and shared by the rules' checks of its entries, so
   * that a rule comparing entries with each other stays linear in the size of the map.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, Supplier<T> compute) {
    Object v = memo.get(key);
    if (v == null) {
      // the Linter's threads may ask at once: one computes, the other waits and shares the value
      // (a lock, not computeIfAbsent, because computing one memo may ask for another)
      synchronized (memo) {
        v = memo.get(key);
        if (v == null) {
          v = compute.get();
          memo.put(key, v);
        }
      }
    }
    return (T) v;
  }

  /**
   * {@link #memo(String, Supplier)} for a value made from this context alone: a method reference
   * here makes no object per call, as a rule asking for every entry would.
   */
  public <T> T memo(String key, Function<LintContext, T> compute) {
    @SuppressWarnings("unchecked")
    T v = (T) memo.get(key);
    return v != null ? v : memo(key, () -> compute.apply(this));
  }

  /** The sendmail version to check against: the cf's, else Debian 12's 8.17.1.9. */
  public String sendmailVersion() {
    return cf.map(CfFile::version).orElse(DEFAULT_VERSION);
  }

  public static final String DEFAULT_VERSION = "8.17.1.9";
}
