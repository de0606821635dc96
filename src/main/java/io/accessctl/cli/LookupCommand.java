package io.accessctl.cli;

import io.accessctl.app.MapLookup;
import io.accessctl.app.rules.RulesetQuestions;
import io.accessctl.catalog.Catalog;
import io.accessctl.catalog.Tag;
import io.accessctl.cf.CfFile;
import io.accessctl.report.Json;
import io.accessctl.rules.CfException;
import io.accessctl.sendmail.Answer;
import io.accessctl.sendmail.Query;
import io.accessctl.sendmail.TraceText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code accessctl lookup TAG NAME}: the keys sendmail's rules look up for one check, in order,
 * the one that decides, and what sendmail then does; with a cf its own rules run, with
 * {@code --no-cf} the model of the newest sendmail's answers.
 */
@Command(name = "lookup",
    description = {"Show what sendmail decides for a host or address: every access-map key its"
        + " rules look up, in order, the one that matches, and what the value makes sendmail do.",
        "NAME is a server host name for Try_TLS, TLS_Srv, AuthInfo and Clt_Features; a client"
        + " host name for Connect, Srv_Features, TLS_Clt and GreetPause; an e-mail address for"
        + " From, To, Spam and TLS_Rcpt; ignored for ClientRate and ClientConn (give --addr).",
        "With a sendmail.cf the cf's own rules run: every key they hand to the access map is"
        + " shown, local rules' keys included, and the effect is what the rules return. Under"
        + " delay_checks the client (Connect) and sender (From) checks run at RCPT time, for"
        + " the recipient --rcpt names.",
        "With --batch, each line is TAG<TAB>NAME<TAB>ADDR and each answer is one line."},
    exitCodeList = {"0:answered", "1:TAG NAME: the cf has no ruleset for the tag, or its rules"
        + " stopped on an error or did not finish (one line on standard error says which);"
        + " --batch: a line could not be answered so; --ruleset: a ruleset"
        + " stopped on an error (expansion too long, recursion too deep), did not finish (rules"
        + " that call each other without end) or is not defined", "2:usage error",
        "3:the map or the sendmail.cf cannot be read or compiled"})
public final class LookupCommand extends Subcommand {
  @Mixin
  MapOption map;

  @Mixin
  CfOptions cf;

  @Option(names = "--addr", paramLabel = "ADDR",
      description = "The IP address of the server or client (IPv4 or IPv6, as in a log line).")
  String addr;

  @Mixin
  TextOrJson format;

  @Option(names = "--ruleset", paramLabel = "NAME[,NAME...]", description = "Run these rulesets"
      + " of the cf on INPUT (the TAG position), as sendmail -bt does; '-' with --batch reads"
      + " lines NAME[,NAME...]<TAB>INPUT. With --map, the rules look the access map up in MAP"
      + " instead of the file the cf's access K line names. Exit 1 when a ruleset stops on an"
      + " error, loops or is not defined.")
  String ruleset;

  @Option(names = "--define", paramLabel = "NAME=VALUE", description = "A macro for the rules'"
      + " $&NAME (x or {name}), e.g. verify=OK or cipher_bits=256 for the TLS tags; repeatable.")
  Map<String, String> defines = new LinkedHashMap<>();

  @Option(names = "--client", paramLabel = "NAME", description = "The client of the SMTP"
      + " session ({client_name}): for From, To and Spam the sender's client; for Clt_Features"
      + " the session in which sendmail delivers (8.17.1 reads it; default: a queue run's, empty).")
  String client = "";

  @Option(names = "--client-addr", paramLabel = "ADDR", description = "Its address"
      + " ({client_addr}).")
  String clientAddr = "";

  @Option(names = "--rcpt", paramLabel = "ADDRESS", description = "The recipient of checks made"
      + " at RCPT time (under delay_checks the Connect and From checks; default postmaster).")
  String rcpt;

