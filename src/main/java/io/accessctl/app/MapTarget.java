package io.accessctl.app;

import io.accessctl.cf.AccessMapSpec;
import io.accessctl.cf.CfFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.source.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Arrays;

/**
 * The map a use case works on, and every setting sendmail.cf's access K line gives it, decided
 * here once: which text, which file sendmail opens, its class (hash, btree, cdb), whether keys are
 * folded ({@code -f}), stored with a NUL ({@code -N}), and whether the map is optional
 * ({@code -o}).
 *
 * <p>The K line applies in two ways. To a <em>file</em> (compile, set/delete, status) only when
 * the file is the one sendmail opens: another file is just another map. To a <em>lookup</em>
 * (query, lookup, suggest, push) always: sendmail folds the keys it looks up unless the line says
 * {@code -f}, whichever file holds the map.
 */
public final class MapTarget {
  /** The text map when neither the command line nor a K line names one. */
  public static final String DEFAULT_TEXT_NAME = "/etc/mail/access";
  public static final Path DEFAULT_TEXT = Path.of(DEFAULT_TEXT_NAME);
  /** The compiled map when neither the command line nor a K line names one. */
  public static final Path DEFAULT_DB = Path.of("/etc/mail/access.db");

  private final Path text;
  private final Optional<CfFile> cf;
  /** The access K line when it applies to this map. */
  private final Optional<AccessMapSpec> applied;
  private final boolean forSendmail;

  private MapTarget(Path text, Optional<CfFile> cf, Optional<AccessMapSpec> applied,
      boolean forSendmail) {
    this.text = text;
    this.cf = cf;
    this.applied = applied;
    this.forSendmail = forSendmail;
  }

  /**
   * A text map compiled into, or checked against, a file: the K line's settings apply when that
   * file is the one sendmail opens.
   *
   * @param explicitText the text map named on the command line, or null (the K line's, else
   *     {@link #DEFAULT_TEXT})
   * @param output the file to write, or null (the text's own)
   */
  public static MapTarget file(Optional<CfFile> cf, Path explicitText, Path output) {
    Optional<AccessMapSpec> k = fileKLine(cf);
    Path text = textMap(explicitText, k);
    boolean forSendmail = k.isPresent() && (output != null
        ? samePath(output, sendmailFile(k.get()))
        : samePath(text, Path.of(k.get().path())));
    return new MapTarget(text, cf, forSendmail ? k : Optional.empty(), forSendmail);
  }

  /**
   * A map that keys are looked up in as sendmail looks them up: the K line's folding and NUL
   * handling apply whatever the file.
   */
  public static MapTarget lookup(Optional<CfFile> cf, Path explicitText) {
    Optional<AccessMapSpec> k = cf.flatMap(CfFile::accessMap);
    Path text = textMap(explicitText, fileKLine(cf));
    boolean forSendmail = fileKLine(cf).filter(s -> samePath(text, Path.of(s.path()))).isPresent();
    return new MapTarget(text, cf, k, forSendmail);
  }

  private static Optional<AccessMapSpec> fileKLine(Optional<CfFile> cf) {
    return cf.flatMap(CfFile::accessMap).filter(k -> isFileClass(k.mapClass()));
  }

  private static Path textMap(Path explicit, Optional<AccessMapSpec> k) {
    if (explicit != null) {
      return explicit;
    }
    return k.map(s -> Path.of(s.path())).orElse(DEFAULT_TEXT);
  }

  /** A K line class whose file accessctl compiles from a text map: a {@link MapFormat}'s name. */
  private static boolean isFileClass(String mapClass) {
    return Arrays.stream(MapFormat.values()).anyMatch(f -> f.toString().equals(mapClass));
  }

  private static Path sendmailFile(AccessMapSpec k) {
    return Path.of(k.path() + MapFormat.parse(k.mapClass()).extension());
  }

  /** The text map. */
  public Path text() {
    return text;
  }

  public Optional<CfFile> cf() {
    return cf;
  }

  /** True when the map is the one sendmail.cf's access K line opens. */
  public boolean forSendmail() {
    return forSendmail;
  }

  /** The K line, when its settings apply to this map. */
  public Optional<AccessMapSpec> kLine() {
    return applied;
  }

  /** Keys are folded to lower case: sendmail does so unless the K line says -f. */
  public boolean foldsKeys() {
    return !applied.map(AccessMapSpec::noFolding).orElse(false);
  }

  /** Keys and values are stored with a trailing NUL (-N). */
  public boolean nulKeys() {
    return applied.map(AccessMapSpec::nulKeys).orElse(false);
  }

  /** A missing map is empty to sendmail rather than a temporary failure (-o). */
  public boolean optional() {
    return applied.map(AccessMapSpec::optional).orElse(false);
  }

  /**
   * makemap's text options as the command line gave them, with the K line's -f: keys are compared
   * the way sendmail will look them up.
   */
  public ParseOptions parseOptions(ParseOptions given) {
    return foldsKeys() ? given : given.withFoldKeys(false);
  }

  /** The class the K line opens the map with, when it applies (hash, btree, cdb, …). */
  public Optional<String> mapClass() {
    return applied.map(AccessMapSpec::mapClass);
  }

  /**
   * The format to write: {@code type} when given, else the K line's class when the file is
   * sendmail's, else hash.
   *
   * @throws IllegalArgumentException when {@code type} is no format accessctl writes
   */
  public MapFormat format(String type) {
    String t = type != null ? type
        : forSendmail ? applied.get().mapClass() : MapFormat.HASH.toString();
    return MapFormat.parse(t);
  }

  /** The compiled file of the text: {@code output} when given, else the text plus the extension. */
  public Path db(Path output, MapFormat format) {
    return output != null ? output : Path.of(text + format.extension());
  }

  /**
   * The compiled file that holds the text: the file sendmail opens when the text is sendmail's,
   * else the text plus .db, or plus .cdb when only that exists.
   */
  public Path compiledFile() {
    if (forSendmail) {
      return sendmailFile(applied.get());
    }
    Path db = Path.of(text + MapFormat.HASH.extension());
    Path cdb = Path.of(text + MapFormat.CDB.extension());
    return !Files.exists(db) && Files.exists(cdb) ? cdb : db;
  }

  /**
   * The compiled map lookups read by default: the file the access K line names (hash and btree
   * add .db, cdb .cdb; another class .db), else {@link #DEFAULT_DB}.
   */
  public Path defaultLookupMap() {
    return cf.flatMap(CfFile::accessMap)
        .map(k -> isFileClass(k.mapClass()) ? sendmailFile(k) : Path.of(k.path()
            + MapFormat.HASH.extension()))
        .orElse(DEFAULT_DB);
  }

  static boolean samePath(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
