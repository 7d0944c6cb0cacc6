package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DelegateResourceTest {
  private final Network testnet = ArkSamples.testnet();
  private final DelegateResource resource = new DelegateResource(testnet);

  /** Testnet supply at the capture height: the genesis amount, every reward so far being 0. */
  private long supply() {
    return Long.parseLong(
        ArkSamples.load("node_configuration_crypto.json")
            .at("/data/genesisBlock/totalAmount")
            .asText());
  }

  @Test
  void delegatesMatchArksListIncludingTheOneWithALastBlock() {
    JsonNode expected = ArkSamples.load("delegates_limit3.json").get("data");
    assertThat(expected.get(1).at("/blocks/last").isObject()).isTrue();

    for (JsonNode e : expected) {
      assertSameTree(resource.toJson(walletOf(e), supply()), e);
    }
  }

  @Test
  void delegateByUsernameMatchesArksAnswer() {
    JsonNode expected = ArkSamples.load("delegates_by_username.json").get("data");

    assertSameTree(resource.toJson(walletOf(expected), supply()), expected);
  }

  @Test
  void resignedDelegateHasNoRank() {
    Wallet wallet =
        new Wallet(
            "AHXtmB84sTZ9Zd35h9Y1vfFvPE2Xzqj8ri",
            "03287bfebba4c7881a0509717e71b34b63f31e40021c321f89ae04f84be6d6ac37",
            0,
            1,
            null,
            null,
            new DelegateAttributes("quit", 10, 2, 0, 3, 4, 5, 9, null, true),
            null,
            Set.of(),
            0,
            Map.of());

    JsonNode json = resource.toJson(wallet, 1000);

    assertThat(json.has("rank")).isFalse();
    assertThat(json.get("isResigned").asBoolean()).isTrue();
    assertThat(json.at("/forged/total").asText()).isEqualTo("7");
    assertThat(json.at("/blocks/last").isMissingNode()).isTrue();
  }

  /** Values worked out by hand from ARK's formula (integer division, then two decimals). */
  @Test
  void approvalFollowsArksRounding() {
    // 244999370000000 / 12500000000000000 = 1.9599949..% -> 1.96
    assertThat(DelegateResource.approval(244999370000000L, 12500000000000000L)).isEqualTo(1.96);
    // exactly one third: 33.3333.. -> 33.33
    assertThat(DelegateResource.approval(1, 3)).isEqualTo(33.33);
    // 1 / 8 = 12.5% exactly
    assertThat(DelegateResource.approval(1, 8)).isEqualTo(12.5);
    // 2 / 3: e = 4, floor(20000 / 3) = 6666 -> 66.66 (the integer division truncates first)
    assertThat(DelegateResource.approval(2, 3)).isEqualTo(66.66);
    // 2 / 12: e = 5, floor(200000 / 12) = 16666 -> 16.666 -> toFixed(2) rounds up to 16.67
    assertThat(DelegateResource.approval(2, 12)).isEqualTo(16.67);
    assertThat(DelegateResource.approval(0, 3)).isEqualTo(0.0);
    assertThat(DelegateResource.approval(5, 5)).isEqualTo(100.0);
    assertThat(DelegateResource.approval(5, 0)).isEqualTo(0.0);
  }

  private static Wallet walletOf(JsonNode json) {
    JsonNode last = json.at("/blocks/last");
    LastBlock lastBlock =
        last.isMissingNode()
            ? null
            : new LastBlock(
                last.get("height").asLong(),
                last.get("id").asText(),
                last.at("/timestamp/epoch").asLong());
    DelegateAttributes delegate =
        new DelegateAttributes(
            json.get("username").asText(),
            Long.parseLong(json.get("votes").asText()),
            json.at("/blocks/produced").asLong(),
            0,
            Long.parseLong(json.at("/forged/fees").asText()),
            Long.parseLong(json.at("/forged/rewards").asText()),
            json.get("rank").asInt(),
            1,
            lastBlock,
            json.get("isResigned").asBoolean());
    return new Wallet(
        json.get("address").asText(),
        json.get("publicKey").asText(),
        0,
        0,
        null,
        null,
        delegate,
        null,
        Set.of(),
        0,
        Map.of());
  }
}
