package io.accessctl.app;

import io.accessctl.serve.GroupStatus;
import io.accessctl.serve.PushChannel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A replication group seen from one member: asked through the member's running server, which
 * holds the store (JE allows one process) and talks to the other members.
 */
public final class GroupAdmin {
  private GroupAdmin() {}

  /**
   * This member's role and every member's state, map generations and lag.
   *
   * @throws IOException when no group member serves the store
   */
  public static GroupStatus status(Path store) throws IOException {
    return PushChannel.status(store);
  }

  /**
   * Removes a member from the group (it must be stopped; the master cannot remove itself), so
   * that the majority is counted without it.
   *
   * @throws IOException when no group member serves the store, or the group refuses
   */
  public static void remove(Path store, String member) throws IOException {
    PushChannel.remove(store, member);
  }
}
