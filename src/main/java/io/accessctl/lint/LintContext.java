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
      // the Linter's threads may ask at once: one computes, the others wait for that value. Each
      // value has its own wait, not one lock for all: two threads make two values at once (the
      // file's tags and its catalogue), and computing one may ask for another.
      Pending mine = new Pending();
      v = memo.putIfAbsent(key, mine);
      if (v == null) {
        mine.make(compute);
        v = mine;
      }
    }
    if (v instanceof Pending pending) {
      v = pending.get();
      memo.replace(key, pending, v);
    }
    return (T) v;
  }

  /** A memoized value while one thread makes it; the others wait for it here. */
  private static final class Pending {
    private Object value;
    private Throwable failed;
    private boolean done;

    void make(Supplier<?> compute) {
      Object made = null;
      Throwable failure = null;
      try {
        made = compute.get();
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      synchronized (this) {
        value = made;
        failed = failure;
        done = true;
        notifyAll();
      }
    }

    /** The value, once made; what making it threw, thrown again. */
    synchronized Object get() {
      boolean interrupted = false;
      while (!done) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true; // the value comes soon; the interrupt is kept for the caller
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failed instanceof RuntimeException r) {
        throw r;
      }
      if (failed instanceof Error e) {
        throw e;
      }
      return value;
    }
  }

  /**
   * {@link #memo(String, Supplier)} for a value made from this context alone: a method reference
   * here makes no object per call, as a rule asking for every entry would.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, Function<LintContext, T> compute) {
    Object v = memo.get(key);
    return v != null && !(v instanceof Pending) ? (T) v : memo(key, () -> compute.apply(this));
  }

  /** The sendmail version to check against: the cf's, else Debian 12's 8.17.1.9. */
  public String sendmailVersion() {
    return cf.map(CfFile::version).orElse(DEFAULT_VERSION);
  }

  public static final String DEFAULT_VERSION = "8.17.1.9";
}
