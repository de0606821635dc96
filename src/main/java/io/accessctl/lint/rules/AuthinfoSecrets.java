package io.accessctl.lint.rules;

import io.accessctl.lint.EntriesByTag;
import io.accessctl.lint.Findings;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.Rule;
import io.accessctl.lint.RuleInfo;
import io.accessctl.lint.Severity;
import io.accessctl.source.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * AC321: AuthInfo entries (SMTP AUTH passwords) in a map that others can read: the text file
 * readable by its group or by everybody, or its .db readable by everybody. Looks at the file named
 * by the source; silent when there is no such file or no POSIX permissions.
 */
public final class AuthinfoSecrets implements Rule {
  static final RuleInfo INFO = new RuleInfo("AC321", "authinfo-secrets", Severity.ERROR,
      "AuthInfo passwords in a map file that others can read",
      """
      AuthInfo: entries hold the user name and password sendmail uses for SMTP AUTH with a server
      ("U:user" "P:secret"). cf/README asks that a map holding them be readable only by its owner
      (and sendmail). The text file should be mode 0600; the .db may be readable by sendmail's
      group (Debian: 0640 smmta:smmsp) but never by everybody. Better still, move the credentials
      to a separate authinfo map (FEATURE(authinfo)) with mode 0600.

      Wrong:
        -rw-r--r--  /etc/mail/access     with  AuthInfo:relay.example "U:me" "P:secret" "M:PLAIN"
      Right:
        -rw-------  /etc/mail/access
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx, Findings out) {
    List<Entry> auth = EntriesByTag.of(ctx).tagged("AuthInfo");
    if (auth.isEmpty()) {
      return;
    }
    Path text;
    try {
      text = Path.of(ctx.source().name());
    } catch (InvalidPathException notAPath) {
      return;
    }
    Entry first = auth.get(0);
    String entries = auth.size() == 1 ? "the AuthInfo password on line " + first.lineNumber()
        : "the AuthInfo passwords of " + auth.size() + " entries (first on line "
            + first.lineNumber() + ")";
    permissions(text).filter(p -> p.contains(PosixFilePermission.GROUP_READ)
        || p.contains(PosixFilePermission.OTHERS_READ)).ifPresent(p -> out.add(INFO, first, 1,
            text + " is readable by " + who(p) + " (mode " + PosixFilePermissions.toString(p)
            + "), which exposes " + entries + "; chmod 600 " + text));
    Path db = Path.of(text + ".db");
    permissions(db).filter(p -> p.contains(PosixFilePermission.OTHERS_READ)).ifPresent(p ->
        out.add(INFO, first, 1, db + " is readable by everybody (mode "
            + PosixFilePermissions.toString(p) + "), which exposes " + entries + "; chmod 640 "
            + db + " (owner and sendmail's group only)"));
  }

  private static String who(Set<PosixFilePermission> p) {
    return p.contains(PosixFilePermission.OTHERS_READ) ? "everybody" : "its group";
  }

  private static Optional<Set<PosixFilePermission>> permissions(Path p) {
    try {
      if (!Files.isRegularFile(p)) {
        return Optional.empty();
      }
      return Optional.of(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }
}
