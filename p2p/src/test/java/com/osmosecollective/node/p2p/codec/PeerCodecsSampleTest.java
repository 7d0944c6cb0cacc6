package com.osmosecollective.node.p2p.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.ArkSamples;
import com.osmosecollective.node.p2p.message.GetCommonBlocksRequest;
import com.osmosecollective.node.p2p.message.GetCommonBlocksResponse;
import com.osmosecollective.node.p2p.message.GetPeersRequest;
import com.osmosecollective.node.p2p.message.GetPeersResponse;
import com.osmosecollective.node.p2p.message.GetStatusRequest;
import com.osmosecollective.node.p2p.message.GetStatusResponse;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.message.NetworkInfo;
import com.osmosecollective.node.p2p.message.PeerConfig;
import com.osmosecollective.node.p2p.message.PeerState;
import com.osmosecollective.node.p2p.message.PluginInfo;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peer routes' payloads recorded from ARK Core 3.9.1: decoded values and exact re-encoding. */
class PeerCodecsSampleTest {
  private static final Headers ARK_HEADERS = new Headers("3.9.1");

  @Test
  void getStatusRequestCarriesTheVersionHeader() throws DecodeException {
    byte[] payload = ArkSamples.requestPayload("p2p_peer_getStatus");

    GetStatusRequest request = GetStatusCodec.decodeRequest(payload);

    assertThat(request.headers()).isEqualTo(ARK_HEADERS);
    assertThat(GetStatusCodec.encodeRequest(new GetStatusRequest(ARK_HEADERS))).isEqualTo(payload);
  }

  @Test
  void getStatusResponseDecodesToTheRecordedValuesAndReencodesByteForByte() throws DecodeException {
    byte[] payload = ArkSamples.responsePayload("p2p_peer_getStatus");
    JsonNode expected = ArkSamples.decodedResponse("p2p_peer_getStatus");

    GetStatusResponse response = GetStatusCodec.decodeResponse(payload);

    PeerState state = response.state();
    JsonNode expectedState = expected.path("state");
    assertThat(state.height()).isEqualTo(expectedState.path("height").asLong());
    assertThat(state.forgingAllowed()).isEqualTo(expectedState.path("forgingAllowed").asBoolean());
    assertThat(state.currentSlot()).isEqualTo(expectedState.path("currentSlot").asLong());
    assertHeader(state.header(), expectedState.path("header"));

    PeerConfig config = response.config();
    JsonNode expectedConfig = expected.path("config");
    assertThat(config.version()).isEqualTo(expectedConfig.path("version").asText());
    NetworkInfo network = config.network();
    JsonNode expectedNetwork = expectedConfig.path("network");
    assertThat(network.name()).isEqualTo(expectedNetwork.path("name").asText());
    assertThat(network.nethash()).isEqualTo(expectedNetwork.path("nethash").asText());
    assertThat(network.explorer()).isEqualTo(expectedNetwork.path("explorer").asText());
    assertThat(network.token().name())
        .isEqualTo(expectedNetwork.path("token").path("name").asText());
    assertThat(network.token().symbol())
        .isEqualTo(expectedNetwork.path("token").path("symbol").asText());
    assertThat(network.version()).isEqualTo(expectedNetwork.path("version").asLong());
    JsonNode expectedPlugins = expectedConfig.path("plugins");
    assertThat(config.plugins().keySet())
        .containsExactlyElementsOf(() -> expectedPlugins.fieldNames());
    for (var plugin : config.plugins().entrySet()) {
      JsonNode want = expectedPlugins.path(plugin.getKey());
      PluginInfo info = plugin.getValue();
      assertThat(info.port()).isEqualTo(want.path("port").asLong());
      assertThat(info.enabled()).isEqualTo(want.path("enabled").asBoolean());
      assertThat(info.estimateTotalCount())
          .isEqualTo(
              want.has("estimateTotalCount") ? want.path("estimateTotalCount").asBoolean() : null);
    }

    assertThat(GetStatusCodec.encodeResponse(response)).isEqualTo(payload);
  }

