package io.accessctl.rules;

import java.util.List;
import java.util.Map;

/**
 * A {@code sequence} class map: its member maps asked in order, the first that finds the key
 * answering; a member that failed for now makes a miss a temporary failure.
 */
final class SequenceMap implements MapClass {
  private final String[] members;
  /** The maps of the compiled cf, by name, where the members are found when looked up. */
  private final Map<String, MapClass> maps;

  SequenceMap(String[] members, Map<String, MapClass> maps) {
    this.members = members;
    this.maps = maps;
  }

  /** The same sequence over other maps of the same names (another engine's). */
  SequenceMap over(Map<String, MapClass> others) {
    return new SequenceMap(members, others);
  }

  @Override
  public Result lookup(String key, List<String> args, Macros macros) {
    boolean tempfail = false;
    for (String member : members) {
      MapClass m = maps.get(member);
      if (m == null) {
        continue;
      }
      Result r = m.lookup(key, args, macros);
      if (r.found()) {
        return r;
      }
      tempfail |= r.tempfail();
    }
    return new Result(null, tempfail, null);
  }
}
