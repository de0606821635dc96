package io.accessctl.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the shell offers for the word under the cursor: command names first, then a command's
 * options (from the same picocli model the CLI parses with), tag names for {@code lookup}, and the
 * map's keys for {@code query} and for {@code lookup}'s NAME.
 */
final class Completion {
  private final List<String> commands;
  private final Map<String, CommandSpec> specs;
  private final Supplier<List<String>> keys;

  Completion(List<String> commands, Map<String, CommandSpec> specs, Supplier<List<String>> keys) {
    this.commands = commands;
    this.specs = specs;
    this.keys = keys;
  }

  /**
   * Candidates for word {@code index} of {@code words}, of which the cursor is at the end of the
   * first {@code prefix.length()} characters.
   */
  List<String> candidates(List<String> words, int index, String prefix) {
    List<String> out = new ArrayList<>();
    if (index == 0) {
      filter(commands, prefix, out);
      return out;
    }
    String cmd = words.get(0);
    CommandSpec spec = specs.get(cmd);
    if (prefix.startsWith("-") && spec != null) {
      for (CommandLine.Model.OptionSpec o : spec.options()) {
        if (!o.hidden()) {
          filter(List.of(o.names()), prefix, out);
        }
      }
      java.util.Collections.sort(out);
      return out;
    }
    int positional = positionals(words.subList(0, index), spec);
    switch (cmd) {
      case "lookup" -> {
        if (positional == 0) {
          filterIgnoringCase(TagNames.all(), prefix, out);
        } else if (positional == 1) {
          String tag = words.get(index - 1) + ":";
          for (String k : keys.get()) {
            if (k.regionMatches(true, 0, tag, 0, tag.length())) {
              String subject = k.substring(tag.length());
              if (subject.startsWith(prefix)) {
                out.add(subject);
              }
            }
          }
        }
      }
      case "query" -> {
        filterIgnoringCase(keys.get(), prefix, out);
        if (out.isEmpty() && !prefix.contains(":")) {
          for (String t : TagNames.all()) {
            if (t.regionMatches(true, 0, prefix, 0, prefix.length())) {
              out.add(t + ":");
            }
          }
        }
      }
      case "explain" -> filterIgnoringCase(ruleIds(), prefix, out);
      case "help" -> filter(commands, prefix, out);
      default -> { }
    }
    return out;
  }

  private static List<String> ruleIds() {
    List<String> ids = new ArrayList<>();
    io.accessctl.lint.Rules.all().forEach(r -> ids.add(r.info().id()));
    return ids;
  }

  /** How many positional parameters {@code words} (a command and its arguments) hold. */
  static int positionals(List<String> words, CommandSpec spec) {
    int n = 0;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (w.startsWith("-")) {
        CommandLine.Model.OptionSpec o = spec == null ? null : spec.findOption(w);
        if (o != null && o.arity().max() > 0 && !w.contains("=")) {
          i++;
        }
        continue;
      }
      n++;
    }
    return n;
  }

  private static void filter(List<String> all, String prefix, List<String> out) {
    for (String s : all) {
      if (s.startsWith(prefix)) {
        out.add(s);
      }
    }
  }

  private static void filterIgnoringCase(List<String> all, String prefix, List<String> out) {
    String p = prefix.toLowerCase(Locale.ROOT);
    for (String s : all) {
      if (s.toLowerCase(Locale.ROOT).startsWith(p)) {
        out.add(s);
      }
    }
  }
}
