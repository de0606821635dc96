package io.accessctl.serve;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A socketmap client over one persistent connection, asking one request at a time as sendmail
 * does. Not thread-safe: one per thread.
 */
public final class SocketmapClient implements Closeable {
  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;
  private final int maxReply;

  public SocketmapClient(Endpoint endpoint) throws IOException {
    this(endpoint, Reply.POSTFIX_MAX_REPLY);
  }

  public SocketmapClient(Endpoint endpoint, int maxReply) throws IOException {
    this.channel = endpoint.connect();
    this.in = new BufferedInputStream(Channels.newInputStream(channel));
    this.out = Channels.newOutputStream(channel);
    this.maxReply = maxReply;
  }

  /** Asks {@code map} for {@code key} (sent as is: the server folds and cuts it). */
  public Reply lookup(String map, String key) throws IOException {
    return lookup(map, key.getBytes(StandardCharsets.ISO_8859_1));
  }

  public Reply lookup(String map, byte[] key) throws IOException {
    byte[] m = map.getBytes(StandardCharsets.ISO_8859_1);
    byte[] req = new byte[m.length + 1 + key.length];
    System.arraycopy(m, 0, req, 0, m.length);
    req[m.length] = ' ';
    System.arraycopy(key, 0, req, m.length + 1, key.length);
    return exchange(req);
  }

  /** Sends one raw request payload and reads the reply. */
  public Reply exchange(byte[] requestPayload) throws IOException {
    send(Netstring.encode(requestPayload));
    return receive();
  }

  /** Writes raw bytes (for tests of malformed input). */
  public void send(byte[] raw) throws IOException {
    out.write(raw);
    out.flush();
  }

  /** Reads one reply; EOFException when the server has closed the connection. */
  public Reply receive() throws IOException {
    byte[] payload = Netstring.read(in, maxReply);
    if (payload == null) {
      throw new EOFException("the server closed the connection");
    }
    return Reply.parse(payload);
  }

  /** True when the server has closed the connection (reads the next byte; use after a reply). */
  public boolean closedByServer() throws IOException {
    return in.read() < 0;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
