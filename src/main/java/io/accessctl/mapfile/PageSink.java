package io.accessctl.mapfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * Hands out zeroed pages in strictly ascending page order and writes them to a channel in large
 * chunks. Asking for a page out of order is a layout bug and fails loudly, which keeps the
 * writers' page-numbering passes honest.
 */
final class PageSink {
  private static final int CHUNK_BYTES = 1 << 20;

  private final WritableByteChannel out;
  private final int pageSize;
  private final ByteOrder order;
  private final ByteBuffer chunk;
  private final byte[] zeros;
  private int nextPgno;

  PageSink(WritableByteChannel out, int pageSize, ByteOrder order) {
    this.out = out;
    this.pageSize = pageSize;
    this.order = order;
    // On the heap: the writers put a million short keys and values into pages, and a bulk put
    // into a direct buffer is a native copy each (C1, which compile runs with, does not inline
    // it; C2 did), where a heap buffer's is an array copy. The FileChannel then copies each
    // chunk once to a direct buffer of its own, which costs far less.
    this.chunk = ByteBuffer.allocate(Math.max(CHUNK_BYTES, pageSize));
    this.zeros = new byte[pageSize];
  }

  int pageSize() {
    return pageSize;
  }

  /** The next page, all zero, in the file's byte order; {@code pgno} must be the next number. */
  ByteBuffer page(int pgno) throws IOException {
    if (pgno != nextPgno) {
      throw new IllegalStateException("internal layout error: writing page " + pgno
          + " but the next page in the file is " + nextPgno);
    }
    if (chunk.remaining() < pageSize) {
      flush();
    }
    int at = chunk.position();
    ByteBuffer p = chunk.slice(at, pageSize).order(order);
    p.put(0, zeros);
    chunk.position(at + pageSize);
    nextPgno++;
    return p;
  }

  /** Number of pages handed out so far. */
  int pages() {
    return nextPgno;
  }

  /** Writes out everything handed out so far. */
  void flush() throws IOException {
    chunk.flip();
    while (chunk.hasRemaining()) {
      out.write(chunk);
    }
    chunk.clear();
  }

  /** Flushes and checks that the file has exactly {@code expectedPages} pages. */
  void finish(int expectedPages) throws IOException {
    if (nextPgno != expectedPages) {
      throw new IllegalStateException("internal layout error: wrote " + nextPgno
          + " pages, planned " + expectedPages);
    }
    flush();
  }
}
