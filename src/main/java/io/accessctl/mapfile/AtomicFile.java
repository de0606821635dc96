package io.accessctl.mapfile;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a file so that readers only ever see the old complete file or the new complete file.
 *
 * <p>{@link #replace(Path, IOConsumer)} does, in order:
 *
 * <ol>
 *   <li>refuses a target that is a symbolic link;
 *   <li>takes an exclusive lock on {@code .NAME.accessctl.lock} in the target's directory
 *       (an {@code fcntl} lock between processes, plus an in-process lock between threads), so
 *       that concurrent replacements of one target run one after the other; the lock file is
 *       removed again before the lock is released (see {@link #lock}), so that a replacement
 *       leaves nothing in the directory but the target (etckeeper commits whatever is there);
 *   <li>deletes stale temporary files {@code .NAME.accessctl-PID-RANDOM.tmp} left by killed runs:
 *       those whose process {@code PID} no longer exists;
 *   <li>creates {@code .NAME.accessctl-PID-RANDOM.tmp} in the same directory with {@code
 *       O_CREAT|O_EXCL} and mode 0640, to which the OS applies the umask (so a new target gets
 *       {@code 0640 & ~umask}, as makemap gives its files);
 *   <li>lets the body write the whole file through the channel, then {@code fsync}s it;
 *   <li>when the target exists, gives the temporary file the target's owner, group and permission
 *       bits (changing the owner needs root);
 *   <li>renames it over the target atomically, then {@code fsync}s the directory.
 * </ol>
 *
 * <p>On any exception (or an error thrown by the body) the temporary file is deleted and the
 * target is untouched. If the process dies instead, the target is still untouched, the lock goes
 * with the process, and the next replacement in that directory deletes the leftover temporary
 * file and lock file. A JVM shutdown (SIGTERM, SIGINT) while a body runs deletes its temporary file too.
 *
 * <p>A running sendmail keeps reading the file it opened; new sendmail processes open the new
 * one (see sendmail-access.md section 2.4).
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Like {@link java.util.function.Consumer}, but may throw {@link IOException}. */
  @FunctionalInterface
  public interface IOConsumer<T> {
    void accept(T t) throws IOException;
  }

  static final String TEMP_INFIX = ".accessctl-";
  static final String TEMP_SUFFIX = ".tmp";
  static final String LOCK_SUFFIX = ".accessctl.lock";
  private static final String NEW_FILE_MODE = "rw-r-----";
  private static final int RANDOM_BYTES = 6;

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();
  private static final Set<Path> LIVE_TEMPS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (Path p : LIVE_TEMPS) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort while the JVM exits; the next run deletes it as stale
        }
      }
    }, "accessctl-temp-cleanup"));
  }

  /**
   * Replaces {@code target} with what {@code body} writes to the channel it is given (positioned
   * at 0 of an empty file, readable and writable; do not close it).
   *
   * @throws IOException when the target is a symbolic link ("… is a symbolic link; refusing to
   *     write through it"), when the directory cannot be written, when the owner, group or mode of
   *     the old file cannot be given to the new one, when the thread is interrupted while it
   *     waits for another replacement of the target, or whatever the body throws
   */
  public static void replace(Path target, IOConsumer<FileChannel> body) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    String name = abs.getFileName().toString();
    refuseSymlink(abs);
    Path lockPath = realDirectory(dir).resolve("." + name + LOCK_SUFFIX);
    ReentrantLock threadLock = IN_PROCESS_LOCKS.computeIfAbsent(lockPath, p -> new ReentrantLock());
    try {
      threadLock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to replace " + abs);
    }
    try (HeldLock held = lock(lockPath)) {
      removeStaleTemps(dir, name);
      writeAndRename(abs, dir, name, body);
    } finally {
      threadLock.unlock();
    }
  }

  /**
   * Locks the lock file that the path names at the moment the lock is granted. Each holder
   * removes the file before it lets go, so a process that opened it earlier may be granted the
   * lock of a file no longer in the directory while another holds the new one: such a lock is
   * dropped and taken again. Whether the locked file is still the one the path names is asked of
   * the kernel through /proc/self/fd, without opening the file again (closing any descriptor of a
   * file drops every fcntl lock the process holds on it). Where that cannot be asked, the lock file
   * is left in place, which is always safe.
   */
  private static HeldLock lock(Path lockPath) throws IOException {
    while (true) {
      FileChannel ch = openLock(lockPath);
      boolean held = false;
      try {
        try {
          ch.lock(); // released when the channel closes
        } catch (ClosedByInterruptException | FileLockInterruptionException e) {
          removeIfUnheld(lockPath);
          throw new InterruptedIOException("interrupted while waiting to replace "
              + lockPath.getParent());
        }
        LockFiles.State state = LockFiles.state(lockPath);
        if (state != LockFiles.State.REPLACED) {
          held = true;
          return new HeldLock(ch, lockPath, state == LockFiles.State.CURRENT);
        }
      } finally {
        if (!held) {
          ch.close();
        }
      }
    }
  }

  /**
   * After an interrupted wait: the lock file this thread may have created is removed when nobody
   * holds it, by the same rule as a holder's (taken without waiting, and only while current), so a
   * refused or cancelled replacement leaves no file behind. The interrupt is kept for the caller.
   */
  private static void removeIfUnheld(Path lockPath) throws IOException {
    boolean interrupted = Thread.interrupted(); // a channel would refuse to work while it is set
    try (FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS)) {
      if (ch.tryLock() != null && LockFiles.state(lockPath) == LockFiles.State.CURRENT) {
        Files.deleteIfExists(lockPath);
      }
    } catch (NoSuchFileException e) {
      // another holder removed it
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A granted lock; closing it removes the lock file (when that is known to be safe) and lets go. */
  private record HeldLock(FileChannel channel, Path path, boolean removable) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        if (removable) {
          // Unlinked while still held: a waiter then granted the lock finds it replaced and
          // starts over on the current lock file.
          Files.deleteIfExists(path);
        }
      } finally {
        channel.close();
      }
    }
  }

  /** The kernel names a descriptor's file by its real path, which {@link LockFiles} compares. */
  private static Path realDirectory(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir; // opening the lock file will say what is wrong with the directory
    }
  }

  private static void refuseSymlink(Path abs) throws IOException {
    if (Files.isSymbolicLink(abs)) {
      throw new IOException(abs + " is a symbolic link; refusing to write through it");
    }
  }

  private static FileChannel openLock(Path lockPath) throws IOException {
    try {
      return FileChannel.open(lockPath, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS), newFileMode(lockPath));
    } catch (AccessDeniedException e) {
      throw new IOException("cannot open the lock file " + lockPath + " for writing: permission denied", e);
    }
  }

  private static FileAttribute<?>[] newFileMode(Path p) {
    if (!p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(NEW_FILE_MODE))
    };
  }

  private static void writeAndRename(Path abs, Path dir, String name, IOConsumer<FileChannel> body)
      throws IOException {
    Path temp = dir.resolve("." + name + TEMP_INFIX + ProcessHandle.current().pid() + "-"
        + HexFormat.of().formatHex(randomBytes()) + TEMP_SUFFIX);
    boolean done = false;
    LIVE_TEMPS.add(temp);
    try {
      try (FileChannel ch = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
          newFileMode(temp))) {
        body.accept(ch);
        ch.force(true);
      }
      copyOwnershipAndMode(abs, temp);
      refuseSymlink(abs);
      Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      syncDirectory(dir);
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
      LIVE_TEMPS.remove(temp);
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[RANDOM_BYTES];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  private static void copyOwnershipAndMode(Path target, Path temp) throws IOException {
    PosixFileAttributes old;
    try {
      old = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return; // a new file keeps 0640 & ~umask and the creator's owner and group
    } catch (UnsupportedOperationException e) {
      return; // not a POSIX file system: nothing to copy
    }
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributes now = view.readAttributes();
    try {
      if (!now.owner().equals(old.owner())) {
        view.setOwner(old.owner());
      }
      if (!now.group().equals(old.group())) {
        view.setGroup(old.group());
      }
    } catch (FileSystemException e) {
      throw new IOException("cannot give the new " + target + " the owner " + old.owner().getName()
          + " and group " + old.group().getName() + " of the old one (" + e.getReason() + ")", e);
    }
    Set<PosixFilePermission> mode = old.permissions();
    view.setPermissions(mode);
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  private static final Pattern PID_IN_TEMP = Pattern.compile("(\\d+)-[0-9a-f]+" + Pattern.quote(TEMP_SUFFIX));

  /**
   * Deletes {@code .NAME.accessctl-PID-*.tmp} files whose process has gone. Called with the lock
   * held, so no live accessctl process can be writing one of them.
   */
  static void removeStaleTemps(Path dir, String name) throws IOException {
    String prefix = "." + name + TEMP_INFIX;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
        e -> e.getFileName().toString().startsWith(prefix))) {
      for (Path e : entries) {
        Matcher m = PID_IN_TEMP.matcher(e.getFileName().toString().substring(prefix.length()));
        if (!m.matches() || LIVE_TEMPS.contains(e)) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException tooLong) {
          continue;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        Files.deleteIfExists(e);
      }
    }
  }
}
