package io.accessctl.serve;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/** The socket files of Unix-domain listeners: stale ones replaced, ours removed on shutdown. */
final class UnixSockets {
  private UnixSockets() {}

  /**
   * Makes way for a listener at {@code path}: a socket file nobody listens on (a killed server's)
   * is removed; a live socket, or a file that is not a socket, is refused.
   */
  static void clearStale(Path path) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    }
    if (!a.isOther()) {
      throw new IOException(path + ": exists and is not a socket; not replacing it");
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(path));
      throw new IOException(path + ": another server is listening on it");
    } catch (java.net.SocketException stale) {
      Files.deleteIfExists(path);
    }
  }

  /** The identity of the socket file, to remove only our own on shutdown. */
  static Object fileKey(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  static void removeIfOurs(Path path, Object key) {
    try {
      if (key != null && Objects.equals(fileKey(path), key)) {
        Files.deleteIfExists(path);
      }
    } catch (IOException ignored) {
      // best effort; the next server replaces a stale file anyway
    }
  }
}
