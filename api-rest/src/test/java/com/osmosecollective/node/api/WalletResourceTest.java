package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalletResourceTest {
  private final Network testnet = ArkSamples.testnet();
  private final SampleChain chain = new SampleChain(testnet);
  private final WalletResource resource = new WalletResource();

  @Test
  void delegateWalletWithAVoteMatchesArksAnswer() {
    JsonNode expected = ArkSamples.load("wallets_by_address.json").get("data");

    assertSameTree(resource.toJson(walletOf(expected, null), null), expected);
  }

  @Test
  void delegateThatForgedShowsItsLastBlockHeaderAsArkKeepsIt() throws Exception {
    JsonNode expected = ArkSamples.load("wallets_top.json").get("data").get(0);
    JsonNode last = expected.at("/attributes/delegate/lastBlock");
    // block 6 holds the recorded delegate registration
    String registrationId = "c5ec06c0abea7e19580505279570a56f1da570b9a47cf7715ab565d4d4384f15";
    Transaction registration =
        chain.transaction(
            SampleChain.serializedHex("tx_post_delegate_registration.json", registrationId),
            last.get("height").asLong());
    Block block = chain.fromData(last, List.of(registration));

    JsonNode actual = resource.toJson(walletOf(expected, block), block);

    assertSameTree(actual, expected);
  }

  @Test
  void refusesALastBlockOtherThanTheOneTheWalletNames() throws Exception {
    JsonNode expected = ArkSamples.load("wallets_top.json").get("data").get(0);
    Block other = SyntheticBlocks.unsigned(testnet, 6, List.of());
    Wallet wallet = walletOf(expected, other);
    Block notIt = SyntheticBlocks.unsigned(testnet, 7, List.of());

    assertThatThrownBy(() -> resource.toJson(wallet, notIt))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> resource.toJson(wallet, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plainWalletWithoutPublicKeyOmitsItAndHasEmptyAttributes() {
    JsonNode actual = resource.toJson(Wallet.empty("AHXtmB84sTZ9Zd35h9Y1vfFvPE2Xzqj8ri"), null);

    assertThat(actual.toString())
        .isEqualTo(
            "{\"address\":\"AHXtmB84sTZ9Zd35h9Y1vfFvPE2Xzqj8ri\",\"balance\":\"0\",\"nonce\":\"0\","
                + "\"attributes\":{}}");
  }

  /**
   * ARK 3.9's attribute names for second signatures, multi-signatures, IPFS hashes and HTLC locks
   * (wallet attributes registered in core-transactions' handlers); the recorded testnet holds none
   * of them, so this is checked against the names, not against a recording.
   */
  @Test
  void otherAttributesUseArksNamesWithStringAmounts() throws Exception {
    String key = "03287bfebba4c7881a0509717e71b34b63f31e40021c321f89ae04f84be6d6ac37";
    String lockId = "ab".repeat(32);
    Wallet wallet =
        new Wallet(
            "ANBkoGqWeTSiaEVgVzSKZd3jS7UWzv9PSo",
            key,
            -5,
            3,
            key,
            new MultiSignature(1, List.of(key), false),
            null,
            null,
            Set.of("QmB", "QmA"),
            7,
            Map.of(
                lockId,
                new HtlcLock(
                    7, "ALNP3tGztEt8wt33k8x2aVQhTCBa7P8oRf", 12, null, "cd".repeat(32), 2, 99)));

    JsonNode attributes = resource.toJson(wallet, null).get("attributes");

    JsonNode expected =
        new ObjectMapper()
            .readTree(
                ("{'secondPublicKey':'%s','multiSignature':{'min':1,'publicKeys':['%s']},"
                        + "'ipfs':{'hashes':{'QmA':true,'QmB':true}},"
                        + "'htlc':{'locks':{'%s':{'amount':'7','recipientId':"
                        + "'ALNP3tGztEt8wt33k8x2aVQhTCBa7P8oRf','timestamp':12,'secretHash':'%s',"
                        + "'expiration':{'type':2,'value':99}}},'lockedBalance':'7'}}")
                    .formatted(key, key, lockId, "cd".repeat(32))
                    .replace('\'', '"'));
    assertSameTree(attributes, expected);
    assertThat(resource.toJson(wallet, null).get("balance").asText()).isEqualTo("-5");
  }

  /** Our wallet record with the values ARK recorded. */
  private static Wallet walletOf(JsonNode json, Block lastBlock) {
    JsonNode d = json.at("/attributes/delegate");
    DelegateAttributes delegate =
        new DelegateAttributes(
            d.get("username").asText(),
            Long.parseLong(d.get("voteBalance").asText()),
            d.get("producedBlocks").asLong(),
            0,
            Long.parseLong(d.get("forgedFees").asText()),
            Long.parseLong(d.get("forgedRewards").asText()),
            d.get("rank").asInt(),
            d.get("round").asLong(),
            lastBlock == null
                ? null
                : new LastBlock(lastBlock.height(), lastBlock.id(), lastBlock.timestamp()),
            false);
    return new Wallet(
        json.get("address").asText(),
        json.get("publicKey").asText(),
        Long.parseLong(json.get("balance").asText()),
        Long.parseLong(json.get("nonce").asText()),
        null,
        null,
        delegate,
        json.at("/attributes/vote").asText(),
        Set.of(),
        0,
        Map.of());
  }
}
