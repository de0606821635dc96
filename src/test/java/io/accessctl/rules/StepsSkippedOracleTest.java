package io.accessctl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.testutil.Oracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    StringBuilder input = new StringBuilder();
    for (String[] q : questions) {
      input.append(q[0]).append(' ').append(q[1]).append('\n');
    }
    String[] blocks = Oracle.sendmailBt(cf, input.toString()).stdout().split("\n> ", -1);
    RulesetLookup lookup = RulesetLookup.open(cf, Map.of());
    for (int i = 0; i < questions.size(); i++) {
      String[] q = questions.get(i);
      String block = blocks[i + 1];
      Matcher m = Pattern.compile("(?m)^" + Pattern.quote(q[0]) + " +returns: ?(.*)$")
          .matcher(block);
      String printed = null;
      while (m.find()) {
        printed = m.group(1);
      }
      assertThat(printed).as("sendmail printed:\n%s", block).isNotNull();
      assertThat(lookup.ask(q[0], q[1]).result()).as("%s %s; sendmail printed:\n%s", q[0],
          q[1], block).isEqualTo(printed);
    }
  }
}
