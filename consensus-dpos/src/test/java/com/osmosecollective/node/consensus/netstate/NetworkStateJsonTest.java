package com.osmosecollective.node.consensus.netstate;

import static com.osmosecollective.node.consensus.netstate.PeerFixtures.OTHER_DELEGATE;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.OUR_DELEGATE;
import static com.osmosecollective.node.consensus.netstate.PeerFixtures.block;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkStateJsonTest {
  private final Block tip = block(100, OUR_DELEGATE, 0);
  private final Block above = block(101, OTHER_DELEGATE, 1);

  private NetworkState analysed() {
    return new NetworkStateAnalyzer(0)
        .analyze(
            tip,
            7,
            false,
            List.of(
                new PeerObservation("a", 100, tip, false, 7, true),
                new PeerObservation("b", 101, above, false, 8, false)));
  }

  @Test
  void theWireFormHasArksFieldNamesAndNumericStatus() {
    JsonNode json = NetworkStateJson.wire(analysed());

    assertThat(json.get("status").asInt()).isZero();
    assertThat(json.get("nodeHeight").asLong()).isEqualTo(100);
    assertThat(json.get("lastBlockId").asText()).isEqualTo(tip.id());
    assertThat(json.has("quorum")).as("ARK serialises the object: no computed quorum").isFalse();
    JsonNode d = json.get("quorumDetails");
    assertThat(d.get("peersQuorum").asInt()).isEqualTo(1);
    assertThat(d.get("peersNoQuorum").asInt()).isEqualTo(1);
    assertThat(d.get("peersOverHeight").asInt()).isEqualTo(1);
    assertThat(d.get("peersForked").asInt()).isZero();
    assertThat(d.get("peersDifferentSlot").asInt()).isEqualTo(1);
    assertThat(d.get("peersForgingNotAllowed").asInt()).isEqualTo(1);
    assertThat(d.size()).isEqualTo(7);

    JsonNode headers = d.get("peersOverHeightBlockHeaders");
    assertThat(headers.size()).isEqualTo(1);
    JsonNode header = headers.get(above.id());
    assertThat(header.get("id").asText()).isEqualTo(above.id());
    assertThat(header.get("height").asLong()).isEqualTo(101);
    assertThat(header.get("generatorPublicKey").asText())
        .isEqualTo(Hex.encode(OTHER_DELEGATE.publicKey()));
    assertThat(header.get("previousBlock").asText()).isEqualTo(above.previousBlock());
    assertThat(header.get("reward").isTextual()).as("amounts as decimal strings").isTrue();
    assertThat(header.get("blockSignature").asText()).isNotEmpty();
    assertThat(header.has("transactions")).as("a getStatus header has no transactions").isFalse();
  }

  @Test
  void anUnknownStateHasNoTipFields() {
    JsonNode json = NetworkStateJson.wire(NetworkState.unknown());

    assertThat(json.get("status").asInt()).isEqualTo(4);
    assertThat(json.has("nodeHeight")).isFalse();
    assertThat(json.has("lastBlockId")).isFalse();
    assertThat(json.get("quorumDetails").get("peersQuorum").asInt()).isZero();
  }

  @Test
  void theSummaryFormCarriesTheQuorumInsteadOfTheStatus() {
    JsonNode json = NetworkStateJson.summary(analysed());

    assertThat(json.has("status")).isFalse();
    assertThat(json.get("quorum").asDouble()).isEqualTo(0.5);
    assertThat(json.get("nodeHeight").asLong()).isEqualTo(100);
    assertThat(json.get("quorumDetails").get("peersOverHeight").asInt()).isEqualTo(1);
  }
}
