package com.osmosecollective.node.p2p.hostile;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.nes.NesFrameCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A hand-driven WebSocket client for hostile-peer tests: it binds a chosen loopback address (so
 * bans fall on it, not on 127.0.0.1) and writes whatever bytes and frames a test wants. Public for
 * acceptance-tests (p2p's test-jar), which aim it at real processes.
 */
public final class RawPeer implements AutoCloseable {
  public static final int TEXT = 1;
  public static final int BINARY = 2;
  public static final int PING = 9;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Random random = new Random(7);
  private final NesFrameCodec codec = new NesFrameCodec(NesFrameCodec.SERVER_MAX_FRAME_BYTES);

  private RawPeer(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** A TCP connection from {@code from} to the node, nothing sent yet. */
  public static RawPeer tcp(String from, int port) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(5000);
    return new RawPeer(socket);
  }

  /** Whether a new connection from {@code from} is closed by the node before anything is read. */
  public static boolean refused(String from, int port) {
    try (RawPeer peer = tcp(from, port)) {
      return peer.closedByPeer();
    } catch (IOException e) {
      return true;
    }
  }

  /** A WebSocket upgraded from {@code from}; fails when the server refuses. */
  public static RawPeer websocket(String from, int port) throws IOException {
    RawPeer peer = tcp(from, port);
    peer.write(
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    String head = peer.readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + head);
    }
    return peer;
  }

  /** A WebSocket that also did the nes hello. */
  public static RawPeer nes(String from, int port) throws IOException {
    RawPeer peer = websocket(from, port);
    peer.sendNes(NesFrame.hello(1));
    NesFrame hello = peer.readNes();
    if (hello == null) {
      throw new IOException("no hello answer");
    }
    return peer;
  }

  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The HTTP answer to an upgrade written by hand with {@link #write} (blocks until it ends). */
  public String readUpgradeAnswer() throws IOException {
    return readHead();
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the upgrade: " + head);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** One masked client frame. */
  public void sendFrame(int opcode, byte[] payload, boolean fin) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | opcode);
    int length = payload.length;
    if (length < 126) {
      frame.write(0x80 | length);
    } else if (length < 65536) {
      frame.write(0x80 | 126);
      frame.write(length >>> 8);
      frame.write(length);
    } else {
      frame.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        frame.write((int) ((long) length >>> (8 * i)));
      }
    }
    byte[] mask = new byte[4];
    random.nextBytes(mask);
    frame.write(mask, 0, 4);
    for (int i = 0; i < length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    write(frame.toByteArray());
  }

  /** Only the header of a masked binary frame announcing {@code length} payload bytes. */
  public void sendFrameHeaderOnly(long length) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | BINARY);
    frame.write(0x80 | 127);
    for (int i = 7; i >= 0; i--) {
      frame.write((int) (length >>> (8 * i)));
    }
    frame.write(new byte[4], 0, 4);
    write(frame.toByteArray());
  }

  public void sendNes(NesFrame frame) throws IOException {
    sendFrame(BINARY, codec.encode(frame), true);
  }

  public void request(long id, String route, byte[] payload) throws IOException {
    sendNes(NesFrame.request(id, route, Bytes.of(payload)));
  }

  /** The next binary frame decoded as nes (pings skipped), or null when the socket closed. */
  public NesFrame readNes() throws IOException {
    try {
      return readNesOrThrow();
    } catch (java.net.SocketException e) {
      return null;
    }
  }

  private NesFrame readNesOrThrow() throws IOException {
    while (true) {
      int b0 = in.read();
      if (b0 < 0) {
        return null;
      }
      int b1 = in.read();
      if (b1 < 0) {
        return null;
      }
      long length = b1 & 0x7f;
      if (length == 126) {
        length = (in.read() << 8) | in.read();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | in.read();
        }
      }
      byte[] payload = in.readNBytes((int) length);
      if (payload.length < length) {
        return null;
      }
      if ((b0 & 0x0f) == 8) {
        return null;
      }
      try {
        NesFrame frame = codec.decode(payload);
        if (frame.type() != com.osmosecollective.node.p2p.nes.NesFrameType.PING) {
          return frame;
        }
      } catch (com.osmosecollective.node.core.encoding.DecodeException e) {
        throw new IOException(e);
      }
    }
  }

  /** Whether the node closed the socket (a read ends, or resets) within the read timeout. */
  public boolean closedByPeer() {
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
