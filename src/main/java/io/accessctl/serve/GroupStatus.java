package io.accessctl.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one member knows about its replication group: its own role, and each member's state,
 * the map generations it has applied and how far it lags behind the master.
 *
 * @param group the group name
 * @param node the member that answered
 * @param role master, replica or unknown (no master known)
 * @param master the master's name, or null while none is known
 * @param members every electable member, in the group's order
 */
public record GroupStatus(String group, String node, String role, String master,
    List<Member> members) {

  /**
   * One member as it answered.
   *
   * @param state master, replica, unknown, detached, or unreachable (it did not answer)
   * @param generations the generation of each map it serves
   * @param lag replication entries it has yet to apply of what it knows the master has, or -1
   */
  public record Member(String name, String address, String state, Map<String, Long> generations,
      long lag) {
    public Member {
      generations = Map.copyOf(generations);
    }
  }

  public GroupStatus {
    members = List.copyOf(members);
  }

  /** The lines sent over the push channel. */
  String encode() {
    StringBuilder b = new StringBuilder();
    b.append("group ").append(group).append(' ').append(node).append(' ').append(role).append(' ')
        .append(master == null ? "-" : master).append('\n');
    for (Member m : members) {
      b.append("member ").append(m.name()).append(' ').append(m.address()).append(' ')
          .append(m.state()).append(' ').append(m.lag()).append(' ')
          .append(encodeGenerations(m.generations())).append('\n');
    }
    return b.toString();
  }

  static GroupStatus decode(String text) {
    String[] lines = text.split("\n");
    String[] h = lines[0].split(" ");
    List<Member> members = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(" ");
      members.add(new Member(f[1], f[2], f[3], decodeGenerations(f[5]), Long.parseLong(f[4])));
    }
    return new GroupStatus(h[1], h[2], h[3], h[4].equals("-") ? null : h[4], members);
  }

  /** {@code map=gen,map=gen}, or {@code -} for none: the app state a member publishes. */
  static String encodeGenerations(Map<String, Long> g) {
    if (g.isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    g.forEach((k, v) -> parts.add(k + "=" + v));
    parts.sort(null);
    return String.join(",", parts);
  }

  static Map<String, Long> decodeGenerations(String s) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (s == null || s.isEmpty() || s.equals("-")) {
      return out;
    }
    for (String p : s.split(",")) {
      int eq = p.indexOf('=');
      if (eq > 0) {
        try {
          out.put(p.substring(0, eq), Long.parseLong(p.substring(eq + 1)));
        } catch (NumberFormatException ignored) {
          // a newer member's field
        }
      }
    }
    return out;
  }
}
