package com.osmosecollective.node.p2p.nes;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Writes and reads the binary nes frame of ARK's {@code hapi-nes/utils.ts}: a 14-byte big-endian
 * header, then path, socket id and payload. The decoder checks the caller's frame limit first and
 * every length against the bytes present, so it never allocates more than the frame it was given.
 */
public final class NesFrameCodec {
  /** What ARK's server accepts in one WebSocket message. */
  public static final int SERVER_MAX_FRAME_BYTES = 20 * 1024 * 1024;

  /** ARK's client default (raised to the server limit only while a getBlocks answer is awaited). */
  public static final int CLIENT_DEFAULT_MAX_FRAME_BYTES = 100 * 1024;

  static final int HEADER_BYTES = 14;

  private final int maxFrameBytes;

  public NesFrameCodec(int maxFrameBytes) {
    if (maxFrameBytes < HEADER_BYTES) {
      throw new IllegalArgumentException("frame limit below the header size: " + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  public byte[] encode(NesFrame frame) {
    byte[] path = frame.path().getBytes(StandardCharsets.UTF_8);
    byte[] socket = frame.socket().getBytes(StandardCharsets.UTF_8);
    ByteBuffer out =
        ByteBuffer.allocate(HEADER_BYTES + path.length + socket.length + frame.payload().length());
    out.put((byte) frame.version());
    out.put((byte) frame.type().code());
    out.putInt((int) frame.id());
    out.putShort((short) frame.statusCode());
    out.put((byte) path.length);
    out.put((byte) socket.length);
    out.putShort((short) frame.heartbeatInterval());
    out.putShort((short) frame.heartbeatTimeout());
    out.put(path);
    out.put(socket);
    out.put(frame.payload().toArray());
    return out.array();
  }

  public NesFrame decode(byte[] frame) throws DecodeException {
    if (frame.length > maxFrameBytes) {
      throw new DecodeException(
          "nes frame of " + frame.length + " bytes exceeds the limit of " + maxFrameBytes);
    }
    if (frame.length < HEADER_BYTES) {
      throw new DecodeException("nes frame of " + frame.length + " bytes is below the header size");
    }
    ByteBuffer in = ByteBuffer.wrap(frame);
    int version = in.get() & 0xff;
    NesFrameType type = NesFrameType.fromCode(in.get() & 0xff);
    long id = in.getInt() & 0xffff_ffffL;
    int statusCode = in.getShort() & 0xffff;
    int pathLength = in.get() & 0xff;
    int socketLength = in.get() & 0xff;
    int interval = in.getShort() & 0xffff;
    int timeout = in.getShort() & 0xffff;
    if (pathLength > NesFrame.MAX_PATH_BYTES) {
      throw new DecodeException("nes path length " + pathLength + " exceeds 100");
    }
    if (socketLength > NesFrame.MAX_SOCKET_BYTES) {
      throw new DecodeException("nes socket length " + socketLength + " exceeds 100");
    }
    if (pathLength + socketLength > in.remaining()) {
      throw new DecodeException(
          "nes path and socket need "
              + (pathLength + socketLength)
              + " bytes, "
              + in.remaining()
              + " left");
    }
    String path = utf8(frame, HEADER_BYTES, pathLength, "path");
    String socket = utf8(frame, HEADER_BYTES + pathLength, socketLength, "socket");
    int payloadOffset = HEADER_BYTES + pathLength + socketLength;
    Bytes payload = Bytes.of(frame, payloadOffset, frame.length - payloadOffset);
    return new NesFrame(version, type, id, statusCode, path, socket, interval, timeout, payload);
  }

  // Route ids and socket ids are ASCII in practice; refusing malformed UTF-8 keeps re-encoding
  // byte-exact instead of silently substituting U+FFFD as Node's Buffer.toString would.
  private static String utf8(byte[] data, int offset, int length, String what)
      throws DecodeException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DecodeException("nes " + what + " is not valid UTF-8");
    }
  }
}
