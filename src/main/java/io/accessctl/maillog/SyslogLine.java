package io.accessctl.maillog;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One syslog line from sendmail: date, program, process id and the message after the colon.
 * Both stamps syslog daemons write are understood: the classic {@code Nov 20 10:00:01} (no year:
 * it is taken from a reference date, the log file's time) and rsyslog's RFC 3339
 * {@code 2026-11-20T10:00:01.123456+00:00}.
 *
 * @param date the day of the line
 * @param program the syslog tag without the pid (sm-mta, sendmail, sm-msp-queue, …)
 * @param pid the process id, or "" when the tag has none
 * @param message the text after "program[pid]: "
 */
public record SyslogLine(LocalDate date, String program, String pid, String message) {
  /** syslog writes English month names whatever the locale (RFC 3164). */
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
  private static final Pattern CLASSIC = Pattern.compile(
      "^([A-Z][a-z]{2}) +(\\d{1,2}) \\d\\d:\\d\\d:\\d\\d +\\S+ +([^\\s\\[:]+)(?:\\[(\\d+)\\])?: (.*)$");
  private static final Pattern RFC3339 = Pattern.compile(
      "^(\\d{4})-(\\d\\d)-(\\d\\d)T\\S+ +\\S+ +([^\\s\\[:]+)(?:\\[(\\d+)\\])?: (.*)$");

  /**
   * Parses a line; empty for anything that is not a syslog line (a truncated line, a blank one).
   *
   * @param reference the day the log was last written; a classic stamp gets the year that puts it
   *     on or before that day (a log read in January holds December's lines of the year before)
   */
  public static Optional<SyslogLine> parse(String line, LocalDate reference) {
    Matcher m = RFC3339.matcher(line);
    if (m.matches()) {
      try {
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
        return Optional.of(new SyslogLine(d, m.group(4), nullToEmpty(m.group(5)), m.group(6)));
      } catch (java.time.DateTimeException bad) {
        return Optional.empty();
      }
    }
    m = CLASSIC.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<Month> month = month(m.group(1));
    int day = Integer.parseInt(m.group(2));
    if (month.isEmpty() || day < 1 || day > month.get().maxLength()) {
      return Optional.empty();
    }
    int year = reference.getYear();
    if (month.get().getValue() > reference.getMonthValue()) {
      year--; // a stamp "after" the reference day belongs to the year before
    }
    LocalDate d = LocalDate.of(year, month.get(), Math.min(day, month.get().length(
        java.time.Year.isLeap(year))));
    return Optional.of(new SyslogLine(d, m.group(3), nullToEmpty(m.group(4)), m.group(5)));
  }

  /** True for the names sendmail logs under: sendmail, Debian's sm-mta, sm-msp-queue, … */
  public boolean fromSendmail() {
    return program.equals("sendmail") || program.startsWith("sm-") || program.startsWith(
        "sendmail");
  }

  private static Optional<Month> month(String abbrev) {
    int i = MONTHS.indexOf(abbrev);
    return i >= 0 && i % 3 == 0 ? Optional.of(Month.of(i / 3 + 1)) : Optional.empty();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
