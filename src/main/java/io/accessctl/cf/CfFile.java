package io.accessctl.cf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What accessctl needs to know from a sendmail.cf: the version, the access map's K line, the
 * options and which access-map features the rulesets were built with.
 *
 * <p>Features are read from the generated rules, not from comments (see {@link Signatures}), so a
 * cf tells the truth about itself even when its .mc is gone or out of date.
 */
public final class CfFile {
  /** Where sendmail reads its configuration by default, as help texts name it. */
  public static final String DEFAULT_CF_NAME = "/etc/mail/sendmail.cf";
  /** Where sendmail reads its configuration by default. */
  public static final Path DEFAULT_CF = Path.of(DEFAULT_CF_NAME);

  private final Path path;
  private final String version;
  /** The name of the K line that declares the access map. */
  public static final String ACCESS_MAP = "access";

  private final AccessMapSpec accessMap;
  private final Set<Feature> features;
  private final Set<String> queueGroups;
  private final Map<String, String> options;
  private final Set<String> lookupTags;
  private final List<String> skippedByConnectOk;
  private final Set<String> rulesets;
  private final McFile mc;

  private CfFile(Path path, String version, AccessMapSpec accessMap, Set<Feature> features,
      Set<String> queueGroups, Map<String, String> options, Set<String> lookupTags,
      List<String> skippedByConnectOk, Set<String> rulesets, McFile mc) {
    this.path = path;
    this.version = version;
    this.accessMap = accessMap;
    this.features = Set.copyOf(features);
    this.queueGroups = Set.copyOf(queueGroups);
    this.options = Map.copyOf(options);
    this.lookupTags = Set.copyOf(lookupTags);
    this.skippedByConnectOk = List.copyOf(skippedByConnectOk);
    this.rulesets = Set.copyOf(rulesets);
    this.mc = mc;
  }

  /** A cf with the given facts; for tests and for callers that know them otherwise. */
  public static CfFile of(Path path, String version, AccessMapSpec accessMap,
      Set<Feature> features, Set<String> queueGroups) {
    return new CfFile(path, version, accessMap, features, queueGroups, Map.of(), Set.of(),
        List.of(), Set.of(), null);
  }

  /**
   * Reads a sendmail.cf (ISO-8859-1) and the .mc beside it, if any ({@link #mc()}).
   *
   * @throws IOException when the file is missing, unreadable or not a sendmail.cf; the message
   *     names the file and says which
   */
  public static CfFile read(Path cf) throws IOException {
    String name = cf.toString();
    if (Files.isDirectory(cf)) {
      throw new FileSystemException(name, null, "is a directory, not a sendmail.cf");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(cf);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(name, null, "No such file or directory");
    } catch (AccessDeniedException e) {
      throw new AccessDeniedException(name, null, "Permission denied");
    } catch (FileSystemException e) {
      throw new FileSystemException(name, null,
          e.getReason() == null ? "cannot read this sendmail.cf" : e.getReason());
    }
    CfFile parsed = parse(cf, bytes);
    // no Optional.map(parsed::withMc), nor below: lint reads the cf at its start, where each
    // lambda and method reference the JDK links costs CPU
    Optional<McFile> mc = McFile.beside(cf);
    return mc.isPresent() ? parsed.withMc(mc.get()) : parsed;
  }

  /**
   * Parses cf text that is already in memory; {@link #mc()} stays empty.
   *
   * @throws IOException when the text is not a sendmail.cf (it has no {@code V} line)
   */
  public static CfFile parse(Path path, byte[] content) throws IOException {
    CfText text = CfText.parse(new String(content, StandardCharsets.ISO_8859_1));
    if (!text.hasConfigLevel) {
      throw new FileSystemException(path.toString(), null,
          "not a sendmail.cf (it has no V configuration-level line, which every cf made by m4 has)");
    }
    KLine k = text.mapLines.get(ACCESS_MAP);
    AccessMapSpec access = k == null ? null : accessMapSpec(k);
    Map<String, String> options = new LinkedHashMap<>();
    for (Map.Entry<String, String> o : text.options) {
      options.put(o.getKey().toLowerCase(Locale.ROOT), o.getValue());
    }
    return new CfFile(path, text.version == null ? "" : text.version, access,
        Signatures.detect(text, access), Set.copyOf(text.queueGroups), options,
        Signatures.lookupTags(text), Signatures.skippedByConnectOk(text), text.rulesets.keySet(),
        null);
  }

