package io.accessctl.serve;

import com.sleepycat.je.Database;
import com.sleepycat.je.DatabaseConfig;
import com.sleepycat.je.DatabaseEntry;
import com.sleepycat.je.DatabaseException;
import com.sleepycat.je.LockMode;
import com.sleepycat.je.OperationStatus;
import com.sleepycat.je.Durability;
import com.sleepycat.je.EnvironmentConfig;
import com.sleepycat.je.EnvironmentLockedException;
import com.sleepycat.je.rep.InsufficientLogException;
import com.sleepycat.je.rep.NetworkRestore;
import com.sleepycat.je.rep.NetworkRestoreConfig;
import com.sleepycat.je.rep.NoConsistencyRequiredPolicy;
import com.sleepycat.je.rep.ReplicatedEnvironment;
import com.sleepycat.je.rep.ReplicationConfig;
import com.sleepycat.je.rep.ReplicationNode;
import com.sleepycat.je.rep.MasterStateException;
import com.sleepycat.je.rep.MemberActiveException;
import com.sleepycat.je.rep.MemberNotFoundException;
import com.sleepycat.je.rep.NodeState;
import com.sleepycat.je.rep.ReplicationGroup;
import com.sleepycat.je.rep.UnknownMasterException;
import com.sleepycat.je.rep.util.ReplicationGroupAdmin;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One member of a replication group: the JE {@link ReplicatedEnvironment} a store runs on, the
 * role it has now, and the thread that makes the store follow what replication applies.
 *
 * <p>Reads never wait for the group ({@link NoConsistencyRequiredPolicy}): a replica answers from
 * what it has, also while no master is elected, because a stale answer is better than deferred
 * mail. A node with a store that already holds data comes up even when it cannot reach the group
 * within the join timeout (JE's unknown state) and joins when the others are back.
 */
public final class GroupNode implements Closeable, PushChannel.Admin {
  /** A push commits when it is on the master's disk and a simple majority has it. */
  static final Durability MAJORITY = new Durability(Durability.SyncPolicy.SYNC,
      Durability.SyncPolicy.WRITE_NO_SYNC, Durability.ReplicaAckPolicy.SIMPLE_MAJORITY);
  private static final long FOLLOW_MILLIS = 50;
  private static final int STATUS_TIMEOUT_MILLIS = 2000;
  /** A group's own records: the push secret. */
  private static final String GROUP_DB = "accessctl.group";
  private static final String SECRET_KEY = "push-secret";
  /** JE's words for a store of another group and for an address another member holds. */
  private static final java.util.regex.Pattern OTHER_GROUP =
      java.util.regex.Pattern.compile("expected group name: (\\S+)");
  private static final java.util.regex.Pattern TAKEN_ADDRESS =
      java.util.regex.Pattern.compile("socket already used by the member: (\\S+)");
  private static final java.util.regex.Pattern ACTIVE_MEMBER =
      java.util.regex.Pattern.compile("delete an active node");
  /** Recovering a store that holds data may take this long beyond the join timeout. */
  private static final long GRACE_MILLIS = 10_000;

  /** The node's role now. */
  public enum Role { MASTER, REPLICA, UNKNOWN }

  private final Group group;
  private final ReplicatedEnvironment env;
  private final Consumer<String> log;
  private volatile String master;
  private volatile Role role = Role.UNKNOWN;
  private Thread follower;
  private volatile Database groupDb;
  private volatile Runnable onInvalid = () -> { };
  private volatile java.util.function.Supplier<Map<String, Long>> generations = Map::of;
  private volatile boolean closed;

  private GroupNode(Group group, ReplicatedEnvironment env, Consumer<String> log) {
    this.group = group;
    this.env = env;
    this.log = log;
  }

  /**
   * Opens the node's environment in {@code dir}, joining the group. A node that has been away
   * longer than the others kept their logs is first brought up to date by a network restore.
   *
   * @throws IOException with one line that says what is wrong
   */
  static GroupNode join(Path dir, Group group, Duration timeout, Consumer<String> log)
      throws IOException {
    boolean fresh = !Store.isStore(dir);
    ReplicatedEnvironment env;
    try {
      env = openWithin(dir, group, timeout, fresh ? 500 : GRACE_MILLIS);
    } catch (InsufficientLogException e) {
      log.accept("this node is too far behind the group: copying the store from a member "
          + "(network restore)");
      long t0 = System.nanoTime();
      try {
        new NetworkRestore().execute(e, new NetworkRestoreConfig().setRetainLogFiles(false));
      } catch (DatabaseException | IllegalArgumentException re) {
        throw new IOException(dir + ": network restore failed: " + Store.firstLine(re), re);
      }
      log.accept("network restore done in " + (System.nanoTime() - t0) / 1_000_000
          + " ms; joining the group");
      try {
        env = openWithin(dir, group, timeout, GRACE_MILLIS);
      } catch (DatabaseException | IllegalArgumentException again) {
        throw problem(dir, group, again);
      }
    } catch (DatabaseException | IllegalArgumentException | IllegalStateException
        | UnsupportedOperationException e) {
      throw problem(dir, group, e);
    }
    if (fresh && env.getState().isUnknown()) {
      closeQuietly(env);
      throw noHelper(group, timeout);
    }
    GroupNode n = new GroupNode(group, env, log);
    env.setStateChangeListener(event -> n.changed(event.getState(),
        event.getState().isReplica() ? event.getMasterNodeName() : null));
    return n;
  }

  /**
   * JE keeps asking the helpers of a node that never joined beyond its setup timeout; the open
   * runs in a thread of its own so that the command can give up and say why. The abandoned
   * thread ends with the process.
   */
  private static ReplicatedEnvironment openWithin(Path dir, Group group, Duration timeout,
      long graceMillis) throws IOException {
    java.util.concurrent.CompletableFuture<ReplicatedEnvironment> f =
        new java.util.concurrent.CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(open(dir, group, timeout));
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, "group-join");
    t.setDaemon(true);
    t.start();
    try {
      return f.get(timeout.toMillis() + graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw noHelper(group, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while joining group " + group.name(), e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(Store.firstLine(e.getCause()), e.getCause());
    }
  }

  private static ReplicatedEnvironment open(Path dir, Group group, Duration timeout) {
    EnvironmentConfig ec = new EnvironmentConfig().setAllowCreate(true).setTransactional(true);
    ec.setDurability(MAJORITY);
    ec.setCachePercent(40);
    ec.setConfigParam(EnvironmentConfig.STATS_COLLECT, "false");
    ec.setConfigParam(EnvironmentConfig.FILE_LOGGING_LEVEL, "WARNING");
    ec.setConfigParam(EnvironmentConfig.CONSOLE_LOGGING_LEVEL, "OFF");
    ReplicationConfig rc = new ReplicationConfig(group.name(), group.node(),
        Group.hostPort(group.address()));
    rc.setHelperHosts(group.helperHosts());
    rc.setConsistencyPolicy(NoConsistencyRequiredPolicy.NO_CONSISTENCY);
    String millis = Math.max(1, timeout.toMillis()) + " ms";
    rc.setConfigParam(ReplicationConfig.ENV_SETUP_TIMEOUT, millis);
    rc.setConfigParam(ReplicationConfig.ENV_UNKNOWN_STATE_TIMEOUT, millis);
    return new ReplicatedEnvironment(dir.toFile(), rc, ec);
  }

  /**
   * Why a node could not join. JE tells a node that asks with another group's name nothing but
   * silence, so the helpers are probed: one that listens is up but did not take this node.
   */
  private static IOException noHelper(Group group, Duration timeout) {
    List<String> listening = new ArrayList<>();
    for (Endpoint h : group.helpers()) {
      if (!h.equals(group.address()) && h.answers(Duration.ofSeconds(1))) {
        listening.add(Group.hostPort(h));
      }
    }
    String why = listening.isEmpty()
        ? " (nothing listens there: helpers down or unreachable); the first node of a new group "
            + "names itself as its helper"
        : ", though " + String.join(", ", listening) + " listens: a wrong group name, or a "
            + "group without a master (most of its members down)?";
    return new IOException("group " + group.name() + ": no member answered at "
        + group.helperHosts() + " within " + timeout.toSeconds() + " s" + why);
  }

  private static IOException problem(Path dir, Group group, RuntimeException e) {
    if (e instanceof EnvironmentLockedException) {
      return new Store.LockedException(dir + ": the store is open for writing in another "
          + "process (a running accessctl serve?)", e);
    }
    String why = Store.firstLine(e);
    java.util.regex.Matcher m = OTHER_GROUP.matcher(why);
    if (m.find()) {
      why = "the store belongs to group " + m.group(1) + ", not " + group.name();
    }
    m = TAKEN_ADDRESS.matcher(why);
    if (m.find()) {
      why = "the address " + Group.hostPort(group.address()) + " belongs to member "
          + m.group(1) + " of the group; a member keeps its name";
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof java.net.BindException) {
        why = "the node address " + Group.hostPort(group.address()) + " is in use";
      }
    }
    return new IOException(dir + ": cannot join group " + group.name() + " as "
        + group.node() + ": " + why, e);
  }

  private void changed(ReplicatedEnvironment.State state, String masterName) {
    Role now = state.isMaster() ? Role.MASTER : state.isReplica() ? Role.REPLICA : Role.UNKNOWN;
    master = state.isMaster() ? group.node() : masterName;
    if (now != role) {
      role = now;
      log.accept("group " + group.name() + ": node " + group.node() + " is "
          + switch (now) {
            case MASTER -> "the master";
            case REPLICA -> "a replica of " + masterName;
            case UNKNOWN -> "without a master (answering from its replica)";
          });
    }
  }

  ReplicatedEnvironment environment() {
    return env;
  }

  public Group group() {
    return group;
  }

  public Role role() {
    return role;
  }

  boolean isMaster() {
    return env.isValid() && env.getState().isMaster();
  }

  /** The master's name, when one is known. */
  public Optional<String> master() {
    return Optional.ofNullable(master);
  }

  /** Where the master takes forwarded pushes, when a master is known. */
  public Optional<Endpoint> masterPushAddress() {
    String m = master;
    if (m == null) {
      return Optional.empty();
    }
    try {
      ReplicationNode n = env.getGroup().getMember(m);
      if (n == null) {
        return Optional.empty();
      }
      InetSocketAddress a = n.getSocketAddress();
      return Optional.of(Group.pushAddressOf(Endpoint.inet(n.getHostName(), a.getPort())));
    } catch (DatabaseException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** Publishes the generations this member serves, for every member's status. */
  void publish(java.util.function.Supplier<Map<String, Long>> generations) {
    this.generations = generations;
    env.registerAppStateMonitor(() -> GroupStatus.encodeGenerations(generations.get())
        .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public GroupStatus status() {
    ReplicationGroup rg = env.getGroup();
    List<ReplicationNode> nodes = new ArrayList<>(rg.getElectableNodes());
    nodes.sort(Comparator.comparing(ReplicationNode::getName));
    Set<InetSocketAddress> sockets = new HashSet<>();
    nodes.forEach(n -> sockets.add(n.getSocketAddress()));
    ReplicationGroupAdmin admin = new ReplicationGroupAdmin(group.name(), sockets);
    List<GroupStatus.Member> members = new ArrayList<>();
    for (ReplicationNode n : nodes) {
      String address = Group.hostPort(Endpoint.inet(n.getHostName(), n.getPort()));
      try {
        NodeState st = admin.getNodeState(n, STATUS_TIMEOUT_MILLIS);
        byte[] app = st.getAppState();
        long lag = st.getNodeState().isMaster() ? 0 : st.getKnownMasterTxnEndVLSN() > 0
            ? Math.max(0, st.getKnownMasterTxnEndVLSN() - st.getCurrentTxnEndVLSN()) : -1;
        members.add(new GroupStatus.Member(n.getName(), address,
            st.getNodeState().name().toLowerCase(Locale.ROOT),
            GroupStatus.decodeGenerations(app == null ? null
                : new String(app, StandardCharsets.UTF_8)), lag));
      } catch (Exception e) {
        // JE's connect failure is a checked exception of an internal class
        members.add(new GroupStatus.Member(n.getName(), address, "unreachable", Map.of(), -1));
      }
    }
    return new GroupStatus(group.name(), group.node(),
        role.name().toLowerCase(Locale.ROOT), master, members);
  }

  @Override
  public void remove(String member) throws IOException {
    Set<InetSocketAddress> sockets = new HashSet<>();
    env.getGroup().getElectableNodes().forEach(n -> sockets.add(n.getSocketAddress()));
    try {
      // Deleted, not JE's "removed": a removed name can never join again, and a rebuilt machine
      // should be able to come back under its old name through group add.
      new ReplicationGroupAdmin(group.name(), sockets).deleteMember(member);
    } catch (MemberActiveException e) {
      throw running(member, e);
    } catch (MemberNotFoundException e) {
      throw new IOException("group " + group.name() + " has no member " + member, e);
    } catch (MasterStateException e) {
      throw new IOException(member + " is the master of group " + group.name()
          + ": stop it first, and remove it once another member is elected", e);
    } catch (UnknownMasterException e) {
      throw new IOException("group " + group.name() + " has no master to change its membership",
          e);
    } catch (DatabaseException e) {
      // the master's refusal of a member in contact arrives as JE's generic failure
      if (ACTIVE_MEMBER.matcher(Store.firstLine(e)).find()) {
        throw running(member, e);
      }
      throw new IOException("cannot remove " + member + ": " + Store.firstLine(e), e);
    }
  }

  private static IOException running(String member, Exception e) {
    return new IOException(member + " is running: stop it first, then remove it", e);
  }

  /**
   * The group's push secret: what a replica shows the master when it forwards a push, so that
   * only a member (whose store is readable by its owner alone) can push over the network. The
   * master creates it; replication brings it to every member.
   */
  public Optional<String> pushSecret() {
    Database db = groupDb;
    if (db == null) {
      return Optional.empty();
    }
    DatabaseEntry v = new DatabaseEntry();
    try {
      OperationStatus st = db.get(null, Store.utf8(SECRET_KEY), v, LockMode.READ_UNCOMMITTED);
      return st == OperationStatus.SUCCESS
          ? Optional.of(new String(v.getData(), StandardCharsets.US_ASCII)) : Optional.empty();
    } catch (DatabaseException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** On the master, creates the push secret if the group has none yet. */
  void ensurePushSecret() {
    try {
      if (groupDb == null) {
        groupDb = env.openDatabase(null, GROUP_DB, new DatabaseConfig().setTransactional(true)
            .setAllowCreate(isMaster()));
      }
      if (isMaster() && pushSecret().isEmpty()) {
        createPushSecret();
      }
    } catch (DatabaseException | IllegalStateException e) {
      // a replica before the master made it, no majority yet, or the role is changing: the
      // next round tries again
    }
  }

  private void createPushSecret() {
    byte[] b = new byte[32];
    new java.security.SecureRandom().nextBytes(b);
    groupDb.put(null, Store.utf8(SECRET_KEY), new DatabaseEntry(
        java.util.HexFormat.of().formatHex(b).getBytes(StandardCharsets.US_ASCII)));
  }

  /** Runs {@code r} once when JE has invalidated the environment, instead of following. */
  public void onInvalid(Runnable r) {
    onInvalid = r;
  }

  /** Runs {@code refresh} now and then until closed. */
  void follow(Runnable refresh) {
    follower = new Thread(() -> {
      while (!closed) {
        if (!env.isValid()) {
          // JE invalidates a member that must roll back what it committed (a master that lost
          // an election with a push the others never had) or that failed: only a new open
          // recovers it, so the process ends and its supervisor starts it again.
          log.accept("group " + group.name() + ": node " + group.node() + " must be restarted "
              + "to rejoin (JE closed its environment); stopping");
          onInvalid.run();
          return;
        }
        try {
          refresh.run();
          Thread.sleep(FOLLOW_MILLIS);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // the environment is changing role or closing; try again on the next round
        }
      }
    }, "group-follow");
    follower.setDaemon(true);
    follower.start();
  }

  @Override
  public void close() {
    stopFollowing();
    Store.closeQuietly(groupDb);
    closeQuietly(env);
  }

  void stopFollowing() {
    closed = true;
    // Not interrupt(): JE invalidates an environment whose thread is interrupted inside it.
    if (follower != null && follower != Thread.currentThread()) {
      try {
        follower.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeQuietly(ReplicatedEnvironment env) {
    try {
      env.close();
    } catch (DatabaseException | IllegalStateException e) {
      // a handle a stuck reader still holds; JE closes the files regardless
    }
  }
}
