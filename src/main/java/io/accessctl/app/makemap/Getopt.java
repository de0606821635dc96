package io.accessctl.app.makemap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * getopt(3) as glibc's does it, for programs whose scripts rely on it: flags cluster ({@code -Nfr}),
 * a value follows its letter attached ({@code -t:}) or as the next argument ({@code -t :}),
 * operands may come before options (glibc permutes them to the end), {@code --} ends the options
 * and a lone {@code -} is an operand. {@code --x} is no long option but the cluster {@code -}, {@code
 * x}, so its error names the option {@code -}.
 *
 * <p>Parsing stops at the first error, as a program that calls usage() on getopt's {@code '?'}
 * stops; the options before it are kept, in order, because such a program has already acted on
 * them.
 */
public final class Getopt {
  private final String program;
  private final String optstring;

  /** One option as getopt returns it: its letter and, for a letter followed by ':', its value. */
  public record Option(char letter, String value) {}

  /**
   * @param options the options in the order given
   * @param operands the other arguments, in order
   * @param error getopt's message for the first bad option (then parsing stopped there)
   */
  public record Parsed(List<Option> options, List<String> operands, Optional<String> error) {}

  /**
   * @param program the name getopt's messages start with
   * @param optstring getopt's option string: each letter, followed by ':' when it takes a value
   */
  public Getopt(String program, String optstring) {
    this.program = program;
    this.optstring = optstring;
  }

  public Parsed parse(List<String> args) {
    List<Option> options = new ArrayList<>();
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        operands.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!a.startsWith("-") || a.length() == 1) {
        operands.add(a);
        continue;
      }
      for (int j = 1; j < a.length(); j++) {
        char c = a.charAt(j);
        int at = c == ':' ? -1 : optstring.indexOf(c);
        if (at < 0) {
          return failed(options, operands, "invalid option -- '" + c + "'");
        }
        if (!takesValue(at)) {
          options.add(new Option(c, null));
          continue;
        }
        if (j + 1 < a.length()) {
          options.add(new Option(c, a.substring(j + 1)));
        } else if (i + 1 < args.size()) {
          options.add(new Option(c, args.get(++i)));
        } else {
          return failed(options, operands, "option requires an argument -- '" + c + "'");
        }
        break;
      }
    }
    return new Parsed(List.copyOf(options), List.copyOf(operands), Optional.empty());
  }

  private boolean takesValue(int at) {
    return at + 1 < optstring.length() && optstring.charAt(at + 1) == ':';
  }

  private Parsed failed(List<Option> options, List<String> operands, String message) {
    return new Parsed(List.copyOf(options), List.copyOf(operands),
        Optional.of(program + ": " + message));
  }
}
