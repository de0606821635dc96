package io.accessctl.shell;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The catalogue's tag names, as picocli completion candidates: {@code lookup}'s TAG parameter can
 * name this class in {@code completionCandidates}; the generated completion scripts add it to
 * {@code lookup} when the command does not.
 */
public final class TagNames implements Iterable<String> {
  static List<String> all() {
    List<String> names = new ArrayList<>();
    for (Tag t : Catalog.stock().tags()) {
      names.add(t.name());
    }
    return names;
  }

  @Override
  public Iterator<String> iterator() {
    return all().iterator();
  }
}
