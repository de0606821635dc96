package io.accessctl.cf;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * Real sendmail.cf variants: Debian's sendmail.mc ({@code src/test/resources/cf/debian-sendmail.mc})
 * with FEATURE lines added, replaced or removed, run through the installed m4 and sendmail-cf.
 * Tests that use it carry {@code @Tag("oracle")}; {@link #generate} checks for the tools first.
 */
public final class CfVariants {
  public static final Path DEBIAN_MC = Path.of("src/test/resources/cf/debian-sendmail.mc");
  public static final String M4 = "/usr/bin/m4";
  public static final String CF_M4 = "/usr/share/sendmail/cf/m4/cf.m4";

  private CfVariants() {}

  /** One change to the mc. */
  public record Edit(String description, UnaryOperator<String> apply) {
    @Override
    public String toString() {
      return description;
    }
  }

  /** Inserts an m4 line (a FEATURE or define) before MAILER_DEFINITIONS, as cf/README says to. */
  public static Edit add(String m4Line) {
    return new Edit("+ " + m4Line, mc -> mc.replaceFirst("(?m)^MAILER_DEFINITIONS",
        Matcher.quoteReplacement(m4Line + "dnl\n") + "MAILER_DEFINITIONS"));
  }

  /** Removes the active {@code FEATURE(`name'...)} line. */
  public static Edit remove(String feature) {
    return new Edit("- " + feature,
        mc -> mc.replaceAll("(?m)^FEATURE\\(`" + feature + "'.*\\n", ""));
  }

  /** Replaces the active {@code FEATURE(`name'...)} line by another line. */
  public static Edit replace(String feature, String m4Line) {
    return new Edit(feature + " -> " + m4Line, mc -> mc.replaceAll(
        "(?m)^FEATURE\\(`" + feature + "'.*$", Matcher.quoteReplacement(m4Line + "dnl")));
  }

  /** Debian's mc with the edits applied, without its includes of (empty) /etc/mail/m4 files. */
  public static String mc(Edit... edits) {
    try {
      String mc = Files.readString(DEBIAN_MC, StandardCharsets.ISO_8859_1)
          .replaceAll("(?m)^include\\(`/etc/mail/m4/.*\\n", "");
      for (Edit e : edits) {
        String before = mc;
        mc = e.apply().apply(mc);
        assertThat(mc).as("edit %s changes the mc", e).isNotEqualTo(before);
      }
      return mc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code NAME.mc} into {@code dir} and {@code NAME.cf} made from it by m4, and returns the
   * cf's path. The .mc stays beside the cf, as sendmail.mc does beside sendmail.cf.
   */
  public static Path generate(Path dir, String name, Edit... edits) {
    Oracle.require(M4, CF_M4);
    try {
      Path mc = dir.resolve(name + ".mc");
      Files.writeString(mc, mc(edits), StandardCharsets.ISO_8859_1);
      Oracle.Result r = Oracle.run(List.of(M4, mc.toString()), null);
      assertThat(r.exit()).as("m4 %s: %s", name, r.stderr()).isZero();
      Path cf = dir.resolve(name + ".cf");
      Files.write(cf, r.stdoutBytes());
      return cf;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #generate} and {@link CfFile#read}. */
  public static CfFile read(Path dir, String name, Edit... edits) {
    try {
      return CfFile.read(generate(dir, name, edits));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of a generated cf for {@code sendmail -bt}, like {@link Oracle#testCf} does for the stock
   * cf: the access K line is {@code kLine} and the MkBar helper ruleset is appended.
   */
  public static Path testCf(Path cf, String kLine) {
    try {
      String text = Files.readString(cf, StandardCharsets.ISO_8859_1)
          .replaceAll("(?m)^Kaccess .*$", Matcher.quoteReplacement(kLine));
      Path out = cf.resolveSibling("bt-" + cf.getFileName());
      Files.writeString(out, text + "\nSMkBar\nR$* = $*\t\t$: $1 $| $2\n",
          StandardCharsets.ISO_8859_1);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The keys sendmail handed to the access map, in order, from a {@code -d38.20} trace. */
  public static List<String> lookups(Oracle.Result r) {
    return r.stdout().lines().filter(l -> l.startsWith("db_map_lookup(access, "))
        .map(l -> l.substring("db_map_lookup(access, ".length(), l.length() - 1)).toList();
  }

  /** A committed excerpt ({@code src/test/resources/cf/NAME}), parsed. */
  public static CfFile excerpt(String name) {
    try {
      Path p = Path.of("src/test/resources/cf", name);
      return CfFile.parse(p, Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
