package com.osmosecollective.node.p2p.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.p2p.codec.GetStatusCodec;
import com.osmosecollective.node.p2p.codec.InternalJsonCodec;
import com.osmosecollective.node.p2p.message.GetStatusRequest;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.nes.NesFrameType;
import com.osmosecollective.node.p2p.node.TestNetwork;
import com.osmosecollective.node.p2p.node.TestNode;
import com.osmosecollective.node.p2p.transport.TransportLimits;
import com.osmosecollective.node.p2p.transport.Violation;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile peers against one node, one test per advisory class of ark-advisories.md: each sender
 * binds its own loopback address (127.0.0.N), so its ban does not touch 127.0.0.1. Every test
 * checks that the sender is disconnected, counted and banned, and that the node keeps serving.
 */
@Timeout(120)
class HostilePeersIT {
  @TempDir static Path dir;
  private static TestNode node;
  private static int port;

  @BeforeAll
  static void startNode() throws Exception {
    TestNetwork net = TestNetwork.create();
    node = TestNode.open(net, dir.resolve("node"));
    node.forgeUntil(10, 1000);
    TransportLimits limits = TransportLimits.ark();
    node.startP2p(
        TestNode.settings("node-under-attack")
            .withBans(1, Duration.ofHours(1))
            .withLimits(
                new TransportLimits(
                    limits.serverMaxFrameBytes(),
                    limits.clientMaxFrameBytes(),
                    limits.clientDefaultResponseBytes(),
                    limits.maxHttpHeaderBytes(),
                    Duration.ofSeconds(1),
                    limits.heartbeatInterval(),
                    limits.heartbeatTimeout(),
                    limits.inboundBudgetBytes())));
    port = node.p2p.boundAddress().getPort();
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  private static byte[] getStatus() {
    return GetStatusCodec.encodeRequest(new GetStatusRequest(new Headers("3.9.1")));
  }

  /** The sender was cut off and banned, and the node still answers an honest peer. */
  private static void assertPunishedAndNodeServes(RawPeer peer, String ip, Violation violation)
      throws Exception {
    assertThat(peer.closedByPeer()).as("socket closed by the node").isTrue();
    InetAddress address = InetAddress.getByName(ip);
    await().atMost(Duration.ofSeconds(5)).until(() -> node.p2p.reputation().isBanned(address));
    assertThat(node.p2p.reputation().firstViolation(address)).contains(violation);
    // a banned IP is refused at accept (SV-028, SV-036)
    assertThat(RawPeer.refused(ip, port)).as("banned IP refused at accept").isTrue();
    try (RawPeer honest = RawPeer.nes("127.0.0.1", port)) {
      honest.request(2, GetStatusCodec.ROUTE, getStatus());
      NesFrame answer = honest.readNes();
      assertThat(answer).isNotNull();
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(GetStatusCodec.decodeResponse(answer.payload().toArray()).state().height())
          .isEqualTo(10);
    }
  }

  @Test
  @DisplayName("SV-027: a frame that is not nes ends the socket and bans the sender")
  void garbageFrame() throws Exception {
    try (RawPeer peer = RawPeer.websocket("127.0.0.11", port)) {
      peer.sendFrame(RawPeer.BINARY, "this is not a nes frame".getBytes(), true);
      assertPunishedAndNodeServes(peer, "127.0.0.11", Violation.BAD_FRAME);
    }
  }

  @Test
  @DisplayName("SV-031: a truncated nes frame (path longer than the frame) is a violation")
  void truncatedFrame() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.12", port)) {
      byte[] frame =
          new com.osmosecollective.node.p2p.nes.NesFrameCodec(1 << 20)
              .encode(NesFrame.request(2, GetStatusCodec.ROUTE, Bytes.of(getStatus())));
      peer.sendFrame(RawPeer.BINARY, Arrays.copyOf(frame, 20), true);
      assertPunishedAndNodeServes(peer, "127.0.0.12", Violation.BAD_FRAME);
    }
  }

  @Test
  @DisplayName("SV-059: a frame announcing more than 20 MiB is refused before its payload")
  void oversizedFrame() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.13", port)) {
      peer.sendFrameHeaderOnly(21L * 1024 * 1024);
      assertPunishedAndNodeServes(peer, "127.0.0.13", Violation.OVERSIZE);
    }
  }

  @Test
  @DisplayName("SV-033: a request above its route's size cap is refused before decoding")
  void requestAboveRouteCap() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.14", port)) {
      peer.request(2, GetStatusCodec.ROUTE, new byte[2048]);
      assertPunishedAndNodeServes(peer, "127.0.0.14", Violation.OVERSIZE);
    }
  }

  @Test
  @DisplayName("SV-032: a replayed hello on the same socket is a violation")
  void replayedHello() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.15", port)) {
      peer.sendNes(NesFrame.hello(2));
      assertPunishedAndNodeServes(peer, "127.0.0.15", Violation.BAD_FRAME);
    }
  }

  @Test
  @DisplayName("SV-040: a slow peer that never upgrades is closed at the handshake deadline")
  void slowHandshake() throws Exception {
    try (RawPeer peer = RawPeer.tcp("127.0.0.16", port)) {
      peer.write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      assertPunishedAndNodeServes(peer, "127.0.0.16", Violation.HANDSHAKE);
    }
  }

  @Test
  @DisplayName("SV-040: an upgraded socket that never says hello is closed at the deadline")
  void slowHello() throws Exception {
    try (RawPeer peer = RawPeer.websocket("127.0.0.17", port)) {
      assertPunishedAndNodeServes(peer, "127.0.0.17", Violation.HANDSHAKE);
    }
  }

  @Test
  @DisplayName("SV-064: a text frame ends the socket")
  void textFrame() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.18", port)) {
      peer.sendFrame(RawPeer.TEXT, "{\"hello\":1}".getBytes(), true);
      assertPunishedAndNodeServes(peer, "127.0.0.18", Violation.FRAME_TYPE);
    }
  }

  @Test
  @DisplayName("SV-030: a WebSocket ping is never answered with a pong; it is a violation")
  void webSocketPing() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.19", port)) {
      peer.sendFrame(RawPeer.PING, new byte[] {1, 2, 3}, true);
      assertThat(peer.readNes()).as("no pong, no frame at all").isNull();
      assertPunishedAndNodeServes(peer, "127.0.0.19", Violation.FRAME_TYPE);
    }
  }

  @Test
  @DisplayName("SV-026: an unknown route ends the socket before its payload is decoded")
  void unknownRoute() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.20", port)) {
      peer.request(2, "p2p.peer.getApiNodes", new byte[] {1, 2, 3});
      assertPunishedAndNodeServes(peer, "127.0.0.20", Violation.UNKNOWN_ROUTE);
    }
  }

  @Test
  @DisplayName("SV-067/SV-071: a payload that is not the route's protobuf message is a violation")
  void badProtobufPayload() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.21", port)) {
      peer.request(2, "p2p.blocks.getBlocks", new byte[] {(byte) 0xff, (byte) 0xff, 0x0f});
      assertPunishedAndNodeServes(peer, "127.0.0.21", Violation.DECODING);
    }
  }

  @Test
  @DisplayName("SV-029/SV-063: an internal route from outside remote access bans the caller")
  void internalRouteFromOutside() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.22", port)) {
      peer.request(2, InternalJsonCodec.GET_NETWORK_STATE, "{}".getBytes());
      assertPunishedAndNodeServes(peer, "127.0.0.22", Violation.UNAUTHORISED_INTERNAL);
    }
  }

  @Test
  @DisplayName("SV-004: X-Forwarded-For is ignored; the socket's address decides")
  void forwardedForIgnored() throws Exception {
    try (RawPeer peer = RawPeer.tcp("127.0.0.23", port)) {
      peer.write(
          ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 127.0.0.1\r\n"
                  + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  + "Sec-WebSocket-Version: 13\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      // the 101 answer first (read, not slept for), then a hello and an internal call
      assertThat(peer.readUpgradeAnswer()).startsWith("HTTP/1.1 101");
      peer.sendNes(NesFrame.hello(1));
      peer.request(2, InternalJsonCodec.GET_NETWORK_STATE, "{}".getBytes());
      assertPunishedAndNodeServes(peer, "127.0.0.23", Violation.UNAUTHORISED_INTERNAL);
    }
  }

  @Test
  @DisplayName("SV-069: going over a route's rate bans like any other violation")
  void rateLimitBreach() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.24", port)) {
      // getStatus allows 2 per second: two are answered, the third within the second is a breach
      for (int id = 2; id < 4; id++) {
        peer.request(id, GetStatusCodec.ROUTE, getStatus());
        NesFrame answer = peer.readNes();
        assertThat(answer).isNotNull();
        assertThat(answer.type()).isEqualTo(NesFrameType.REQUEST);
      }
      peer.request(4, GetStatusCodec.ROUTE, getStatus());
      assertPunishedAndNodeServes(peer, "127.0.0.24", Violation.RATE_LIMIT);
    }
  }

  @Test
  @DisplayName("SV-038: a plain HTTP request on the P2P port is closed without an answer")
  void plainHttp() throws Exception {
    try (RawPeer peer = RawPeer.tcp("127.0.0.25", port)) {
      peer.write("GET /api/peers HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertPunishedAndNodeServes(peer, "127.0.0.25", Violation.HANDSHAKE);
    }
  }

  @Test
  @DisplayName("SV-070: a request before the hello is a framing violation")
  void requestBeforeHello() throws Exception {
    try (RawPeer peer = RawPeer.websocket("127.0.0.26", port)) {
      peer.request(1, GetStatusCodec.ROUTE, getStatus());
      assertPunishedAndNodeServes(peer, "127.0.0.26", Violation.BAD_FRAME);
    }
  }
}