  private CfFile withMc(McFile m) {
    return new CfFile(path, version, accessMap, features, queueGroups, options, lookupTags,
        skippedByConnectOk, rulesets, m);
  }

  /**
   * The K line's class and flags. As in sendmail's map_parseargs, each {@code -x} word counts by
   * its first letter only; the file is the last word.
   */
  static AccessMapSpec accessMapSpec(KLine k) {
    String[] words = k.args().strip().split("\\s+");
    boolean n = false;
    boolean o = false;
    boolean f = false;
    boolean optional = false;
    for (int i = 0; i < words.length - 1; i++) {
      if (words[i].length() >= 2 && words[i].charAt(0) == '-') {
        switch (words[i].charAt(1)) {
          case 'N' -> n = true;
          case 'O' -> o = true;
          case 'f' -> f = true;
          case 'o' -> optional = true;
          default -> { }
        }
      }
    }
    return new AccessMapSpec(k.mapClass(), k.file(), n, o, f, optional);
  }

  /** {@link #DEFAULT_CF} when it is readable. */
  public static Optional<Path> defaultCf() {
    return Files.isRegularFile(DEFAULT_CF) && Files.isReadable(DEFAULT_CF)
        ? Optional.of(DEFAULT_CF) : Optional.empty();
  }

  public Path path() {
    return path;
  }

  /**
   * The sendmail version the cf was made for ({@code DZ8.17.1.9/Debian-…} gives "8.17.1.9"); ""
   * when the cf has no DZ line.
   */
  public String version() {
    return version;
  }

  /** True when {@link #version()} is known and at least {@code v} (compared number by number). */
  public boolean versionAtLeast(String v) {
    return !version.isEmpty() && SendmailVersion.compare(version, v) >= 0;
  }

  /** The {@code Kaccess} line, when the cf has an access map. */
  public Optional<AccessMapSpec> accessMap() {
    return Optional.ofNullable(accessMap);
  }

  public boolean has(Feature f) {
    return features.contains(f);
  }

  /** True when the cf has a ruleset of this name ({@code S} line), e.g. {@code clt_features}. */
  public boolean hasRuleset(String name) {
    return rulesets.contains(name);
  }

  /** Every feature found, for reports. */
  public Set<Feature> features() {
    return features;
  }

  /**
   * Names of the queue groups ({@code Q} lines) the cf defines. sendmail always has the default
   * group {@code mqueue} as well, with or without a Q line.
   */
  public Set<String> queueGroups() {
    return queueGroups;
  }

  /** The value of an {@code O Name=value} line (name in any case; the last one wins). */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name.toLowerCase(Locale.ROOT)));
  }

  /** {@code O TrustedUser=}: who makemap, run as root, gives the map to. */
  public Optional<String> trustedUser() {
    return option("TrustedUser");
  }

  /**
   * The access-map tags the rules look up, spelt as the rules spell them ({@code Connect},
   * {@code Srv_Features}, {@code qgrp}). With {@code -f} on the K line, keys must match exactly.
   */
  public Set<String> lookupTags() {
    return lookupTags;
  }

  /**
   * The checks an OK or RELAY answer to the Connect: lookup skips, in the order Basic_check_relay
   * would make them (non-nodelay ratecontrol/conncontrol, DNS blocklists, require_rdns).
   */
  public List<String> skippedByConnectOk() {
    return skippedByConnectOk;
  }

  /** The .mc beside the cf ({@code NAME.mc} or {@code sendmail.mc}), when {@link #read} found one. */
  public Optional<McFile> mc() {
    return Optional.ofNullable(mc);
  }
}
