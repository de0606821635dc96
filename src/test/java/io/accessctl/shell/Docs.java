package io.accessctl.shell;

import io.accessctl.cli.Console;
import io.accessctl.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Generates {@code man/} and {@code completions/} from the picocli model: one man page per command
 * (picocli-codegen's AsciiDoc, turned into troff by Asciidoctor's manpage backend), the bash
 * completion of picocli's AutoComplete (zsh loads the same script through bashcompinit) and a fish
 * completion written here from the same model. Build-time only: neither picocli-codegen nor
 * Asciidoctor is in the jar.
 *
 * <p>The build runs {@code main} (exec-maven-plugin, phase prepare-package) on the checkout, and
 * {@code ManPageTest}/{@code CompletionScriptTest} fail when the committed files differ from what
 * {@link #generate()} makes. To regenerate: {@code mvn -DskipTests package}, then commit.
 */
public final class Docs {
  private Docs() {}

  public static void main(String[] args) throws IOException {
    Path base = Path.of(args.length > 0 ? args[0] : ".");
    int changed = 0;
    for (Map.Entry<String, String> e : generate().entrySet()) {
      Path p = base.resolve(e.getKey());
      byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), bytes)) {
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        changed++;
      }
    }
    System.out.println("accessctl docs: " + changed + " file(s) regenerated in " + base.toAbsolutePath());
  }

  /** The whole command tree, with lookup's TAG completing the catalogue's tag names. */
  public static CommandLine model() {
    CommandLine cl = Main.commandLine(Console.plain(), InputStream.nullInputStream());
    CommandLine lookup = cl.getSubcommands().get("lookup");
    if (lookup != null) {
      withTagCandidates(lookup.getCommandSpec());
    }
    return cl;
  }

  /** Gives the first positional parameter (TAG) the tag names, unless it has candidates. */
  public static void withTagCandidates(CommandSpec spec) {
    if (spec.positionalParameters().isEmpty()) {
      return;
    }
    PositionalParamSpec tag = spec.positionalParameters().get(0);
    if (tag.completionCandidates() != null) {
      return;
    }
    List<PositionalParamSpec> rest = new ArrayList<>(spec.positionalParameters());
    rest.forEach(spec::remove);
    spec.addPositional(PositionalParamSpec.builder(tag).completionCandidates(new TagNames()).build());
    rest.subList(1, rest.size()).forEach(spec::addPositional);
  }

  private static Map<String, String> generated;

  /** Every generated file, by path relative to the checkout (made once per test run). */
  public static synchronized Map<String, String> generate() throws IOException {
    if (generated == null) {
      generated = generate(model());
    }
    return generated;
  }

  public static Map<String, String> generate(CommandLine cl) throws IOException {
    Map<String, String> files = new TreeMap<>();
    Map<String, String> adoc = new TreeMap<>();
    collectPages(cl, adoc);
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      for (Map.Entry<String, String> page : adoc.entrySet()) {
        Options o = Options.builder().backend("manpage").standalone(true).safe(SafeMode.SAFE)
            // reproducible: no generation date in the page, so regenerating changes nothing
            .attributes(Attributes.builder().attribute("reproducible", "").build())
            .build();
        files.put("man/" + page.getKey() + ".1", asciidoctor.convert(page.getValue(), o));
      }
    }
    String bash = AutoComplete.bash("accessctl", cl);
    files.put("completions/accessctl.bash", bash);
    files.put("completions/accessctl.zsh", """
        # zsh completion for accessctl: source this file from ~/.zshrc. It loads the bash
        # completion beside it (accessctl.bash) through zsh's bashcompinit.
        autoload -U +X compinit && compinit
        autoload -U +X bashcompinit && bashcompinit
        source "${${(%):-%x}:A:h}/accessctl.bash"
        """);
    files.put("completions/accessctl.fish", fish(cl));
    return files;
  }

  private static void collectPages(CommandLine cl, Map<String, String> out) {
    CommandSpec spec = cl.getCommandSpec();
    StringWriter w = new StringWriter();
    try (PrintWriter pw = new PrintWriter(w)) {
      ManPageGenerator.writeSingleManPage(pw, spec);
    }
    out.put(spec.qualifiedName("-"), w.toString());
    for (CommandLine sub : cl.getSubcommands().values()) {
      collectPages(sub, out);
    }
  }

  /** fish's completion: subcommands, then each command's options and candidates. */
  static String fish(CommandLine root) {
    StringBuilder b = new StringBuilder();
    b.append("# fish completion for accessctl, generated from the picocli model (see man/).\n")
        .append("# Install: copy to ~/.config/fish/completions/ or /usr/share/fish/vendor_completions.d/\n")
        .append("complete -c accessctl -f\n");
    appendOptions(b, root.getCommandSpec(), "__fish_use_subcommand");
    for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
      String name = e.getKey();
      CommandSpec spec = e.getValue().getCommandSpec();
      b.append("complete -c accessctl -n __fish_use_subcommand -a ").append(name)
          .append(" -d ").append(quote(firstLine(spec))).append('\n');
      String cond = "__fish_seen_subcommand_from " + name;
      for (Map.Entry<String, CommandLine> s : e.getValue().getSubcommands().entrySet()) {
        b.append("complete -c accessctl -n ").append(quote(cond + "; and not __fish_seen_subcommand_from "
            + String.join(" ", e.getValue().getSubcommands().keySet()))).append(" -a ")
            .append(s.getKey()).append(" -d ")
            .append(quote(firstLine(s.getValue().getCommandSpec()))).append('\n');
      }
      appendOptions(b, spec, cond);
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (p.completionCandidates() != null) {
          List<String> c = new ArrayList<>();
          p.completionCandidates().forEach(c::add);
          b.append("complete -c accessctl -n ").append(quote(cond)).append(" -a ")
              .append(quote(String.join(" ", c))).append('\n');
        } else if (p.type() == Path.class || p.type() == java.io.File.class
            || (p.auxiliaryTypes().length > 0 && p.auxiliaryTypes()[0] == Path.class)) {
          b.append("complete -c accessctl -n ").append(quote(cond)).append(" -F\n");
        }
      }
    }
    return b.toString();
  }

  private static void appendOptions(StringBuilder b, CommandSpec spec, String cond) {
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      b.append("complete -c accessctl -n ").append(quote(cond));
      for (String n : o.names()) {
        if (n.startsWith("--")) {
          b.append(" -l ").append(n.substring(2));
        } else if (n.length() == 2) {
          b.append(" -s ").append(n.substring(1));
        } else {
          b.append(" -o ").append(n.substring(1));
        }
      }
      if (o.arity().max() > 0) {
        b.append(o.type() == Path.class ? " -r -F" : " -r");
        if (o.completionCandidates() != null) {
          List<String> c = new ArrayList<>();
          o.completionCandidates().forEach(c::add);
          b.append(" -a ").append(quote(String.join(" ", c)));
        }
      }
      String[] d = o.description();
      if (d.length > 0) {
        b.append(" -d ").append(quote(plain(d[0])));
      }
      b.append('\n');
    }
  }

  private static String firstLine(CommandSpec spec) {
    String[] d = spec.usageMessage().description();
    return d.length == 0 ? "" : plain(d[0]);
  }

  /** A description without picocli's ${…} variables, cut at the first sentence. */
  private static String plain(String s) {
    String t = s.replaceAll("\\$\\{[^}]*}", "").replaceAll("\\s*\\(default: *\\)", "");
    int dot = t.indexOf(". ");
    return (dot > 0 ? t.substring(0, dot + 1) : t).trim();
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