  @Test
  void getPeersExchangeRoundTrips() throws DecodeException {
    byte[] request = ArkSamples.requestPayload("p2p_peer_getPeers");
    byte[] response = ArkSamples.responsePayload("p2p_peer_getPeers");

    assertThat(GetPeersCodec.decodeRequest(request).headers()).isEqualTo(ARK_HEADERS);
    assertThat(GetPeersCodec.encodeRequest(new GetPeersRequest(ARK_HEADERS))).isEqualTo(request);
    // The recorded node knew no peers: ARK answers with an empty payload.
    assertThat(ArkSamples.decodedResponse("p2p_peer_getPeers")).isEmpty();
    assertThat(GetPeersCodec.decodeResponse(response).peers()).isEmpty();
    assertThat(GetPeersCodec.encodeResponse(new GetPeersResponse(List.of()))).isEqualTo(response);
  }

  @Test
  void getCommonBlocksExchangeDecodesAndReencodes() throws DecodeException {
    byte[] requestBytes = ArkSamples.requestPayload("p2p_peer_getCommonBlocks");
    byte[] responseBytes = ArkSamples.responsePayload("p2p_peer_getCommonBlocks");
    JsonNode sample = ArkSamples.load("p2p_peer_getCommonBlocks");

    GetCommonBlocksRequest request = GetCommonBlocksCodec.decodeRequest(requestBytes);
    GetCommonBlocksResponse response = GetCommonBlocksCodec.decodeResponse(responseBytes);

    assertThat(request.ids())
        .containsExactly(sample.path("request").path("payload").path("ids").get(0).asText());
    assertThat(request.headers()).isEqualTo(ARK_HEADERS);
    JsonNode common = sample.path("response").path("decoded").path("common");
    assertThat(response.common().height()).isEqualTo(common.path("height").asLong());
    assertThat(response.common().id()).isEqualTo(common.path("id").asText());
    assertThat(GetCommonBlocksCodec.encodeRequest(request)).isEqualTo(requestBytes);
    assertThat(GetCommonBlocksCodec.encodeResponse(response)).isEqualTo(responseBytes);
  }

  /** Compares a decoded header with ARK's JSON of it, field by field (absent JSON = null). */
  static void assertHeader(WireBlockHeader header, JsonNode json) {
    assertThat(header.id()).isEqualTo(text(json, "id"));
    assertThat(header.idHex()).isEqualTo(text(json, "idHex"));
    assertThat(header.version()).isEqualTo(json.path("version").asLong());
    assertThat(header.timestamp()).isEqualTo(json.path("timestamp").asLong());
    assertThat(header.previousBlock()).isEqualTo(text(json, "previousBlock"));
    assertThat(header.previousBlockHex()).isEqualTo(text(json, "previousBlockHex"));
    assertThat(header.height()).isEqualTo(json.path("height").asLong());
    assertThat(header.numberOfTransactions()).isEqualTo(json.path("numberOfTransactions").asLong());
    assertThat(Long.toString(header.totalAmount())).isEqualTo(json.path("totalAmount").asText());
    assertThat(Long.toString(header.totalFee())).isEqualTo(json.path("totalFee").asText());
    assertThat(Long.toString(header.reward())).isEqualTo(json.path("reward").asText());
    assertThat(header.payloadLength()).isEqualTo(json.path("payloadLength").asLong());
    assertThat(header.payloadHash()).isEqualTo(text(json, "payloadHash"));
    assertThat(header.generatorPublicKey()).isEqualTo(text(json, "generatorPublicKey"));
    assertThat(header.blockSignature()).isEqualTo(text(json, "blockSignature"));
  }

  private static String text(JsonNode json, String field) {
    return json.has(field) ? json.path(field).asText() : null;
  }
}
