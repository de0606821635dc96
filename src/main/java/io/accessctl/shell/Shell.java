package io.accessctl.shell;

import io.accessctl.app.MapSource;
import io.accessctl.app.MapTarget;
import io.accessctl.app.Maps;
import io.accessctl.source.ParseOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The shell's commands. {@code lookup}, {@code query}, {@code lint} and {@code explain} run the
 * commands of the same name through a {@link CommandRunner}, with the same options and output,
 * against the shell's map; {@code reload}, {@code help} and {@code exit} are the shell's own.
 */
public final class Shell {
  /** CLI commands the shell offers, when the CLI has them (lookup may come later). */
  static final List<String> CLI_COMMANDS = List.of("lookup", "query", "lint", "explain");
  static final List<String> OWN_COMMANDS = List.of("reload", "help", "exit");
  /** More than an admin would page through; a bigger map completes its first keys only. */
  static final int KEY_LIMIT = 200_000;

  private final Path map;
  private final CommandRunner runner;
  private final Map<String, CommandSpec> specs = new LinkedHashMap<>();
  private final List<String> commands = new ArrayList<>();
  private PrintWriter out;
  private PrintWriter err;
  private List<String> keys = List.of();

  /**
   * @param map the map lookups and queries use, or null for the commands' default
   * @param runner runs the commands the shell offers
   */
  public Shell(Path map, CommandRunner runner, PrintWriter out, PrintWriter err) {
    this.map = map;
    this.runner = runner;
    this.out = out;
    this.err = err;
    for (String c : CLI_COMMANDS) {
      runner.spec(c).ifPresent(spec -> {
        specs.put(c, spec);
        commands.add(c);
      });
    }
    commands.addAll(OWN_COMMANDS);
  }

  /**
   * Runs the shell: with JLine when {@code terminal}, else reading one command per line from
   * {@code in} (scripts, tests) without prompts.
   */
  public int run(InputStream in, boolean terminal, Path history) throws IOException {
    loadKeys(false);
    if (terminal) {
      Terminal.run(this, history != null ? history : Terminal.defaultHistory());
      return 0;
    }
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (!execute(line)) {
        break;
      }
    }
    return 0;
  }

  /** Where the shell writes; the terminal loop routes it to JLine's writer. */
  void output(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  List<String> commands() {
    return commands;
  }

  Completion completion() {
    return new Completion(commands, specs, () -> keys);
  }

  /** Runs one command line; false when it was {@code exit}. */
  boolean execute(String line) {
    List<String> words;
    try {
      words = Words.split(line.strip());
    } catch (IllegalArgumentException e) {
      err.println("accessctl: " + e.getMessage());
      err.flush();
      return true;
    }
    if (words.isEmpty() || words.get(0).startsWith("#")) {
      return true;
    }
    String cmd = words.get(0);
    switch (cmd) {
      case "exit", "quit" -> {
        return false;
      }
      case "help" -> help(words);
      case "reload" -> loadKeys(true);
      default -> {
        if (specs.containsKey(cmd)) {
          runCommand(words);
        } else {
          err.println("accessctl: unknown command '" + cmd + "'; 'help' lists them");
        }
      }
    }
    out.flush();
    err.flush();
    return true;
  }

  private void runCommand(List<String> words) {
    List<String> args = new ArrayList<>(words);
    String cmd = words.get(0);
    boolean asksHelp = words.contains("--help") || words.contains("-h");
    if (map != null && !asksHelp) {
      CommandSpec spec = specs.get(cmd);
      boolean hasMap = words.stream().anyMatch(w -> w.equals("--map") || w.startsWith("--map="));
      if (spec.findOption("--map") != null && !hasMap) {
        args.addAll(1, List.of("--map", map.toString()));
      } else if (cmd.equals("lint") && Completion.positionals(words, spec) == 0) {
        args.add(map.toString());
      }
    }
    runner.run(out, err, args);
    out.flush();
    err.flush();
  }

  private void help(List<String> words) {
    if (words.size() > 1 && specs.containsKey(words.get(1))) {
      runCommand(List.of(words.get(1), "--help"));
      return;
    }
    out.println("Commands (lookup, query, lint and explain take the options of the accessctl");
    out.println("command of the same name; 'help COMMAND' lists them):");
    if (specs.containsKey("lookup")) {
      out.println("  lookup TAG NAME   what sendmail decides for NAME, walking the map as it does");
    }
    out.println("  query KEY...      exact lookups, like postmap -q");
    out.println("  lint [FILE...]    lint the map (when it is text) or the files");
    out.println("  explain RULE      what a lint rule finds and why");
    out.println("  reload            re-read the map's keys (for completion) after it changed");
    out.println("  help [COMMAND]    this list, or a command's options");
    out.println("  exit              leave the shell (also Ctrl-D)");
    out.println("Map: " + (map != null ? map : "the default (sendmail.cf's access K line, else "
        + MapTarget.DEFAULT_DB + ")"));
  }

  private void loadKeys(boolean tell) {
    Path source = map != null ? map : MapTarget.DEFAULT_TEXT;
    if (map == null && !Files.isReadable(source)) {
      keys = List.of();
      return;
    }
    try {
      try (MapSource m = Maps.open(source, ParseOptions.defaults())) {
        keys = m.keys(KEY_LIMIT);
      }
      if (tell) {
        out.println("reloaded " + source + ": " + keys.size() + " keys");
      }
    } catch (IOException | RuntimeException e) {
      keys = List.of();
      err.println("accessctl: " + source + ": cannot read keys for completion: " + e.getMessage());
    }
  }
}
