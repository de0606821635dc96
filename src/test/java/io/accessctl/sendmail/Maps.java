package io.accessctl.sendmail;

import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.cf.CfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Small in-memory maps and the committed cfs, for example tests. */
final class Maps {
  private Maps() {}

  static final Path DEBIAN_CF = Path.of("src/test/resources/sendmail/debian-8.17.1.9.cf");
  static final Path UPSTREAM_8172 = Path.of("src/test/resources/cf/upstream-8.17.2-excerpt.cf");

  /** A map from "KEY VALUE" lines, keys folded as makemap folds them. */
  static KeyLookup of(String... lines) {
    Map<String, String> m = new HashMap<>();
    for (String l : lines) {
      String[] kv = l.split("[ \t]+", 2);
      m.putIfAbsent(kv[0].toLowerCase(Locale.ROOT), kv.length > 1 ? kv[1] : "");
    }
    return k -> Optional.ofNullable(m.get(k));
  }

  static Rules debian() {
    return rules(DEBIAN_CF);
  }

  static Rules rules(Path cf) {
    try {
      return Rules.of(CfFile.read(cf));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Simulator sim(Rules rules, String... lines) {
    return new Simulator(rules, rules.accessMap(of(lines)));
  }

  static Tag tag(String name) {
    return Catalog.stock().find(name).orElseThrow();
  }

  static Answer ask(Answers sim, String tag, String name, String addr) {
    return sim.lookup(Query.of(tag(tag), name, Optional.ofNullable(addr)));
  }
}
