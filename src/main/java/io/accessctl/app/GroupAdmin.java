package io.accessctl.app;

import io.accessctl.serve.Endpoint;
import io.accessctl.serve.Group;
import io.accessctl.serve.GroupStatus;
import io.accessctl.serve.PushChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A replication group seen from one member: asked through the member's running server, which
 * holds the store (JE allows one process) and talks to the other members.
 */
public final class GroupAdmin {
  /** How long an address may take to answer before it counts as free. */
  private static final Duration PROBE = Duration.ofSeconds(1);
  private static final long POLL_MILLIS = 500;

  private GroupAdmin() {}

  /**
   * The group cannot take a member now: it has no master, or too few members are in contact with
   * it to commit the new member (JE adds one with the group's majority, like a push).
   */
  public static final class NotReady extends IOException {
    private static final long serialVersionUID = 1L;

    NotReady(String message) {
      super(message);
    }
  }

  /** The new member's name or address is another's, or something else listens at the address. */
  public static final class Taken extends IOException {
    private static final long serialVersionUID = 1L;

    Taken(String message) {
      super(message);
    }
  }

  /** The member did not join within the time it was given. */
  public static final class NotJoined extends IOException {
    private static final long serialVersionUID = 1L;

    NotJoined(String message) {
      super(message);
    }
  }

  /**
   * A member the group can take: how it joins. JE adds a member when it first reaches the master
   * through a helper; nothing is registered before.
   *
   * @param member the new member's place: the group, its name and address, and as helpers every
   *     member the group has now
   * @param master the master that will add it
   * @param already the member's state when it is a member already, else empty
   */
  public record Admission(Group member, String master, Optional<String> already) {
    /** {@code accessctl serve ARGUMENTS} as one shell line, with {@code accessctl} as given. */
    public String serveCommand(String accessctl, Path store, Path socket) {
      StringBuilder b = new StringBuilder(PreCommitHook.shellQuote(accessctl)).append(" serve");
      serveArguments(store, socket).forEach(a -> b.append(' ').append(PreCommitHook.shellQuote(a)));
      return b.toString();
    }

    /** The serve arguments the new member runs with (after {@code accessctl serve}). */
    public List<String> serveArguments(Path store, Path socket) {
      return List.of("--store", store.toString(), "--socket", socket.toString(),
          "--socket-mode", "0660", "--group", member.name(), "--node", member.node(),
          "--node-address", Group.hostPort(member.address()), "--helper", member.helperHosts());
    }
  }

  /**
   * This member's role and every member's state, map generations and lag.
   *
   * @throws IOException when no group member serves the store
   */
  public static GroupStatus status(Path store) throws IOException {
    return PushChannel.status(store);
  }

  /**
   * Checks that the group of the member serving {@code store} can take a new member {@code node}
   * at {@code address}: the group has a master, no other member has the name or the address, and
   * nothing answers at the address or its push port (as seen from this machine), and a majority
   * of the members is in contact with the master.
   *
   * @throws IllegalArgumentException for a name or address no member may have
   * @throws NotReady when the group has no master now, or too few members are up
   * @throws Taken when the name, the address or its port is another's
   * @throws IOException when no group member serves the store
   */
  public static Admission admit(Path store, String node, Endpoint address) throws IOException {
    GroupStatus s = status(store);
    List<Endpoint> helpers = new ArrayList<>();
    Optional<String> already = Optional.empty();
    for (GroupStatus.Member m : s.members()) {
      Endpoint at = Endpoint.parse(m.address());
      boolean sameAddress = sameAddress(at, address);
      if (m.name().equals(node) && !sameAddress) {
        throw new Taken("group " + s.group() + " has a member " + node + " at " + m.address()
            + "; a member keeps its address: choose another name, or group remove " + node
            + " first");
      }
      if (!m.name().equals(node) && sameAddress) {
        throw new Taken(Group.hostPort(address) + " is the address of member " + m.name()
            + " of group " + s.group());
      }
      if (m.name().equals(node)) {
        already = Optional.of(m.state());
      } else {
        helpers.add(at);
      }
    }
    Group member = new Group(s.group(), node, address, helpers);
    if (s.master() == null) {
      throw new NotReady("group " + s.group() + " has no master now, so it cannot take a member: "
          + "start its members until a majority is up");
    }
    long up = s.members().stream()
        .filter(m -> m.state().equals("master") || m.state().equals("replica")).count();
    if (up * 2 <= s.members().size()) {
      throw new NotReady("group " + s.group() + " cannot take a member now: " + up + " of its "
          + s.members().size() + " members are in contact with master " + s.master()
          + ", and a majority must be");
    }
    if (already.isEmpty()) {
      for (Endpoint e : List.of(address, member.pushAddress())) {
        if (e.answers(PROBE)) {
          throw new Taken(Group.hostPort(e) + " is in use: something answers there already");
        }
      }
    }
    return new Admission(member, s.master(), already);
  }

  /**
   * Waits until {@code node} is a member in contact with the group (a replica or the master).
   *
   * @return its state
   * @throws NotJoined when it is not within {@code wait}
   * @throws IOException when no group member serves the store any more
   */
  public static String awaitJoined(Path store, String node, Duration wait) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      for (GroupStatus.Member m : status(store).members()) {
        if (m.name().equals(node) && (m.state().equals("replica") || m.state().equals("master"))) {
          return m.state();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new NotJoined(node + " did not join the group within " + wait.toSeconds() + " s");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + node, e);
      }
    }
  }

  /**
   * Removes a member from the group (it must be stopped; the master cannot remove itself), so
   * that the majority is counted without it. Its name may join again.
   *
   * @throws IOException when no group member serves the store, or the group refuses
   */
  public static void remove(Path store, String member) throws IOException {
    PushChannel.remove(store, member);
  }

  private static boolean sameAddress(Endpoint a, Endpoint b) {
    return a.port() == b.port() && a.sameHost(b);
  }
}
