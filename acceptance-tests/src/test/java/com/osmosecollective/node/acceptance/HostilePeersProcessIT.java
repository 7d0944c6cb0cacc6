package com.osmosecollective.node.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.acceptance.dsl.Cluster;
import com.osmosecollective.node.acceptance.dsl.Node;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.p2p.codec.GetCommonBlocksCodec;
import com.osmosecollective.node.p2p.codec.GetStatusCodec;
import com.osmosecollective.node.p2p.codec.InternalJsonCodec;
import com.osmosecollective.node.p2p.codec.WireBlocks;
import com.osmosecollective.node.p2p.hostile.LiarServer;
import com.osmosecollective.node.p2p.hostile.RawPeer;
import com.osmosecollective.node.p2p.message.CommonBlock;
import com.osmosecollective.node.p2p.message.GetCommonBlocksResponse;
import com.osmosecollective.node.p2p.message.GetStatusRequest;
import com.osmosecollective.node.p2p.message.GetStatusResponse;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.NetworkInfo;
import com.osmosecollective.node.p2p.message.PeerConfig;
import com.osmosecollective.node.p2p.message.PeerState;
import com.osmosecollective.node.p2p.message.TokenInfo;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.nes.NesFrameCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile peers against a real {@code osmose devnet} process, one test per advisory class of
 * ark-advisories.md that concerns the P2P layer. Each attacker binds its own loopback address
 * (127.0.0.N) and repeats its attack until the node bans it (3 violations, the default): every
 * attempt is cut off, the ban is logged, the banned address is refused at accept, and the node
 * keeps forging. A last test sends frames just under the 20 MiB cap from four sockets at once and
 * checks that the node's heap stays bounded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostilePeersProcessIT {
  private static final String VERSION = "3.9.1";
  private static final Duration BAN_WAIT = Duration.ofSeconds(30);

  @TempDir static Path dir;
  private static Cluster cluster;
  private static Node node;
  private static int port;

  @BeforeAll
  static void startNode() {
    cluster = Cluster.in(dir);
    node = cluster.devnet("devnet").args(Cluster.blocktimeArgs()).start();
    port = node.p2pPort();
    node.awaitHeight(3, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopNode() {
    cluster.close();
  }

  /** What an attacker does on a fresh connection from its address. */
  @FunctionalInterface
  private interface Attack {
    void run(String ip) throws IOException;
  }

  private static byte[] getStatus(Integer announcedPort) {
    return GetStatusCodec.encodeRequest(new GetStatusRequest(new Headers(VERSION, announcedPort)));
  }

  /**
   * Runs {@code attack} from {@code ip} until the node bans it; the first violation counted is
   * {@code violation}; then the address is refused and the node still forges.
   */
  private static void assertBannedAndNodeForges(String ip, String violation, Attack attack)
      throws Exception {
    long height = node.height();
    Pattern banned = Pattern.compile("peer " + Pattern.quote(ip) + " banned for \\d+ s");
    for (int attempt = 1; attempt <= 5 && !banned.matcher(node.log()).find(); attempt++) {
      attack.run(ip);
      int seen = attempt;
      Awaitility.await(ip + "'s violation " + seen + " counted")
          .atMost(BAN_WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> violations(ip) >= seen);
    }
    node.awaitLog(banned, BAN_WAIT);
    assertThat(node.log())
        .containsPattern("peer " + Pattern.quote(ip) + " violation " + violation + " \\(1/3\\)");
    assertThat(RawPeer.refused(ip, port)).as("%s refused at accept once banned", ip).isTrue();
    node.awaitHeight(height + 1, Duration.ofSeconds(30));
    try (RawPeer honest = RawPeer.nes("127.0.0.1", port)) {
      honest.request(2, GetStatusCodec.ROUTE, getStatus(null));
      NesFrame answer = honest.readNes();
      assertThat(answer).as("an honest peer is still answered").isNotNull();
      assertThat(answer.statusCode()).isEqualTo(200);
    }
  }

  private static long violations(String ip) {
    return Pattern.compile("peer " + Pattern.quote(ip) + " violation ")
        .matcher(node.log())
        .results()
        .count();
  }

  /** A connection on which {@code send} is done; the node must close it. */
  private static Attack onNesSocket(RawPeerAction send) {
    return ip -> {
      try (RawPeer peer = RawPeer.nes(ip, port)) {
        send.run(peer);
        assertThat(peer.closedByPeer()).as("the node closed %s's socket", ip).isTrue();
      }
    };
  }

  @FunctionalInterface
  private interface RawPeerAction {
    void run(RawPeer peer) throws IOException;
  }

  @Test
  @Order(1)
  @DisplayName("malformed or unexpected frames (SV-027): garbage instead of a nes frame")
  void garbageFrames() throws Exception {
    assertBannedAndNodeForges(
        "127.0.0.51",
        "BAD_FRAME",
        onNesSocket(peer -> peer.sendFrame(RawPeer.BINARY, "not a nes frame".getBytes(), true)));
  }

  @Test
  @Order(2)
  @DisplayName("malformed or unexpected frames (SV-031): a truncated nes frame")
  void truncatedFrames() throws Exception {
    byte[] whole =
        new NesFrameCodec(NesFrameCodec.SERVER_MAX_FRAME_BYTES)
            .encode(NesFrame.request(2, GetStatusCodec.ROUTE, Bytes.of(getStatus(null))));
    assertBannedAndNodeForges(
        "127.0.0.52",
        "BAD_FRAME",
        onNesSocket(peer -> peer.sendFrame(RawPeer.BINARY, Arrays.copyOf(whole, 20), true)));
  }

  @Test
  @Order(3)
  @DisplayName(
      "oversized/unbounded input (SV-059, SV-033): a frame over 20 MiB, a request over its route's cap")
  void oversizedFrames() throws Exception {
    assertBannedAndNodeForges(
        "127.0.0.53", "OVERSIZE", onNesSocket(peer -> peer.sendFrameHeaderOnly(21L * 1024 * 1024)));
    assertBannedAndNodeForges(
        "127.0.0.54",
        "OVERSIZE",
        onNesSocket(peer -> peer.request(2, GetStatusCodec.ROUTE, new byte[4096])));
  }

  @Test
  @Order(4)
  @DisplayName("malformed or unexpected frames (SV-032): a replayed hello")
  void replayedHello() throws Exception {
    assertBannedAndNodeForges(
        "127.0.0.55", "BAD_FRAME", onNesSocket(peer -> peer.sendNes(NesFrame.hello(2))));
  }

  @Test
  @Order(5)
  @DisplayName("connection exhaustion (SV-040): slow peers that never say hello")
  void slowPeers() throws Exception {
    assertBannedAndNodeForges(
        "127.0.0.56",
        "HANDSHAKE",
        ip -> {
          // three at once (the per-IP cap is 4): each is closed at the handshake deadline
          List<RawPeer> slow = new ArrayList<>();
          try {
            for (int i = 0; i < 3; i++) {
              slow.add(RawPeer.websocket(ip, port));
            }
            for (RawPeer peer : slow) {
              assertThat(peer.closedByPeer() || peer.closedByPeer()).isTrue();
            }
          } finally {
            for (RawPeer peer : slow) {
              peer.close();
            }
          }
        });
  }

  @Test
  @Order(6)
  @DisplayName(
      "weak violation handling (SV-067, SV-071): a payload that is not the route's protobuf")
  void badProtobuf() throws Exception {
    assertBannedAndNodeForges(
        "127.0.0.57",
        "DECODING",
        onNesSocket(
            peer ->
                peer.request(
                    2, "p2p.blocks.getBlocks", new byte[] {(byte) 0xff, (byte) 0xff, 0x0f})));
  }

  @Test
  @Order(7)
  @DisplayName("weak violation handling (SV-029): an internal route from outside remote access")
  void internalRouteFromOutside() throws Exception {
    assertBannedAndNodeForges(
        "127.0.0.58",
        "UNAUTHORISED_INTERNAL",
        onNesSocket(peer -> peer.request(2, InternalJsonCodec.GET_NETWORK_STATE, "{}".getBytes())));
  }

  @Test
  @Order(8)
  @DisplayName("peer identity spoofing (SV-004): X-Forwarded-For naming a remote-access address")
  void forwardedFor() throws Exception {
    assertBannedAndNodeForges(
        "127.0.0.59",
        "UNAUTHORISED_INTERNAL",
        ip -> {
          try (RawPeer peer = RawPeer.tcp(ip, port)) {
            peer.write(
                ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 127.0.0.1\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(peer.readUpgradeAnswer()).startsWith("HTTP/1.1 101");
            peer.sendNes(NesFrame.hello(1));
            peer.request(2, InternalJsonCodec.GET_NETWORK_STATE, "{}".getBytes());
            assertThat(peer.closedByPeer()).isTrue();
          }
        });
  }

  @Test
  @Order(9)
  @DisplayName("rate-limit bypass (SV-069): more getStatus requests than the route allows")
  void rateLimit() throws Exception {
    assertBannedAndNodeForges(
        "127.0.0.60",
        "RATE_LIMIT",
        onNesSocket(
            peer -> {
              for (int id = 2; id < 8; id++) {
                peer.request(id, GetStatusCodec.ROUTE, getStatus(null));
              }
            }));
  }

  @Test
  @Order(10)
  @DisplayName("connection exhaustion (SV-038): plain HTTP on the P2P port")
  void plainHttp() throws Exception {
    assertBannedAndNodeForges(
        "127.0.0.61",
        "HANDSHAKE",
        ip -> {
          try (RawPeer peer = RawPeer.tcp(ip, port)) {
            peer.write(
                "GET /api/peers HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(peer.closedByPeer()).isTrue();
          }
        });
  }

  /**
   * A caller from {@code ip} announces {@code liar}'s port in its headers; the node dials the liar
   * to verify it as a peer, and the liar's answers are the violations.
   */
  private static void assertLiarBanned(String ip, Map<String, Function<byte[], byte[]>> script)
      throws Exception {
    try (LiarServer liar = new LiarServer(ip, script, false)) {
      int liarPort =
          Integer.parseInt(liar.address().substring(liar.address().lastIndexOf(':') + 1));
      assertBannedAndNodeForges(
          ip,
          "LYING",
          from -> {
            // the node answers the caller (or, on a third call within a second, cuts it off for
            // going over getStatus' rate: the same address, counted too)
            try (RawPeer caller = RawPeer.nes(from, port)) {
              caller.request(2, GetStatusCodec.ROUTE, getStatus(liarPort));
              caller.readNes();
            }
          });
    }
  }

  @Test
  @Order(11)
  @DisplayName("outbound client trust (design rule 10): a peer lying about its height")
  void peerLyingAboutItsHeight() throws Exception {
    Liar liar = Liar.forNode();
    byte[] status = liar.status(liar.aheadBlock().height() + 500, liar.aheadBlock());
    assertLiarBanned("127.0.0.62", Map.of(GetStatusCodec.ROUTE, request -> status));
  }

  @Test
  @Order(12)
  @DisplayName("outbound client trust (design rule 10): a peer lying about common blocks")
  void peerLyingAboutCommonBlocks() throws Exception {
    Liar liar = Liar.forNode();
    byte[] status = liar.status(liar.aheadBlock().height(), liar.aheadBlock());
    byte[] common =
        GetCommonBlocksCodec.encodeResponse(
            new GetCommonBlocksResponse(new CommonBlock(2, "12345678901234567890")));
    assertLiarBanned(
        "127.0.0.63",
        Map.of(GetStatusCodec.ROUTE, r -> status, GetCommonBlocksCodec.ROUTE, r -> common));
  }

  /**
   * Four sockets each announce a 19 MiB frame and send its first MiB, holding the rest back: the
   * node charges each frame to its inbound byte budget (64 MiB) by its header, so three are held
   * and the fourth is refused before its payload is buffered; the three are then completed and
   * refused by their route (a postBlock that does not decode). The heap stays under its 256 MiB.
   */
  @Test
  @Order(13)
  @DisplayName(
      "oversized/unbounded input (SV-024, SV-059): 19 MiB frames from several sockets share one"
          + " inbound byte budget; memory stays bounded")
  void memoryStaysBounded() throws Exception {
    byte[] nes =
        new NesFrameCodec(NesFrameCodec.SERVER_MAX_FRAME_BYTES)
            .encode(
                NesFrame.request(2, "p2p.blocks.postBlock", Bytes.of(new byte[19 * 1024 * 1024])));
    int held = 1024 * 1024;
    Pattern refused = Pattern.compile("frame of \\d+ bytes from 127\\.0\\.0\\.64 refused");
    assertBannedAndNodeForges(
        "127.0.0.64",
        "DECODING",
        ip -> {
          List<RawPeer> peers = new ArrayList<>();
          try {
            for (int i = 0; i < 4; i++) {
              RawPeer peer = RawPeer.nes(ip, port);
              peers.add(peer);
              try {
                // a zero mask: the payload goes as it is
                peer.sendFrameHeaderOnly(nes.length);
                peer.write(Arrays.copyOf(nes, held));
              } catch (IOException refusedWhileSending) {
                // the frame beyond the budget: its socket reset while its first MiB was sent
              }
            }
            node.awaitLog(refused, Duration.ofSeconds(10));
            for (RawPeer peer : peers) {
              try {
                peer.write(Arrays.copyOfRange(nes, held, nes.length));
              } catch (IOException closed) {
                // the refused socket is gone
              }
            }
            for (RawPeer peer : peers) {
              assertThat(peer.closedByPeer()).isTrue();
            }
          } finally {
            for (RawPeer peer : peers) {
              peer.close();
            }
          }
        });
    assertThat(Pattern.compile("peer 127\\.0\\.0\\.64 violation ").matcher(node.log()).results())
        .as("the refused frame is no violation: three frames, three violations")
        .hasSize(3);
    long heap = heapUsedBytes();
    assertThat(heap).as("heap used after the flood").isLessThan(256L * 1024 * 1024);
    assertThat(node.log()).doesNotContain("OutOfMemoryError");
    node.awaitHeight(node.height() + 2, Duration.ofSeconds(30));
    assertThat(node.process().isAlive()).isTrue();
  }

  /** The node's heap in use, from its Prometheus metrics ({@code /metrics}). */
  private static long heapUsedBytes() {
    String metrics = node.api().getText("/metrics");
    return Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} (\\S+)$")
        .matcher(metrics)
        .results()
        .mapToLong(m -> (long) Double.parseDouble(m.group(1)))
        .sum();
  }

  /** A liar's material: the devnet's network and a block it signs with a delegate's key. */
  private record Liar(Network network, Block aheadBlock) {
    static Liar forNode() throws Exception {
      Network network = new NetworkLoader().loadFile(node.dataDir().resolve("network.json"));
      String secret = Files.readAllLines(node.dataDir().resolve("delegates.secrets")).get(0);
      var tip = node.api().getOk("/blocks/" + node.height()).path("data");
      // a block far ahead of the node, signed by a real delegate: its header passes every check
      Block ahead =
          new BlockFactory(new BlockCodec(network))
              .make(
                  tip.path("height").asLong() + 1000,
                  tip.path("timestamp").path("epoch").asLong() + 3000,
                  tip.path("id").asText(),
                  0,
                  List.of(),
                  PrivateKey.fromPassphrase(secret));
      return new Liar(network, ahead);
    }

    byte[] status(long claimedHeight, Block tip) {
      return GetStatusCodec.encodeResponse(
          new GetStatusResponse(
              new PeerState(claimedHeight, false, 1010, WireBlocks.statusHeader(tip)),
              new PeerConfig(
                  VERSION,
                  new NetworkInfo(
                      network.name(),
                      network.nethash(),
                      "",
                      new TokenInfo(network.token(), network.symbol()),
                      network.pubKeyHash()),
                  Map.of())));
    }
  }
}
