package io.accessctl.sendmail;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The macros of one check's session ({@link Checks#MACROS} and those a question defines): names
 * in a fixed order shared by every question, values in an array of the question's own. A batch
 * asks one check per line, and a map of its own for each, with an entry per macro, was most of
 * what planning a check allocated. Read-only, in the names' order, equal to any map with the
 * same entries.
 */
final class SessionMacros extends AbstractMap<String, String> {
  /** The names, in order, and where each is: shared by every map of the same names. */
  static final class Names {
    private final String[] names;
    private final Map<String, Integer> index;
    private final Set<String> keys;

    /** {@code names}, each once. */
    Names(List<String> names) {
      this.names = names.toArray(new String[0]);
      this.index = new HashMap<>(2 * names.size());
      for (int i = 0; i < this.names.length; i++) {
        if (index.putIfAbsent(this.names[i], i) != null) {
          throw new IllegalArgumentException("macro " + this.names[i] + " named twice");
        }
      }
      this.keys = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** Where {@code name} is, or -1. */
    int indexOf(Object name) {
      Integer i = index.get(name);
      return i == null ? -1 : i;
    }

    int size() {
      return names.length;
    }
  }

  private final Names names;
  private final String[] values;

  /** Every name of {@code names} set to {@code value}. */
  SessionMacros(Names names, String value) {
    this.names = names;
    this.values = new String[names.size()];
    Arrays.fill(values, value);
  }

  /** Sets a name these macros have; false (and nothing set) for another name. */
  boolean set(String name, String value) {
    int i = names.indexOf(name);
    if (i < 0) {
      return false;
    }
    values[i] = value;
    return true;
  }

  @Override
  public String get(Object name) {
    int i = names.indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object name) {
    return names.indexOf(name) >= 0;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Set<String> keySet() {
    return names.keys;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < values.length; i++) {
      action.accept(names.names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names.names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }
}