  @Option(names = "--batch", paramLabel = "FILE",
      description = "Answer every line TAG<TAB>NAME<TAB>ADDR of FILE ('-': standard input).")
  String batch;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TAG",
      description = "Try_TLS, Srv_Features, Clt_Features, TLS_Srv, TLS_Clt, TLS_Rcpt, AuthInfo,"
          + " Connect, GreetPause, ClientRate, ClientConn, From, To, Spam.")
  String tag;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NAME",
      description = "Host name or e-mail address (a trailing dot from a log line is fine).")
  String name;

  @Mixin
  ParseOptionsMixin parseOptions;

  @Override
  public Integer call() throws IOException {
    boolean json = format.json();
    if (ruleset != null) {
      return rulesets(json);
    }
    if (batch == null && (tag == null || (name == null && !addressOnly(tag)))) {
      throw new ParameterException(spec.commandLine(), "TAG and NAME are required (or --batch)");
    }
    if (batch != null && tag != null) {
      throw new ParameterException(spec.commandLine(), "--batch takes no TAG or NAME");
    }
    Optional<CfFile> cfFile = cf.choice().read(Warnings.to(err()));
    PrintWriter out = out();
    try (MapLookup m = MapLookup.open(cfFile, map.map, parseOptions.toOptions())) {
      if (batch == null) {
        Answer a = m.answer(session(tag(tag), name == null ? "" : name,
            Optional.ofNullable(addr).filter(s -> !s.isEmpty())));
        out.print(json ? json(a) + "\n" : TraceText.render(a));
        out.flush();
        if (a.problem().isPresent()) {
          err().println("accessctl: " + a.problem().get());
          err().flush();
          return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
      }
      return runBatch(m, json || !format.given(), out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The question with the session's client, recipient and macros. */
  private Query session(Tag t, String n, Optional<String> a) {
    return Query.of(t, n, a).withInbound(client, clientAddr).withRcpt(rcpt)
        .withDefines(defines);
  }

  private static boolean addressOnly(String t) {
    return t.equalsIgnoreCase("ClientRate") || t.equalsIgnoreCase("ClientConn");
  }

  private Tag tag(String t) {
    Catalog c = Catalog.stock();
    return c.find(t).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "unknown tag \"" + t + "\"" + c.nearest(t).map(n -> " (did you mean " + n.name() + "?)")
            .orElse("")));
  }

  private int runBatch(MapLookup m, boolean json, PrintWriter out) throws IOException {
    Query like = session(Catalog.stock().find("Connect").orElseThrow(), "", Optional.empty());
    int failures;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(batchInput(),
        StandardCharsets.UTF_8), 1 << 16)) {
      failures = m.batch(in, like, b -> render(b, json), out, true);
    }
    out.flush();
    return failures == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /** Room for most answers' JSON line (a walk of a dozen keys), so that it grows seldom. */
  private static final int ANSWER_LINE = 1 << 10;

  /**
   * Each answering thread's line buffer: a batch writes one line per question, and a buffer
   * made for each would be most of what the rendering allocates.
   */
  private static final ThreadLocal<StringBuilder> LINE =
      ThreadLocal.withInitial(() -> new StringBuilder(ANSWER_LINE));

  /** One batch answer as one line. */
  static String render(MapLookup.BatchAnswer b, boolean json) {
    if (b.answer().isEmpty()) {
      return (json ? "{\"error\":" + Json.quote(b.error()) + ",\"line\":"
          + Json.quote(b.line()) + "}" : "error: " + b.error()) + "\n";
    }
    if (!json) {
      return oneLine(b.answer().get()) + "\n";
    }
    StringBuilder line = LINE.get();
    line.setLength(0);
    return json(b.answer().get(), line).append('\n').toString();
  }

  /** {@code --ruleset}: the cf's own rules, answered by {@link RulesetQuestions}. */
  private int rulesets(boolean json) throws IOException {
    boolean isBatch = ruleset.equals("-");
    if (isBatch != (batch != null) || (!isBatch && tag == null) || (isBatch && tag != null)) {
      throw new ParameterException(spec.commandLine(),
          "--ruleset NAME[,NAME...] takes one INPUT; --ruleset - takes --batch FILE|- instead");
    }
    Path cfPath = cf.choice().path().orElseThrow(() -> new ParameterException(
        spec.commandLine(), "--ruleset needs --cf FILE (no " + CfFile.DEFAULT_CF + " here)"));
    RulesetQuestions q;
    try {
      q = map.map == null ? RulesetQuestions.open(cfPath, defines, json)
          : RulesetQuestions.open(cfPath, map.map, parseOptions.toOptions(), defines, json);
    } catch (CfException e) {
      throw new ExitException(ExitCodes.CANNOT_READ, e.getMessage());
    }
    PrintWriter out = out();
    try (q) {
      if (!isBatch) {
        return q.one(ruleset, name == null ? tag : tag + " " + name, out);
      }
      return q.batch(batchInput(), out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private InputStream batchInput() throws IOException {
    if (batch.equals("-")) {
      return root.stdin;
    }
    return Files.newInputStream(Path.of(batch));
  }

  private static String oneLine(Answer a) {
    return a.query().tag().name() + "\t" + a.query().name() + "\t" + a.query().addr().orElse("")
        + "\t" + a.effect().code() + "\t" + a.match().map(p -> p.storedKey() + " "
        + p.value().orElse("")).orElse("-");
  }

  /**
   * The design's JSON answer: {"tag","name","addr","result","key","tried","effect"}, and
   * "error" when the cf could not answer in full (no ruleset for the tag, rules that stopped).
   */
  static String json(Answer a) {
    return json(a, new StringBuilder(256)).toString();
  }

  /**
   * {@link #json(Answer)} appended to {@code sb}: the members written in their fixed order, each
   * string quoted by {@link Json#quote(String, StringBuilder)} (a batch writes one per question;
   * the structure needs no checking).
   */
  private static StringBuilder json(Answer a, StringBuilder sb) {
    sb.append("{\"tag\":");
    Json.quote(a.query().tag().name(), sb);
    sb.append(",\"name\":");
    Json.quote(a.query().name(), sb);
    sb.append(",\"addr\":");
    quoteOrNull(a.query().addr().orElse(null), sb);
    sb.append(",\"result\":");
    quoteOrNull(a.result().orElse(null), sb);
    sb.append(",\"key\":");
    quoteOrNull(a.match().isPresent() ? a.match().get().storedKey() : null, sb);
    sb.append(",\"tried\":[");
    List<String> tried = a.tried();
    for (int i = 0; i < tried.size(); i++) { // no iterator: the batch's C1 code would make one
      if (i > 0) {
        sb.append(',');
      }
      Json.quote(tried.get(i), sb);
    }
    sb.append("],\"effect\":");
    Json.quote(a.effect().code(), sb);
    if (a.problem().isPresent()) {
      sb.append(",\"error\":");
      Json.quote(a.problem().get(), sb);
    }
    return sb.append('}');
  }

  private static void quoteOrNull(String s, StringBuilder sb) {
    if (s == null) {
      sb.append("null");
    } else {
      Json.quote(s, sb);
    }
  }
}
