package com.osmosecollective.node.p2p.forger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.consensus.forger.RelayRound;
import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.consensus.netstate.NetworkStateStatus;
import com.osmosecollective.node.core.encoding.DecodeException;
import org.junit.jupiter.api.Test;

/** A forger process reads its relay's answers strictly: nothing is signed on a half-read round. */
class RelayAnswersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY_A = "02" + "a".repeat(64);
  private static final String KEY_B = "03" + "b".repeat(64);

  private static ObjectNode round() throws Exception {
    return (ObjectNode)
        JSON.readTree(
            """
            {"current": 3, "reward": "200000000", "timestamp": 4000,
             "delegates": [{"publicKey": "%s"}, {"publicKey": "%s"}],
             "currentForger": {"publicKey": "%s"}, "nextForger": {"publicKey": "%s"},
             "lastBlock": {"id": "%s", "height": 120, "timestamp": 3980},
             "canForge": true}
            """
                .formatted(KEY_A, KEY_B, KEY_B, KEY_A, "c".repeat(64)));
  }

  @Test
  void readsARound() throws Exception {
    RelayRound round = RelayAnswers.round(round());
    assertThat(round.round()).isEqualTo(3);
    assertThat(round.delegates()).containsExactly(KEY_A, KEY_B);
    assertThat(round.currentForger()).isEqualTo(KEY_B);
    assertThat(round.lastBlockHeight()).isEqualTo(120);
    assertThat(round.lastBlockTimestamp()).isEqualTo(3980);
    assertThat(round.timestamp()).isEqualTo(4000);
    assertThat(round.canForge()).isTrue();
  }

  @Test
  void aRoundWithAMissingOrMistypedFieldIsRefused() throws Exception {
    ObjectNode noTip = round();
    noTip.remove("lastBlock");
    assertThatThrownBy(() -> RelayAnswers.round(noTip)).isInstanceOf(DecodeException.class);
    ObjectNode textCanForge = round();
    textCanForge.put("canForge", "true");
    assertThatThrownBy(() -> RelayAnswers.round(textCanForge)).isInstanceOf(DecodeException.class);
    ObjectNode badKey = round();
    ((ObjectNode) badKey.path("currentForger")).put("publicKey", "04" + "a".repeat(64));
    assertThatThrownBy(() -> RelayAnswers.round(badKey)).isInstanceOf(DecodeException.class);
  }

  @Test
  void readsANetworkStateAndNeverTrustsArksTestStatus() throws Exception {
    JsonNode answer =
        JSON.readTree(
            """
            {"status": 0, "nodeHeight": 120, "lastBlockId": "%s",
             "quorumDetails": {"peersQuorum": 3, "peersNoQuorum": 1, "peersOverHeight": 1,
               "peersOverHeightBlockHeaders": {}, "peersForked": 0, "peersDifferentSlot": 0,
               "peersForgingNotAllowed": 2}}
            """
                .formatted("c".repeat(64)));
    NetworkState state = RelayAnswers.networkState(answer);
    assertThat(state.status()).isEqualTo(NetworkStateStatus.DEFAULT);
    assertThat(state.nodeHeight()).isEqualTo(120);
    assertThat(state.quorum()).isEqualTo(0.75);

    ((ObjectNode) answer).put("status", 2);
    assertThat(RelayAnswers.networkState(answer).status()).isEqualTo(NetworkStateStatus.UNKNOWN);
    ((ObjectNode) answer).put("status", 0);
    ((ObjectNode) answer.path("quorumDetails")).put("peersQuorum", -1);
    assertThatThrownBy(() -> RelayAnswers.networkState(answer)).isInstanceOf(DecodeException.class);
  }
}
