package io.accessctl.rules;

import io.accessctl.tokens.TokenText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines {@code sendmail -bt -d38.20} prints that say what the rules did (each ruleset's
 * input and result, rewriting errors, every key handed to a hash map), made from the engine's
 * trace or filtered out of sendmail's output, so the two compare line for line. A line {@code >}
 * marks where sendmail read the next input line.
 */
final class BtTranscript implements Trace {
  static final String PROMPT = ">";
  private static final Pattern KEPT = Pattern.compile(
      "^(.{16}(   input:| returns:).*|Infinite loop in ruleset .*|rewrite: .*|== Ruleset .*"
          + "|Undefined ruleset .*|Unknown ruleset .*|Too many subroutine calls.*"
          + "|db_map_lookup\\(.*)$");

  /** syserr() appends the text of errno, whatever an earlier system call left there. */
  private static final Pattern ERRNO = Pattern.compile(
      "(?<=^(Infinite loop in ruleset|rewrite: ).{0,200}): (Unknown error -?\\d+|[A-Z][a-z ]+)$");

  final List<String> lines = new ArrayList<>();

  @Override
  public void input(String ruleset, List<String> tokens) {
    lines.add(String.format("%-16.16s   input:", ruleset) + printed(tokens));
  }

  @Override
  public void returns(String ruleset, List<String> tokens) {
    lines.add(String.format("%-16.16s returns:", ruleset) + printed(tokens));
  }

  @Override
  public void error(String message) {
    if (KEPT.matcher(message).matches()) {
      lines.add(message);
    }
  }

  @Override
  public void lookup(String map, String key, MapClass.Result result) {
    if (map.equals("access")) {
      lines.add("db_map_lookup(" + map + ", " + key + ")");
    }
  }

  void prompt() {
    lines.add(PROMPT);
    prompts++;
  }

  /** How many prompts so far: the index of the current input line's block. */
  int prompts() {
    return prompts;
  }

  private int prompts;

  private static String printed(List<String> tokens) {
    return tokens.isEmpty() ? "" : " " + TokenText.print(tokens);
  }

  /** The kept lines of sendmail's stdout, with a {@code >} line for each prompt. */
  static List<String> ofSendmail(String stdout) {
    List<String> out = new ArrayList<>();
    for (String line : stdout.split("\n", -1)) {
      while (line.startsWith("> ")) {
        out.add(PROMPT);
        line = line.substring(2);
      }
      if (line.equals(">")) {
        out.add(PROMPT);
        continue;
      }
      if (KEPT.matcher(line).matches()) {
        out.add(ERRNO.matcher(line).replaceFirst("").stripTrailing());
      }
    }
    return out;
  }
}
