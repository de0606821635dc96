package io.accessctl.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One tag of the access map and everything sendmail does with it.
 *
 * @param name canonical spelling ({@code Try_TLS})
 * @param ruleset the ruleset in proto.m4 that looks it up
 * @param side where the check runs
 * @param lookup the stages of the lookup, in order
 * @param untaggedToo the "+" mark: at every step the untagged key is tried after the tagged one
 * @param value the right-hand-side grammar
 * @param flags the flag letters for FEATURE_FLAGS tags, else empty
 * @param since the sendmail version that brought the tag
 * @param feature the m4 FEATURE (or option) the lookups need besides access_db, or ""
 * @param summary one line for people
 */
public record Tag(
    String name, String ruleset, Side side, List<Step> lookup, boolean untaggedToo, ValueKind value,
    List<Flag> flags, String since, String feature, String summary) {

  public boolean hasBareDefault() {
    return lookup.contains(Step.BARE);
  }

  /** True when host or domain names are looked up (so name keys can match). */
  public boolean looksUpNames() {
    return lookup.contains(Step.HOST) || lookup.contains(Step.MAIL_DOMAIN);
  }

  /** True when IP addresses are looked up. */
  public boolean looksUpAddresses() {
    return lookup.contains(Step.ADDRESS);
  }

  public boolean looksUpMailAddresses() {
    return lookup.contains(Step.MAIL_ADDRESS) || lookup.contains(Step.LOCAL_PART);
  }

  public Optional<Flag> flag(char letter) {
    // by index, not a stream (its first use linked a lambda: ms at start-up) nor an iterator
    // (lint asks this of every letter of every Srv_Features or Clt_Features entry)
    for (int i = 0; i < flags.size(); i++) {
      Flag f = flags.get(i);
      if (f.letter() == letter) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
