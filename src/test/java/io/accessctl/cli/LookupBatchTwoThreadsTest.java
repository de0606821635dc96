package io.accessctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.app.MapLookup;
import io.accessctl.catalog.Catalog;
import io.accessctl.cf.CfFile;
import io.accessctl.rules.TwoThreadBatch;
import io.accessctl.sendmail.Query;
import io.accessctl.source.ParseOptions;
import io.accessctl.testutil.AccessGen;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookup --batch} of TAG NAME lines answers on two threads exactly as on one: seeded maps
 * and questions over Debian's cf, the compiled map read by each thread's own copy.
 */
class LookupBatchTwoThreadsTest {
  private static final Path DEBIAN_CF = Path.of("src/test/resources/sendmail/debian-8.17.1.9.cf");
  private static final String[] TAGS = {"Try_TLS", "Srv_Features", "Connect", "Clt_Features"};
  private static final int HOSTS = 1500;
  @TempDir Path dir;

  @Test
  void twoThreadsAnswerAsOne() throws Exception {
    long seed = AccessGen.seed();
    Random random = new Random(seed);
    StringBuilder map = new StringBuilder();
    for (int i = 0; i < HOSTS; i++) {
      String tag = TAGS[random.nextInt(TAGS.length)];
      String value = switch (tag) {
        case "Try_TLS" -> "NO";
        case "Connect" -> random.nextBoolean() ? "REJECT" : "OK";
        default -> random.nextBoolean() ? "V" : "S";
      };
      String subject = random.nextInt(4) == 0 ? "192.0." + (i % 256) : "host" + i + ".example";
      map.append(tag).append(':').append(subject).append('\t').append(value).append('\n');
    }
    Path text = dir.resolve("access");
    Files.writeString(text, map);
    Path db = dir.resolve("access.db");
    StringWriter err = new StringWriter();
    assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
        Console.plain(), new ByteArrayInputStream(new byte[0]), "compile", "--no-cf", "--force",
        "--output", db.toString(), text.toString())).as(err.toString()).isIn(0, 1);

    StringBuilder lines = new StringBuilder();
    int questions = 3 * TwoThreadBatch.CHUNK + 17;
    for (int q = 0; q < questions; q++) {
      String name = "x.host" + random.nextInt(HOSTS * 3 / 2) + ".example";
      lines.append(TAGS[q % TAGS.length]).append('\t').append(name).append('\t')
          .append("192.0.").append(random.nextInt(256)).append('.').append(random.nextInt(256))
          .append(q % 97 == 0 ? "\tone field too many" : "").append('\n');
    }
    String one = answer(db, lines.toString(), false);
    String two = answer(db, lines.toString(), true);
    assertThat(one.split("\n")).hasSize(questions);
    assertThat(two).as(AccessGen.replayHint(seed)).isEqualTo(one);
  }

  private static String answer(Path db, String lines, boolean twoThreads) throws Exception {
    Query like = Query.of(Catalog.stock().find("Connect").orElseThrow(), "", Optional.empty());
    StringWriter out = new StringWriter();
    try (MapLookup m = MapLookup.open(Optional.of(CfFile.read(DEBIAN_CF)), db,
        ParseOptions.defaults())) {
      m.batch(new BufferedReader(new StringReader(lines)), like,
          b -> LookupCommand.render(b, true), out, twoThreads);
    }
    return out.toString();
  }
}
