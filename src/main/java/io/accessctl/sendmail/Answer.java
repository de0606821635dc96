package io.accessctl.sendmail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * sendmail's decision for one {@link Query}, and how it got there.
 *
 * @param query the question
 * @param ruleset the ruleset that makes the check ({@code try_tls}, {@code Basic_check_relay}, …)
 * @param name the name as the rules see it (trailing dot removed, address parsed, …)
 * @param addr the address as the rules see it, or empty when unknown
 * @param probes every key handed to the map, in order, up to the one that decided
 * @param match the probe whose value decided, if any
 * @param value the value after sendmail's %-substitution, split into tokens as the rules see it
 * @param effect what sendmail does
 * @param notes things said before the walk (what was assumed, what was changed in the input)
 * @param hints advice when nothing or something surprising matched
 * @param rules where the rules come from
 * @param steps the cf's rulesets that ran, in order, with what each returned (none for the
 *     {@code --no-cf} model)
 * @param problem why the answer is not sendmail's whole decision (the cf has no ruleset for the
 *     tag, its rules stopped on an error or did not finish), else empty
 */
public record Answer(Query query, String ruleset, String name, Optional<String> addr,
    List<Probe> probes, Optional<Probe> match, List<String> value, Effect effect,
    List<String> notes, List<String> hints, Rules rules, List<Step> steps,
    Optional<String> problem) {

  /**
   * One ruleset the check ran.
   *
   * @param ruleset its name
   * @param when when sendmail runs it ("at connection", "at RCPT time (delay_checks)", …)
   * @param arguments what it is called with (rscheck() joins them with {@code $|})
   * @param macros the macros of the session it runs in ({@code x} or {@code {name}})
   * @param returns the result as {@code sendmail -bt} prints it, or null when the ruleset stopped
   *     on an error or the cf does not define it
   * @param errors what sendmail would log while running it ({@code Infinite loop …})
   */
  public record Step(String ruleset, String when, List<String> arguments,
      Map<String, String> macros, String returns, List<String> errors) {}

  /** The stored value that decided (without a trailing NUL), if any. */
  public Optional<String> result() {
    return match.flatMap(Probe::value);
  }

  /**
   * The keys of this check, as stored (folded unless -f, cut to 256 bytes): those of the tag's
   * own walks up to the one that decided, or up to another check's key that decided (a local
   * rule's). The keys other checks of the same rules look up are in {@link #probes} and the
   * trace.
   */
  public List<String> tried() {
    // sized for all: a walk of more than ten keys would otherwise copy its list as it grows
    List<String> out = new ArrayList<>(probes.size());
    for (int i = 0; i < probes.size(); i++) { // no iterator: a batch asks this of every answer
      Probe p = probes.get(i);
      boolean decides = match.isPresent() && match.get() == p;
      if (!p.other() || decides) {
        out.add(p.storedKey());
      }
      if (decides) {
        break;
      }
    }
    return out;
  }
}
