package io.accessctl.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Where a socketmap server listens: a Unix-domain socket or a TCP address, written the ways
 * sendmail ({@code local:/run/x.sock}, {@code unix:…}, {@code inet:PORT@HOST}, {@code
 * inet6:PORT@HOST}) and people ({@code /run/x.sock}, {@code 127.0.0.1:PORT}, {@code [::1]:PORT})
 * write it.
 *
 * @param path the socket file, or null for TCP
 * @param host the TCP host, or null for a Unix socket
 * @param port the TCP port (0: any free port, when binding)
 */
public record Endpoint(Path path, String host, int port) {

  public static Endpoint unix(Path path) {
    return new Endpoint(path, null, 0);
  }

  public static Endpoint inet(String host, int port) {
    return new Endpoint(null, host, port);
  }

  public boolean isUnix() {
    return path != null;
  }

  /** Parses any of the accepted forms. */
  public static Endpoint parse(String spec) {
    String s = spec.trim();
    for (String p : new String[] {"local:", "unix:"}) {
      if (s.startsWith(p)) {
        return unix(Path.of(s.substring(p.length())));
      }
    }
    for (String p : new String[] {"inet:", "inet6:"}) {
      if (s.startsWith(p)) {
        String rest = s.substring(p.length());
        int at = rest.indexOf('@');
        if (at < 0) {
          throw new IllegalArgumentException("\"" + spec + "\": expected " + p + "PORT@HOST");
        }
        return inet(rest.substring(at + 1), port(spec, rest.substring(0, at)));
      }
    }
    if (s.startsWith("/") || s.startsWith(".")) {
      return unix(Path.of(s));
    }
    int colon = s.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("\"" + spec + "\": expected HOST:PORT, a socket path, "
          + "local:/PATH or inet:PORT@HOST");
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return inet(host, port(spec, s.substring(colon + 1)));
  }

  private static int port(String spec, String p) {
    try {
      int n = Integer.parseInt(p);
      if (n < 0 || n > 65535) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + spec + "\": port \"" + p + "\" is not 0-65535");
    }
  }

  public SocketAddress address() {
    return isUnix() ? UnixDomainSocketAddress.of(path) : new InetSocketAddress(host, port);
  }

  public StandardProtocolFamily family() {
    if (isUnix()) {
      return StandardProtocolFamily.UNIX;
    }
    return host.contains(":") ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
  }

  /** A connected, blocking channel to this endpoint. */
  public SocketChannel connect() throws IOException {
    return SocketChannel.open(address());
  }

  /**
   * True when something accepts a TCP connection here within {@code timeout}: the address is in
   * use, as seen from this machine.
   */
  public boolean answers(java.time.Duration timeout) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** True when both TCP endpoints name one host: the same name, or names of the same address. */
  public boolean sameHost(Endpoint other) {
    if (host.equalsIgnoreCase(other.host)) {
      return true;
    }
    try {
      return java.net.InetAddress.getByName(host)
          .equals(java.net.InetAddress.getByName(other.host));
    } catch (java.net.UnknownHostException | SecurityException e) {
      return false;
    }
  }

  /** The endpoint as sendmail's K line and Milter sockets write it. */
  public String sendmailSpec() {
    if (isUnix()) {
      return "local:" + path;
    }
    return (host.contains(":") ? "inet6:" : "inet:") + port + "@" + host;
  }

  /** Postfix's table name for map {@code map} behind this endpoint. */
  public String postfixSpec(String map) {
    if (isUnix()) {
      return "socketmap:unix:" + path + ":" + map;
    }
    return "socketmap:inet:" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + ":"
        + map;
  }

  @Override
  public String toString() {
    return sendmailSpec();
  }
}
