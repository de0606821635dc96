package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.Oracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine runs the lookup step only on a workspace that can hold {@code $(} or {@code $[}, and
 * the subroutine step only on one that can hold {@code $>}: tokens a lookup leaves behind (a key
 * found in no map stays, with any {@code $(} or {@code $>} inside it) are still acted on when a
 * later rule copies them, as sendmail, which scans every new workspace, does.
 */
@Tag("oracle")
class StepsSkippedOracleTest {
  @TempDir Path dir;

  @Test
  void tokensALookupLeavesAreActedOnLaterAsSendmailDoes() throws Exception {
    Oracle.require(Oracle.SENDMAIL);
    Path cf = dir.resolve("t.cf");
    Files.writeString(cf, String.join("\n",
        "V10/Berkeley",
        "Knone null",
        "Kdq dequote",
        "Sleft",
        "R$*\t$: $(none $(dq \"$1\" $) $)",
        "R$+\t$: [ $1 ]",
        "Scall",
        "R$*\t$: $(none $>id $1 $)",
        "R$+\t$: < $1 >",
        "Sid",
        "R$*\t$: ( $1 )",
        "Shost",
        "R$*\t$: $(none $[ $1 $] $)",
        "R$+\t$: { $1 }", ""));
    List<String[]> questions = List.of(new String[] {"left", "x"},
        new String[] {"left", "a b"}, new String[] {"call", "x"}, new String[] {"host", "x"});
    Engine engine = new Engine(Compiler.compile(cf, Settings.NONE));
    BtTranscript mine = new BtTranscript();
    StringBuilder input = new StringBuilder();
    for (String[] q : questions) {
      input.append(q[0]).append(' ').append(q[1]).append('\n');
      mine.prompt();
      engine.run(q[0], engine.inputTokens(q[1]), Map.of(), mine);
    }
    List<String> theirs = BtTranscript.ofSendmail(Oracle.sendmailBt(cf, input.toString())
        .stdout());
    List<String> ours = mine.lines.stream().map(String::stripTrailing).toList();
    // sendmail prompts once more, for the input that is not there
    assertThat(ours).isEqualTo(theirs.subList(0, theirs.size() - 1));
  }
}
