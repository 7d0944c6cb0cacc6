package com.osmosecollective.node.p2p.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.p2p.codec.GetCommonBlocksCodec;
import com.osmosecollective.node.p2p.codec.GetStatusCodec;
import com.osmosecollective.node.p2p.codec.WireBlocks;
import com.osmosecollective.node.p2p.message.CommonBlock;
import com.osmosecollective.node.p2p.message.GetCommonBlocksResponse;
import com.osmosecollective.node.p2p.message.GetStatusResponse;
import com.osmosecollective.node.p2p.message.NetworkInfo;
import com.osmosecollective.node.p2p.message.PeerConfig;
import com.osmosecollective.node.p2p.message.PeerState;
import com.osmosecollective.node.p2p.message.TokenInfo;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import com.osmosecollective.node.p2p.node.TestNetwork;
import com.osmosecollective.node.p2p.node.TestNode;
import com.osmosecollective.node.p2p.transport.Violation;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers we dial that lie (outbound is as hostile as inbound: design rule 10). Each liar is a seed
 * on its own loopback address; the node must refuse it as a peer, count it and ban its IP.
 */
@Timeout(120)
class LyingPeersIT {
  @TempDir Path dir;
  private TestNetwork net;
  private TestNode node;
  private TestNode longer;

  @BeforeEach
  void chains() throws Exception {
    net = TestNetwork.create();
    node = TestNode.open(net, dir.resolve("node"));
    longer = TestNode.open(net, dir.resolve("longer"));
    node.forgeUntil(10, 1000);
    // the same first 10 blocks (same keys and slots), then 10 more the node does not have
    longer.forgeUntil(20, 1000);
  }

  @AfterEach
  void close() {
    node.close();
    longer.close();
  }

  private GetStatusResponse status(long height, Block tip, String nethash) {
    return new GetStatusResponse(
        new PeerState(height, false, 1010, WireBlocks.statusHeader(tip)),
        new PeerConfig(
            "3.9.1",
            new NetworkInfo(
                net.network.name(),
                nethash,
                "",
                new TokenInfo(net.network.token(), net.network.symbol()),
                net.network.pubKeyHash()),
            Map.of()));
  }

  private void assertRefusedAndBanned(
      String ip,
      Map<String, Function<byte[], byte[]>> script,
      boolean answerTwice,
      Violation violation)
      throws Exception {
    try (LiarServer liar = new LiarServer(ip, script, answerTwice)) {
      node.startP2p(
          TestNode.settings("honest-node", liar.address()).withBans(1, Duration.ofHours(1)));
      InetAddress address = InetAddress.getByName(ip);
      await().atMost(Duration.ofSeconds(20)).until(() -> node.p2p.reputation().isBanned(address));
      assertThat(node.p2p.reputation().firstViolation(address)).contains(violation);
      assertThat(node.p2p.peers().size()).isZero();
    }
  }

  @Test
  @DisplayName("A peer claiming a height its tip header does not have is a liar")
  void liesAboutItsHeight() throws Exception {
    byte[] answer = GetStatusCodec.encodeResponse(status(500, node.tip(), net.network.nethash()));
    assertRefusedAndBanned(
        "127.0.0.31", Map.of(GetStatusCodec.ROUTE, request -> answer), false, Violation.LYING);
  }

  @Test
  @DisplayName("SV-019: a tip header whose signature does not verify is a lie")
  void forgedTipHeader() throws Exception {
    Block tip = node.tip();
    WireBlockHeader real = WireBlocks.statusHeader(tip);
    String signature = real.blockSignature();
    // one byte of s changed: still DER, no longer the generator's signature
    String forged =
        signature.substring(0, signature.length() - 2) + (signature.endsWith("00") ? "01" : "00");
    WireBlockHeader lie =
        new WireBlockHeader(
            null,
            null,
            real.version(),
            real.timestamp(),
            real.previousBlock(),
            real.previousBlockHex(),
            real.height(),
            real.numberOfTransactions(),
            real.totalAmount(),
            real.totalFee(),
            real.reward(),
            real.payloadLength(),
            real.payloadHash(),
            real.generatorPublicKey(),
            forged);
    GetStatusResponse honest = status(tip.height(), tip, net.network.nethash());
    byte[] answer =
        GetStatusCodec.encodeResponse(
            new GetStatusResponse(new PeerState(tip.height(), false, 1010, lie), honest.config()));
    assertRefusedAndBanned(
        "127.0.0.32", Map.of(GetStatusCodec.ROUTE, request -> answer), false, Violation.LYING);
  }

  @Test
  @DisplayName("A peer answering getCommonBlocks with a block we did not ask about is a liar")
  void liesAboutCommonBlocks() throws Exception {
    byte[] status = GetStatusCodec.encodeResponse(status(20, longer.tip(), net.network.nethash()));
    byte[] common =
        GetCommonBlocksCodec.encodeResponse(
            new GetCommonBlocksResponse(new CommonBlock(5, "1234567890123456789")));
    assertRefusedAndBanned(
        "127.0.0.33",
        Map.of(GetStatusCodec.ROUTE, r -> status, GetCommonBlocksCodec.ROUTE, r -> common),
        false,
        Violation.LYING);
  }

  @Test
  @DisplayName("A peer of another network (nethash) is refused and counted")
  void wrongNethash() throws Exception {
    byte[] answer = GetStatusCodec.encodeResponse(status(10, node.tip(), "ab".repeat(32)));
    assertRefusedAndBanned(
        "127.0.0.34",
        Map.of(GetStatusCodec.ROUTE, request -> answer),
        false,
        Violation.WRONG_NETWORK);
  }

  @Test
  @DisplayName("SV-060: an answer we did not ask for on an outbound socket is a violation")
  void unsolicitedAnswer() throws Exception {
    byte[] answer = GetStatusCodec.encodeResponse(status(10, node.tip(), net.network.nethash()));
    assertRefusedAndBanned(
        "127.0.0.35", Map.of(GetStatusCodec.ROUTE, request -> answer), true, Violation.UNSOLICITED);
  }
}
