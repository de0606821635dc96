package io.accessctl.sendmail;

import io.accessctl.tokens.TokenText;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What sendmail does, read from what the cf's rules returned ({@code $#error …}, {@code
 * $#discard}, {@code $# flags}, {@code OK}): where the effect of the deciding value (as {@link
 * Effects} words it) agrees with the rules' result it stands; where the rules decided otherwise
 * (local rules, another check of the same run, a cf that reads the value its own way), the
 * result decides.
 */
final class Outcomes {
  private Outcomes() {}

  private static final Pattern ERROR = Pattern.compile(
      "^\\$# error(?: \\$@ (.+?))?(?: \\$: (.*))?$");
  private static final Set<String> REJECTING = Set.of("reject", "discard", "quarantine",
      "no-starttls", "tempfail");
  /** Tags whose effect states the entry's requirement; the result says how one session fares. */
  private static final Set<String> STATEMENTS = Set.of("TLS_Srv", "TLS_Clt", "TLS_Rcpt",
      "ClientRate", "ClientConn");
  /** Tags whose ruleset hands the value to C code with {@code $#}. */
  private static final Set<String> VALUES = Set.of("Srv_Features", "Clt_Features", "AuthInfo",
      "GreetPause");

  /** The result of a ruleset, as far as the effect cares. */
  record Result(List<String> tokens, String printed) {
    boolean net() {
      return !tokens.isEmpty() && printed.startsWith("$#");
    }

    boolean rejects() {
      return printed.startsWith("$# error") || printed.startsWith("$# discard");
    }

    /** The tokens after {@code $#}. */
    List<String> value() {
      return tokens.subList(1, tokens.size());
    }
  }

  /** True when the value-based effect and the rules' result agree. */
  static boolean agree(String tag, Effect byValue, Result r) {
    if (STATEMENTS.contains(tag)) {
      return true;
    }
    boolean rejects = REJECTING.contains(byValue.code()) || byValue.code().startsWith("error");
    return rejects == r.rejects();
  }

  /** A statement tag's effect, with how this session fares under it. */
  static Effect withSession(Effect byValue, Result r, String ruleset) {
    return new Effect(byValue.code(), () -> {
      String how = r.rejects() ? "for the session as given (--define verify=… and the like) the"
          + " rules refuse: " + r.printed() : "for the session as given the rules accept ("
          + ruleset + " returns " + (r.printed().isEmpty() ? "nothing" : r.printed()) + ")";
      return byValue.summary() + " In short, " + how + ".";
    });
  }

  /**
   * Whether the rules hand C code a value with {@code $#} (feature flags, a pause, credentials):
   * that value decides, whichever entry it came from.
   */
  static boolean handsOn(String tag, Result r) {
    return VALUES.contains(tag) && r.net() && !r.printed().startsWith("$# error");
  }

  /** The effect of the rules' result alone. */
  static Effect of(String tag, Result r, String who, String decidedBy) {
    String by = decidedBy == null ? "" : " (decided by " + decidedBy + ")";
    if (r.printed().startsWith("$# discard")) {
      return new Effect("discard", "the rules return " + r.printed() + ": sendmail accepts the"
          + " mail and throws it away" + by + ".");
    }
    Matcher m = ERROR.matcher(r.printed());
    if (m.matches()) {
      String dsn = m.group(1) == null ? null : m.group(1).replace(" ", "");
      String text = m.group(2) == null ? "" : m.group(2);
      if (tag.equals("Try_TLS")) {
        return new Effect("no-starttls", "the rules return " + r.printed() + ": sendmail will"
            + " NOT use STARTTLS with " + who + by + ".");
      }
      String code = dsn == null ? "error" : dsn.equals("quarantine") ? "quarantine"
          : dsn.equals("5.7.1") && text.equals("\"550 Access denied\"") ? "reject"
          : "error " + dsn;
      return new Effect(code, "the rules return " + r.printed() + ": sendmail answers "
          + (text.isEmpty() ? "with an error" : text) + by + ".");
    }
    String said = r.printed().isEmpty() ? "nothing" : r.printed();
    List<String> words = r.net() ? r.value() : r.tokens();
    if (tag.equals("Try_TLS")) {
      return new Effect("starttls", "the rules return " + said + ": sendmail uses STARTTLS with "
          + who + " when the server offers it" + by + ".");
    }
    if (words.size() == 1 && words.get(0).equalsIgnoreCase("RELAY")) {
      return new Effect("relay", "the rules return " + said + ": sendmail lets " + who
          + " relay" + by + ".");
    }
    if (words.size() == 1 && words.get(0).equalsIgnoreCase("OK")) {
      return new Effect("accept", "the rules return " + said + ": sendmail accepts" + by + ".");
    }
    return new Effect("continue", "the rules return " + said + ": no rejection here; sendmail"
        + " goes on" + by + ".");
  }

  static Result result(List<String> tokens) {
    return new Result(tokens, TokenText.print(tokens));
  }
}
