package io.accessctl.serve;

import java.io.IOException;
import java.time.Duration;

/**
 * Where a push made on a group member goes: into the store when this node is the master, else to
 * the master's push address. While the group has no master (an election), it waits a bounded time
 * for one; a push is a whole map, so trying it again after a lost connection is harmless.
 */
public final class GroupPush implements PushChannel.Receiver {
  private static final long RETRY_MILLIS = 200;

  private final Store store;
  private final GroupNode node;
  private final Duration wait;

  /**
   * @param wait how long a push waits for a master before it is refused
   */
  public GroupPush(Store store, Duration wait) {
    this.store = store;
    this.node = store.node().orElseThrow();
    this.wait = wait;
  }

  @Override
  public MapInfo push(String map, MapContent content) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    String last = "no master is elected";
    while (true) {
      try {
        if (node.isMaster()) {
          return store.replace(map, content);
        }
        var to = node.masterPushAddress();
        var secret = node.pushSecret();
        if (to.isPresent() && secret.isPresent()) {
          return PushChannel.push(to.get(), secret.get(), map, content);
        }
        if (secret.isEmpty()) {
          last = "the group's push secret has not reached this member yet";
        }
      } catch (NotMasterException e) {
        last = e.getMessage();
      } catch (PushChannel.Unreachable e) {
        last = "the master " + node.master().orElse("?") + " does not answer: " + e.getMessage();
      }
      if (System.nanoTime() > deadline) {
        throw new NoMajorityException("group " + node.group().name() + " has no master "
            + "that takes the push after " + wait.toSeconds() + " s (" + last + ")", false, null);
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for a master", e);
      }
    }
  }
}
