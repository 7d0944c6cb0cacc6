package com.osmosecollective.node.p2p.nes;

import com.osmosecollective.node.core.encoding.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One ARK Core 3 "nes" message (spec §7.1). Every field fits its slot in the 14-byte header: the
 * version byte, a u32 id, a u16 status code, path and socket id of at most 100 UTF-8 bytes each,
 * and u16 heartbeat interval and timeout in milliseconds. The payload is the rest of the frame.
 */
public record NesFrame(
    int version,
    NesFrameType type,
    long id,
    int statusCode,
    String path,
    String socket,
    int heartbeatInterval,
    int heartbeatTimeout,
    Bytes payload) {

  /** The version byte ARK's client puts in its hello; every other frame carries 0. */
  public static final int HELLO_VERSION = 2;

  public static final int STATUS_OK = 200;

  /**
   * The only error status ARK answers with a frame ("App is not ready"); others drop the socket.
   */
  public static final int STATUS_GRACEFUL_ERROR = 499;

  public static final int MAX_PATH_BYTES = 100;
  public static final int MAX_SOCKET_BYTES = 100;

  public NesFrame {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(payload, "payload");
    requireRange("version", version, 0xff);
    requireRange("id", id, 0xffff_ffffL);
    requireRange("statusCode", statusCode, 0xffff);
    requireRange("heartbeatInterval", heartbeatInterval, 0xffff);
    requireRange("heartbeatTimeout", heartbeatTimeout, 0xffff);
    requireRange("path length", utf8Length(path), MAX_PATH_BYTES);
    requireRange("socket length", utf8Length(socket), MAX_SOCKET_BYTES);
  }

  /** The hello a client opens with. */
  public static NesFrame hello(long id) {
    return new NesFrame(
        HELLO_VERSION, NesFrameType.HELLO, id, STATUS_OK, "", "", 0, 0, Bytes.EMPTY);
  }

  /** The server's answer to a hello: the socket id it assigned and its heartbeat settings. */
  public static NesFrame helloReply(long id, String socket, int interval, int timeout) {
    return new NesFrame(
        0, NesFrameType.HELLO, id, STATUS_OK, "", socket, interval, timeout, Bytes.EMPTY);
  }

  /** A request to a route ({@code p2p.peer.getStatus}, ...) with its codec bytes. */
  public static NesFrame request(long id, String route, Bytes payload) {
    return new NesFrame(0, NesFrameType.REQUEST, id, STATUS_OK, route, "", 0, 0, payload);
  }

  /** The answer to request {@code id}. */
  public static NesFrame response(long id, int statusCode, Bytes payload) {
    return new NesFrame(0, NesFrameType.REQUEST, id, statusCode, "", "", 0, 0, payload);
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void requireRange(String what, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " must be within 0.." + max + ": " + value);
    }
  }
}
