package io.accessctl.cf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What accessctl needs to know from a sendmail.cf: the version, the access map's K line, the
 * options and which access-map features the rulesets were built with.
 */
public final class CfFile {
  private final Path path;
  private final String version;
  private final AccessMapSpec accessMap;
  private final Set<Feature> features;
  private final Set<String> queueGroups;

  private CfFile(Path path, String version, AccessMapSpec accessMap, Set<Feature> features,
      Set<String> queueGroups) {
    this.path = path;
    this.version = version;
    this.accessMap = accessMap;
    this.features = Set.copyOf(features);
    this.queueGroups = Set.copyOf(queueGroups);
  }

  /** A cf with the given facts; for tests and for callers that know them otherwise. */
  public static CfFile of(Path path, String version, AccessMapSpec accessMap,
      Set<Feature> features, Set<String> queueGroups) {
    return new CfFile(path, version, accessMap, features, queueGroups);
  }

  public static CfFile read(Path cf) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  public Path path() {
    return path;
  }

  /** The sendmail version the cf was made for ({@code DZ8.17.1.9/Debian-…} gives "8.17.1.9"). */
  public String version() {
    return version;
  }

  /** The {@code Kaccess} line, when the cf has an access map. */
  public Optional<AccessMapSpec> accessMap() {
    return Optional.ofNullable(accessMap);
  }

  public boolean has(Feature f) {
    return features.contains(f);
  }

  /** Names of the queue groups ({@code Q} lines) the cf defines. */
  public Set<String> queueGroups() {
    return queueGroups;
  }
}
