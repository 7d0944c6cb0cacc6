package com.osmosecollective.node.p2p.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import com.osmosecollective.node.p2p.ArkSamples;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** node-core blocks to ARK's block messages and back, on ARK-made blocks. */
class WireBlocksTest {
  private static Network network() throws Exception {
    return new NetworkLoader().loadFile(TestData.vectors().resolve("osm-network.json"));
  }

  @Test
  void vectorBlocksMapToTheHeaderArkReportsAndBack() throws Exception {
    BlockCodec codec = new BlockCodec(network());
    for (JsonNode vector : TestData.load("blocks.json").path("blocks")) {
      byte[] serialized = Hex.decode(vector.path("serialized").asText());
      Block block = codec.decode(serialized);

      WireBlockHeader wire = WireBlocks.statusHeader(block);

      // ARK's block JSON has the same fields as its getStatus header (amounts as decimal text).
      PeerCodecsSampleTest.assertHeader(wire, vector.path("json"));
      assertThat(WireBlocks.toCoreHeader(wire)).isEqualTo(block.header());
    }
  }

  @Test
  void downloadedVectorBlocksCarryTheSerializedTransactionsInBlockOrder() throws Exception {
    BlockCodec codec = new BlockCodec(network());
    for (JsonNode vector : TestData.load("blocks.json").path("blocks")) {
      byte[] serialized = Hex.decode(vector.path("serialized").asText());
      Block block = codec.decode(serialized);
      int headerLength = Hex.decode(vector.path("serializedHeader").asText()).length;
      int count = block.transactions().size();

      DownloadedBlock full = WireBlocks.downloaded(block, false);
      DownloadedBlock headerOnly = WireBlocks.downloaded(block, true);

      // The block bytes end with the transactions, after the header and a 4-byte length each.
      ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
      full.transactions().forEach(tx -> concatenated.writeBytes(tx.toArray()));
      byte[] tail =
          java.util.Arrays.copyOfRange(serialized, headerLength + 4 * count, serialized.length);
      assertThat(concatenated.toByteArray()).isEqualTo(tail);
      assertThat(full.transactions()).hasSize(count);
      assertThat(full.header().idHex()).isNull();
      assertThat(full.header().previousBlockHex()).isNull();
      assertThat(full.header().id()).isEqualTo(vector.path("id").asText());
      assertThat(headerOnly.transactions()).isEmpty();

      List<DownloadedBlock> back =
          new GetBlocksCodec()
              .decodeResponse(GetBlocksCodec.encodeResponse(List.of(full, headerOnly)));
      assertThat(back).containsExactly(full, headerOnly);
    }
  }

  @Test
  void arkTestnetHeaderMapsToTheBytesArkSentInGetStatus() throws DecodeException {
    JsonNode json = ArkSamples.decodedResponse("p2p_peer_getStatus").path("state").path("header");
    BlockHeader core =
        new BlockHeader(
            json.path("version").asInt(),
            json.path("timestamp").asLong(),
            json.path("height").asLong(),
            json.path("previousBlock").asText(),
            json.path("numberOfTransactions").asInt(),
            Long.parseLong(json.path("totalAmount").asText()),
            Long.parseLong(json.path("totalFee").asText()),
            Long.parseLong(json.path("reward").asText()),
            json.path("payloadLength").asLong(),
            Hex.decode(json.path("payloadHash").asText()),
            Hex.decode(json.path("generatorPublicKey").asText()),
            Hex.decode(json.path("blockSignature").asText()));
    Block block = new Block(core, List.of(), json.path("id").asText());

    byte[] out = WireBlockHeaderCodec.write(WireBlocks.statusHeader(block)).build().toByteArray();

    // our idHex and previousBlockHex are computed from the ids; ARK's header is embedded at
    // state field 4, so its bytes must appear verbatim in the recorded payload
    String ours = Hex.encode(out);
    assertThat(Hex.encode(ArkSamples.responsePayload("p2p_peer_getStatus"))).contains(ours);
    assertThat(ours).startsWith("0a14" + Hex.encode(json.path("id").asText().getBytes()));
  }

  @Test
  void arkGetBlocksHeadersSurviveTheTripThroughNodeCore() throws DecodeException {
    List<DownloadedBlock> blocks =
        new GetBlocksCodec().decodeResponse(ArkSamples.responsePayload("p2p_blocks_getBlocks"));

    for (DownloadedBlock downloaded : blocks) {
      WireBlockHeader wire = downloaded.header();
      Block block = new Block(WireBlocks.toCoreHeader(wire), List.of(), wire.id());

      assertThat(WireBlocks.downloaded(block, true).header()).isEqualTo(wire);
    }
  }

  @Test
  void aGenesisHeaderHasNoPreviousBlockButArksZeroHex() {
    BlockHeader genesis =
        new BlockHeader(
            0, 0, 1, null, 0, 5, 0, 0, 0, new byte[32], new byte[33], new byte[] {0x30});
    Block block = new Block(genesis, List.of(), "12345");

    WireBlockHeader wire = WireBlocks.statusHeader(block);
    byte[] out = WireBlockHeaderCodec.write(wire).build().toByteArray();

    assertThat(wire.previousBlock()).isNull();
    assertThat(wire.previousBlockHex()).isEqualTo("0000000000000000");
    assertThat(wire.idHex()).isEqualTo("0000000000003039");
    // field 5 (tag 0x2a) is absent; field 6 follows the timestamp directly
    assertThat(Hex.encode(out))
        .startsWith(
            "0a053132333435"
                + "1210"
                + Hex.encode("0000000000003039".getBytes())
                + "18002000"
                + "3210");
  }

  @Test
  void headersWithMalformedKeysOrHashesAreRefused() {
    WireBlockHeader good =
        new WireBlockHeader(
            "1",
            null,
            0,
            8,
            "2",
            null,
            3,
            0,
            0,
            0,
            0,
            0,
            "00".repeat(32),
            "02" + "11".repeat(32),
            "3006020101020101");
    WireBlockHeader shortKey =
        new WireBlockHeader(
            "1",
            null,
            0,
            8,
            "2",
            null,
            3,
            0,
            0,
            0,
            0,
            0,
            "00".repeat(32),
            "02",
            "3006020101020101");
    WireBlockHeader noSignature =
        new WireBlockHeader(
            "1",
            null,
            0,
            8,
            "2",
            null,
            3,
            0,
            0,
            0,
            0,
            0,
            "00".repeat(32),
            "02" + "11".repeat(32),
            null);
    WireBlockHeader badHash =
        new WireBlockHeader(
            "1",
            null,
            0,
            8,
            "2",
            null,
            3,
            0,
            0,
            0,
            0,
            0,
            "zz".repeat(32),
            "02" + "11".repeat(32),
            "30");

    org.assertj.core.api.Assertions.assertThatCode(() -> WireBlocks.toCoreHeader(good))
        .doesNotThrowAnyException();
    for (WireBlockHeader bad : List.of(shortKey, noSignature, badHash)) {
      assertThatThrownBy(() -> WireBlocks.toCoreHeader(bad)).isInstanceOf(DecodeException.class);
    }
  }
}
