package com.osmosecollective.node.p2p.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.ArkSamples;
import com.osmosecollective.node.p2p.message.DownloadedBlock;
import com.osmosecollective.node.p2p.message.GetBlocksRequest;
import com.osmosecollective.node.p2p.message.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** getBlocks as ARK Core 3.9.1 sent it, and the JSON payloads of the internal routes. */
class BlockCodecsSampleTest {
  @Test
  void getBlocksRequestDecodesToTheRecordedValuesAndReencodes() throws DecodeException {
    byte[] payload = ArkSamples.requestPayload("p2p_blocks_getBlocks");
    JsonNode expected = ArkSamples.load("p2p_blocks_getBlocks").path("request").path("payload");

    GetBlocksRequest request = GetBlocksCodec.decodeRequest(payload);

    assertThat(request.lastBlockHeight()).isEqualTo(expected.path("lastBlockHeight").asLong());
    assertThat(request.blockLimit()).isEqualTo(expected.path("blockLimit").asLong());
    assertThat(request.headersOnly()).isEqualTo(expected.path("headersOnly").asBoolean());
    assertThat(request.serialized()).isEqualTo(expected.path("serialized").asBoolean());
    assertThat(request.headers()).isEqualTo(new Headers("3.9.1"));
    assertThat(GetBlocksCodec.encodeRequest(request)).isEqualTo(payload);
  }

  @Test
  void getBlocksResponseUnpacksBlocksAndTheirTransactionsAndReencodes() throws DecodeException {
    byte[] payload = ArkSamples.responsePayload("p2p_blocks_getBlocks");
    JsonNode expected = ArkSamples.decodedResponse("p2p_blocks_getBlocks");

    List<DownloadedBlock> blocks = new GetBlocksCodec().decodeResponse(payload);

    assertThat(blocks).hasSize(expected.size());
    for (int i = 0; i < blocks.size(); i++) {
      DownloadedBlock block = blocks.get(i);
      JsonNode want = expected.get(i);
      PeerCodecsSampleTest.assertHeader(block.header(), want);
      List<String> wantTransactions = ArkSamplesJson.texts(want.path("transactions"));
      assertThat(block.transactions())
          .extracting(Bytes::hex)
          .containsExactlyElementsOf(wantTransactions);
      assertThat(block.transactions()).hasSize((int) block.header().numberOfTransactions());
    }
    assertThat(GetBlocksCodec.encodeResponse(blocks)).isEqualTo(payload);
  }

  @Test
  void getBlocksResponseAboveThePerBlockTransactionLimitIsRefused() {
    byte[] payload = ArkSamples.responsePayload("p2p_blocks_getBlocks");

    // the first recorded block has 2 transactions
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new GetBlocksCodec(1).decodeResponse(payload))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("block transactions: more than 1 entries");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "p2p_internal_getCurrentRound",
        "p2p_internal_getNetworkState",
        "p2p_internal_getUnconfirmedTransactions"
      })
  void internalRequestsAreJsonWithTheVersionHeader(String sample) throws Exception {
    InternalJsonCodec codec = new InternalJsonCodec(new ObjectMapper());

    JsonNode request = codec.decode(ArkSamples.requestPayload(sample));

    assertThat(request.path("headers").path("version").asText()).isEqualTo("3.9.1");
    assertThat(request.size()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"p2p_internal_getNetworkState", "p2p_internal_getUnconfirmedTransactions"})
  void internalResponsesParseToTheRecordedJson(String sample) throws Exception {
    InternalJsonCodec codec = new InternalJsonCodec(new ObjectMapper());
    byte[] payload = ArkSamples.responsePayload(sample);

    JsonNode response = codec.decode(payload);

    assertThat(response).isEqualTo(ArkSamples.decodedResponse(sample));
    // JSON.stringify and Jackson both write compact JSON in field order.
    assertThat(codec.encode(response)).isEqualTo(payload);
  }

  @Test
  void internalPayloadsThatAreNotJsonAreRefused() {
    InternalJsonCodec codec = new InternalJsonCodec(new ObjectMapper());
    for (String text : new String[] {"", "{", "{} []", "nope", "\"\\u12\""}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.decode(text.getBytes()))
          .as(text)
          .isInstanceOf(DecodeException.class);
    }
  }
}
