package io.accessctl.serve;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Netstrings ({@code LEN ":" BYTES ","}, D. J. Bernstein), the framing of the socketmap protocol.
 *
 * <p>{@link Decoder} reads them incrementally from whatever bytes have arrived (the server's
 * non-blocking loops); {@link #read(InputStream, int)} reads one from a blocking stream (clients).
 * Both refuse a length above a limit before reading the payload, so a peer cannot make us
 * allocate what it announces.
 */
public final class Netstring {
  /** A length needs no more digits than this: 10 digits already exceed any limit we accept. */
  static final int MAX_DIGITS = 10;
  private static final byte COLON = ':';
  private static final byte COMMA = ',';

  private Netstring() {}

  /** Thrown for bytes that are not a netstring, or one longer than allowed. */
  public static final class MalformedException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedException(String message) {
      super(message);
    }
  }

  /** The netstring of {@code payload}. */
  public static byte[] encode(byte[] payload) {
    byte[] len = Integer.toString(payload.length).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[len.length + 1 + payload.length + 1];
    System.arraycopy(len, 0, out, 0, len.length);
    out[len.length] = COLON;
    System.arraycopy(payload, 0, out, len.length + 1, payload.length);
    out[out.length - 1] = COMMA;
    return out;
  }

  /** Writes the netstring of {@code payload} (not flushed). */
  public static void write(OutputStream out, byte[] payload) throws IOException {
    out.write(encode(payload));
  }

  /**
   * Reads one netstring from a blocking stream.
   *
   * @return the payload, or null at a clean end of stream before the first byte
   * @throws MalformedException for a bad netstring or one longer than {@code maxLength}
   * @throws EOFException when the stream ends inside a netstring
   */
  public static byte[] read(InputStream in, int maxLength) throws IOException {
    Decoder d = new Decoder(maxLength);
    ByteBuffer one = ByteBuffer.allocate(1);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (d.inProgress()) {
          throw new EOFException("connection closed inside a netstring");
        }
        return null;
      }
      one.clear();
      one.put((byte) b).flip();
      byte[] payload = d.next(one);
      if (payload != null) {
        return payload;
      }
      if (d.inData()) {
        // The length is known: read the payload in one go.
        byte[] rest = in.readNBytes(d.remaining());
        if (rest.length < d.remaining()) {
          throw new EOFException("connection closed inside a netstring");
        }
        payload = d.next(ByteBuffer.wrap(rest));
        if (payload != null) {
          return payload;
        }
      }
    }
  }

  /** An incremental netstring parser: feed it what has arrived, take out whole payloads. */
  public static final class Decoder {
    private enum State { LENGTH, DATA, COMMA }

    private final int maxLength;
    private State state = State.LENGTH;
    private int digits;
    private long length;
    private byte[] payload;
    private int filled;

    public Decoder(int maxLength) {
      this.maxLength = maxLength;
    }

    /** True when part of a netstring has been read and the rest is awaited. */
    public boolean inProgress() {
      return state != State.LENGTH || digits > 0;
    }

    boolean inData() {
      return state == State.DATA;
    }

    int remaining() {
      return payload.length - filled;
    }

    /**
     * Consumes bytes of {@code in} up to the end of the first complete netstring.
     *
     * @return its payload, or null when {@code in} ran out first (call again with more)
     * @throws MalformedException when the bytes are not a netstring or announce more than the
     *     limit; the stream cannot be resynchronised after that
     */
    public byte[] next(ByteBuffer in) throws MalformedException {
      while (in.hasRemaining()) {
        switch (state) {
          case LENGTH -> {
            byte b = in.get();
            if (b >= '0' && b <= '9') {
              if (++digits > MAX_DIGITS) {
                throw new MalformedException("netstring length has more than " + MAX_DIGITS
                    + " digits");
              }
              length = length * 10 + (b - '0');
              if (length > maxLength) {
                throw new MalformedException("netstring length exceeds the limit of "
                    + maxLength + " bytes");
              }
            } else if (b == COLON && digits > 0) {
              payload = new byte[(int) length];
              filled = 0;
              state = payload.length == 0 ? State.COMMA : State.DATA;
            } else {
              throw new MalformedException(digits == 0
                  ? "expected the digits of a netstring length, got " + describe(b)
                  : "expected ':' after the netstring length, got " + describe(b));
            }
          }
          case DATA -> {
            int n = Math.min(in.remaining(), payload.length - filled);
            in.get(payload, filled, n);
            filled += n;
            if (filled == payload.length) {
              state = State.COMMA;
            }
          }
          case COMMA -> {
            byte b = in.get();
            if (b != COMMA) {
              throw new MalformedException("expected ',' after " + payload.length
                  + " bytes of netstring, got " + describe(b));
            }
            byte[] done = payload;
            reset();
            return done;
          }
          default -> throw new AssertionError(state);
        }
      }
      return null;
    }

    private void reset() {
      state = State.LENGTH;
      digits = 0;
      length = 0;
      payload = null;
      filled = 0;
    }

    private static String describe(byte b) {
      int v = b & 0xff;
      return v >= 0x21 && v < 0x7f ? "'" + (char) v + "'" : String.format("byte 0x%02x", v);
    }
  }
}
