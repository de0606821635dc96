package io.accessctl.lint.rules;

import io.accessctl.catalog.Catalog;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Entry;
import io.accessctl.source.SourceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The part of the file CanIt owns: everything below its marker. CanIt writes only the sender, host
 * and domain rules its web interface manages (Connect, From, To and untagged entries); any other
 * entry down there was put there by hand, and CanIt deletes it on its next rewrite.
 */
public final class CanitSection {
  private static final Set<String> CANIT_TAGS = Set.of("", "connect", "from", "to");

  private CanitSection() {}

  /** The first marker line, or null when the file has none. */
  public static SourceLine marker(AccessSource src) {
    List<SourceLine> markers = src.canitMarkers();
    return markers.isEmpty() ? null : markers.get(0);
  }

  /** Entries below the marker that CanIt did not write (see the class comment). */
  public static List<Entry> handMade(AccessSource src) {
    SourceLine marker = marker(src);
    List<Entry> out = new ArrayList<>();
    if (marker == null) {
      return out;
    }
    for (Entry e : src.entries()) {
      if (e.lineNumber() > marker.number() && !writtenByCanit(e)) {
        out.add(e);
      }
    }
    return out;
  }

  static boolean writtenByCanit(Entry e) {
    String tag = e.tag().toLowerCase(Locale.ROOT);
    // An untagged IPv6 address key ("IPv6:…") has a colon but no tag.
    boolean untaggedAddress = tag.equals("ipv6");
    return CANIT_TAGS.contains(tag) || untaggedAddress
        || (Catalog.stock().find(tag).isEmpty() && !e.isTagged());
  }
}
