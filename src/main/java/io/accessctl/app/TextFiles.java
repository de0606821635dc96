package io.accessctl.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/** Rewrites a text file the safe way: temp file beside it, fsync, rename; mode and owner kept. */
public final class TextFiles {
  private TextFiles() {}

  public static void replace(Path file, byte[] content) throws IOException {
    if (Files.isSymbolicLink(file)) {
      file = file.toRealPath();
    }
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".accessctl-fix");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(content));
        ch.force(true);
      }
      PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
      view.setPermissions(attrs.permissions());
      try {
        view.setOwner(attrs.owner());
        view.setGroup(attrs.group());
      } catch (IOException notPermitted) {
        // An ordinary user cannot give files away; the file stays theirs, as with any editor.
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
