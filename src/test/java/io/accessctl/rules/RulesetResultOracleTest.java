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
 * When {@code lookup --ruleset} has a result and when it says null: as {@code sendmail -bt}
 * prints a {@code returns:} line for the ruleset asked, or none. Recursion too deep stops only
 * the innermost call; its callers go on and return (with status 78), so the ruleset asked has a
 * result and an error. An expansion too long stops the ruleset asked: no result.
 */
@Tag("oracle")
class RulesetResultOracleTest {
  @TempDir Path dir;

  @Test
  void resultIsNullExactlyWhereSendmailPrintsNoReturnsLine() throws Exception {
    Oracle.require(Oracle.SENDMAIL);
    Path cf = dir.resolve("t.cf");
    Files.writeString(cf, String.join("\n",
        "V10/Berkeley",
        "Sloop",
        "R$*\t$1 $1",
        "Sa",
        "R$*\t$: $>b $1",
        "Sb",
        "R$*\t$: $>a $1",
        "Sdeep",
        "R$*\t$: < $>a $1 >",
        "Swrap",
        "R$*\t$: [ $>loop $1 ]",
        "Sid",
        "R$*\t$: $1", ""));
    List<String[]> questions = List.of(new String[] {"a", "x"}, new String[] {"deep", "x y"},
        new String[] {"a,id", "x.y"}, new String[] {"loop", "x"},
        new String[] {"wrap", "x"}, new String[] {"id,loop", "x"});
    StringBuilder input = new StringBuilder();
    for (String[] q : questions) {
      input.append(q[0]).append(' ').append(q[1]).append('\n');
    }
    String[] blocks = Oracle.sendmailBt(cf, input.toString()).stdout().split("\n> ", -1);
    RulesetLookup lookup = RulesetLookup.open(cf, Map.of());
    for (int i = 0; i < questions.size(); i++) {
      String[] q = questions.get(i);
      String block = blocks[i + 1];
      String[] list = q[0].split(",");
      Matcher m = Pattern.compile("(?m)^" + Pattern.quote(list[list.length - 1])
          + " +returns: ?(.*)$").matcher(block);
      String printed = null;
      while (m.find()) {
        printed = m.group(1);
      }
      RulesetLookup.Reply reply = lookup.ask(q[0], q[1]);
      assertThat(reply.result()).as("%s %s; sendmail printed:\n%s", q[0], q[1], block)
          .isEqualTo(printed);
      assertThat(reply.error() != null).as("%s %s: an error as sendmail reports a status; "
          + "sendmail printed:\n%s", q[0], q[1], block).isEqualTo(block.contains("status"));
    }
  }
}
