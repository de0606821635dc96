import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.lint.LintContext;
import io.accessctl.lint.LintResult;
import io.accessctl.lint.Linter;
import io.accessctl.lint.Severity;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What compile's lint costs: reads and parses MAP and lints it with Debian's sendmail.cf (when
 * present) the way compile does, findings of severity BUILT (default error) built in full and the
 * others only counted. Prints the milliseconds from reading the file to the end of lint, then the
 * counts. Run by bench/lint-blocking.sh: java -cp target/accessctl.jar bench/LintBlocking.java MAP
 */
public final class LintBlocking {
  public static void main(String[] args) throws Exception {
    Severity built = Severity.parse(args.length > 1 ? args[1] : "error");
    Path cfPath = Path.of("/etc/mail/sendmail.cf");
    Optional<CfFile> cf = Files.exists(cfPath) ? Optional.of(CfFile.read(cfPath)) : Optional.empty();
    long t0 = System.nanoTime();
    byte[] data = Files.readAllBytes(Path.of(args[0]));
    AccessSource src = new AccessParser(ParseOptions.defaults()).parse(args[0], data);
    long t1 = System.nanoTime();
    LintResult r = Linter.all().lint(new LintContext(src, Catalog.stock(), cf), built, p -> { });
    long t2 = System.nanoTime();
    System.out.printf("%.3f parse %.0f ms lint %.0f ms built %d counted errors %d warnings %d"
        + " infos %d%n", (t2 - t0) / 1e9, (t1 - t0) / 1e6, (t2 - t1) / 1e6, r.diagnostics().size(),
        r.counted(Severity.ERROR), r.counted(Severity.WARNING), r.counted(Severity.INFO));
  }
}
