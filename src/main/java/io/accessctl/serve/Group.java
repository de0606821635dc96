package io.accessctl.serve;

import java.util.List;
import java.util.regex.Pattern;

/**
 * This node's place in a replication group (JE High Availability): the group's name, the node's
 * name and replication address, and the members it asks to join through.
 *
 * <p>Each node also listens on its {@link #pushAddress() push address}, the replication host
 * and the next port, where replicas forward pushes to the master. One port is derived rather
 * than configured so that every node can find the master's from the group's own member list.
 *
 * @param name the group name; every member uses the same one
 * @param node this node's name, unique in the group
 * @param address this node's replication address
 * @param helpers other members' replication addresses (this node's own starts a new group)
 */
public record Group(String name, String node, Endpoint address, List<Endpoint> helpers) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  public Group {
    check("group", name);
    check("node", node);
    if (address.isUnix() || address.port() < 1 || address.port() > 65534) {
      throw new IllegalArgumentException("the node address must be HOST:PORT with a port from 1 "
          + "to 65534 (the next port takes forwarded pushes), not " + address);
    }
    helpers = helpers.isEmpty() ? List.of(address) : List.copyOf(helpers);
    for (Endpoint h : helpers) {
      if (h.isUnix()) {
        throw new IllegalArgumentException("a helper must be HOST:PORT, not " + h);
      }
    }
  }

  private static void check(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException("the " + what + " name \"" + value + "\" must be 1 to 64 "
          + "letters, digits, '_', '.' or '-' (and start with a letter or digit)");
    }
  }

  /** Where a node whose replication address is {@code replication} takes forwarded pushes. */
  public static Endpoint pushAddressOf(Endpoint replication) {
    return Endpoint.inet(replication.host(), replication.port() + 1);
  }

  public Endpoint pushAddress() {
    return pushAddressOf(address);
  }

  /** HOST:PORT as JE writes node addresses (an IPv6 host in brackets). */
  public static String hostPort(Endpoint e) {
    return (e.host().contains(":") ? "[" + e.host() + "]" : e.host()) + ":" + e.port();
  }

  /** The helpers as JE's helper-hosts parameter and {@code serve --helper} write them. */
  public String helperHosts() {
    return String.join(",", helpers.stream().map(Group::hostPort).toList());
  }
}
