package io.accessctl.app.makemap;

import io.accessctl.mapfile.AtomicFile;
import io.accessctl.mapfile.MapFormat;
import io.accessctl.mapfile.MapReader;
import io.accessctl.mapfile.Record;
import io.accessctl.mapfile.WriteOptions;
import io.accessctl.source.AccessParser;
import io.accessctl.source.AccessSource;
import io.accessctl.source.Bytes;
import io.accessctl.source.Entry;
import io.accessctl.source.SyntaxIssue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * makemap's build: the input's records, with the old map's first under -o, stored as makemap
 * stores them (a repeated key is an error, or replaces with -r, or is kept with -d), every bad
 * line reported in input order, then the file written and given to TrustedUser.
 */
final class MakemapBuild {
  private final MakemapFlags flags;
  private final String mapName;
  private final String cannotOpen;
  private final Transcript t;

  MakemapBuild(MakemapFlags flags, String mapName, String cannotOpen, Transcript t) {
    this.flags = flags;
    this.mapName = mapName;
    this.cannotOpen = cannotOpen;
    this.t = t;
  }

  MakemapResult build(MapFormat format, SafeFile.Target target, int trustedUid, byte[] input) {
    AccessSource src = new AccessParser(flags.parseOptions()).parse(mapName, input);
    List<Record> records = new ArrayList<>();
    if (flags.append) {
      try (MapReader r = MapReader.open(target.path())) {
        r.forEach((k, v) -> records.add(new Record(k, v)));
      } catch (IOException | UncheckedIOException e) {
        t.err(cannotOpen + "Invalid argument");
        return t.end(Sysexits.CANT_CREATE);
      }
    }
    Map<ByteBuffer, Integer> index = new HashMap<>();
    boolean existingDuplicates = false;
    for (int i = 0; i < records.size(); i++) {
      existingDuplicates |= index.putIfAbsent(ByteBuffer.wrap(records.get(i).key()), i) != null;
    }
    int status = Sysexits.OK;
    List<SyntaxIssue> issues = src.issues().stream()
        .filter(i -> i.kind() != SyntaxIssue.Kind.DUPLICATE_KEY).toList();
    int next = 0;
    for (Entry e : src.entries()) {
      while (next < issues.size() && issues.get(next).line() < e.lineNumber()) {
        status = report(issues.get(next++));
      }
      Record rec = new Record(Bytes.bytes(e.storedKey(), flags.nul),
          Bytes.bytes(e.value(), flags.nul));
      if (flags.verbose) {
        t.out("key=`" + Bytes.cString(rec.key()) + "', val=`" + Bytes.cString(rec.value()) + "'");
      }
      Integer seen = index.putIfAbsent(ByteBuffer.wrap(rec.key()), records.size());
      if (seen == null || flags.duplicates) {
        records.add(rec);
      } else if (flags.replace) {
        records.set(seen, rec);
      } else {
        t.err(Makemap.PROG + ": " + mapName + ": line " + e.lineNumber() + ": key "
            + Bytes.cString(rec.key()) + ": duplicate key");
        status = Sysexits.DATA_ERROR;
      }
    }
    while (next < issues.size()) {
      status = report(issues.get(next++));
    }
    WriteOptions wo = WriteOptions.defaults()
        .withAllowDuplicates(flags.duplicates || existingDuplicates);
    try {
      if (target.hardLinked()) {
        writeInPlace(target.path(), ch -> format.writer().write(records, ch, wo));
      } else {
        AtomicFile.replace(target.path(), ch -> format.writer().write(records, ch, wo));
      }
    } catch (IOException e) {
      t.err(cannotOpen + Strerror.of(e));
      return t.end(Sysexits.CANT_CREATE);
    } catch (IllegalArgumentException e) {
      t.err(Makemap.PROG + ": " + mapName + ": put error: " + e.getMessage());
      return t.end(Sysexits.IO_ERROR);
    }
    if (trustedUid != 0) {
      try {
        Files.setAttribute(target.path(), "unix:uid", trustedUid, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        t.errUnterminated("WARNING: ownership change on " + mapName + " failed "
            + Strerror.of(e));
      }
    }
    return t.end(status);
  }

  /** makemap -s through a hard link: truncate and rewrite the shared inode, as makemap does. */
  private static void writeInPlace(Path file, AtomicFile.IOConsumer<FileChannel> body)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING)) {
      body.accept(ch);
      ch.force(true);
    }
  }

  private int report(SyntaxIssue issue) {
    t.err(Makemap.PROG + ": " + mapName + ": line " + issue.line() + ": "
        + Bytes.asPrinted(issue.makemapMessage()));
    return Sysexits.DATA_ERROR;
  }
}
