package io.accessctl.status;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the sendmail binary that is installed: what actually runs, which may differ from
 * the release the cf was made for.
 *
 * <p>{@code sendmail -d0.1 -bt} (address test mode: no daemon, no mail, no root) prints
 * {@code Version 8.17.1.9} as its first line, before anything slow: on a host whose name is not
 * qualified sendmail then sleeps 60 s, so we read only up to that line and end the process.
 */
public final class SendmailBinary {
  /** Where Debian and most systems install it. */
  public static final Path DEFAULT = Path.of("/usr/sbin/sendmail");
  private static final Pattern VERSION = Pattern.compile("^Version (\\d+(?:\\.\\d+)+)\\S*");
  private static final long TIMEOUT_MS = 3000;

  private SendmailBinary() {}

  /** The version the binary prints, or empty when it is missing, not sendmail, or too slow. */
  public static Optional<String> version(Path binary) {
    if (!Files.isExecutable(binary)) {
      return Optional.empty();
    }
    ProcessBuilder pb = new ProcessBuilder(binary.toString(), "-d0.1", "-bt")
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      CompletableFuture<Optional<String>> first =
          CompletableFuture.supplyAsync(() -> firstVersion(p));
      return first.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    } finally {
      // the line is all we need; the rest may be a 60-second wait for a qualified host name
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private static Optional<String> firstVersion(Process p) {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1))) {
      for (int i = 0; i < 5; i++) {
        String line = r.readLine();
        if (line == null) {
          break;
        }
        Optional<String> v = parse(line);
        if (v.isPresent()) {
          return v;
        }
      }
    } catch (IOException e) {
      // the process went away: no version
    }
    return Optional.empty();
  }

  /** The number in a {@code Version 8.17.1.9} line. */
  static Optional<String> parse(String line) {
    Matcher m = VERSION.matcher(line.strip());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
