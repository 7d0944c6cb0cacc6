package com.osmosecollective.node.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.testing.TestData;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * ARK-made transactions ({@code testdata/vectors}) applied to a wallet state that allows them:
 * every valid vector applies; second signatures are required exactly from wallets with a second
 * key; the tampered ones that ARK's library alone accepts are rejected against the wallet.
 */
class VectorStateTest {
  private static final long RICH = 100_000_000_000_000_000L;

  private final TransactionHandlers handlers = TransactionHandlers.withBestVerifier();
  private Network network;
  private JsonNode file;

  private void load() throws Exception {
    network = new NetworkLoader().loadFile(TestData.vectors().resolve("osm-network.json"));
    file = TestData.load("transactions-v2.json");
  }

  private StateContext ctx(long height, long lastTimestamp, boolean aip37) {
    Milestone m = network.milestones().at(2);
    if (aip37) {
      m =
          new Milestone(
              m.height(),
              m.reward(),
              m.activeDelegates(),
              m.blocktime(),
              m.epoch(),
              m.blockVersion(),
              m.maxTransactions(),
              m.maxPayload(),
              m.idFullSha256(),
              m.acceptExpiredTransactionTimestamps(),
              m.staticFees(),
              m.vendorFieldLength(),
              m.multiPaymentLimit(),
              m.aip11(),
              m.htlcEnabled(),
              true,
              m.raw());
    }
    return new StateContext(
        height, lastTimestamp + 20, m, network.pubKeyHash(), height - 1, lastTimestamp);
  }

  private Transaction decode(String hex) throws Exception {
    return TransactionDecoder.decodeHex(
        hex, new TxContext(network.pubKeyHash(), ctx(2, 0, false).milestone()));
  }

  private JsonNode vector(String name) {
    for (JsonNode v : file.get("vectors")) {
      if (v.get("name").asText().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static String pkOf(String passphrase) {
    return Bytes.of(PrivateKey.fromPassphrase(passphrase).publicKey()).hex();
  }

  /** A state in which the vector's transaction can apply (its sender funded, at nonce - 1). */
  private InMemoryWallets stateFor(JsonNode vector, Transaction tx, boolean withSecondKey)
      throws Exception {
    InMemoryWallets wallets = new InMemoryWallets(network.pubKeyHash());
    String sender = tx.senderPublicKey().hex();
    String base = vector.get("name").asText().split("/")[0];
    if (base.equals("htlc_claim") || base.equals("htlc_refund")) {
      applyLock(
          wallets,
          ((tx.asset() instanceof Asset.HtlcClaim c)
                  ? c.lockTransactionId()
                  : ((Asset.HtlcRefund) tx.asset()).lockTransactionId())
              .hex());
    }
    Wallet wallet = wallets.byPublicKey(sender).withBalance(RICH).withNonce(tx.nonce() - 1);
    if (withSecondKey) {
      wallet =
          wallet.withSecondPublicKey(pkOf(vector.get("inputs").get("secondPassphrase").asText()));
    }
    if (base.startsWith("multisig_wallet")) {
      JsonNode asset = file.get("multiSignatureWallet").get("asset");
      List<String> keys = new ArrayList<>();
      asset.get("publicKeys").forEach(k -> keys.add(k.asText()));
      wallet = wallet.withMultiSignature(new MultiSignature(asset.get("min").asInt(), keys, false));
    }
    if (tx.asset() instanceof Asset.Vote vote) {
      for (Asset.VoteEntry e : vote.votes()) {
        String key = e.delegatePublicKey().hex();
        wallets.put(
            wallets
                .byPublicKey(key)
                .withDelegate(DelegateAttributes.registered(key.substring(0, 8))));
        if (!e.add()) {
          wallet = wallet.withVote(key);
        }
      }
    }
    if (base.equals("delegate_resignation")) {
      wallet = wallet.withDelegate(DelegateAttributes.registered("resigning"));
      for (int i = 0; i < 51; i++) {
        String key = pkOf("vector filler " + i);
        wallets.put(wallets.byPublicKey(key).withDelegate(DelegateAttributes.registered("f" + i)));
      }
    }
    wallets.put(wallet);
    if (tx.asset() instanceof Asset.Vote vote && !vote.votes().get(0).add()) {
      String key = vote.votes().get(0).delegatePublicKey().hex();
      Wallet d = wallets.byPublicKey(key);
      wallets.put(d.withDelegate(d.delegate().withVoteBalance(wallet.votingWeight())));
    }
    return wallets;
  }

  private void applyLock(InMemoryWallets wallets, String lockId) throws Exception {
    for (JsonNode v : file.get("vectors")) {
      if (v.get("id").asText().equals(lockId)) {
        Transaction lock = decode(v.get("serialized").asText());
        Wallet owner = wallets.byPublicKey(lock.senderPublicKey().hex());
        wallets.put(owner.withBalance(RICH).withNonce(lock.nonce() - 1));
        handlers.apply(lock, wallets, ctx(2, 1000, false));
        return;
      }
    }
    throw new IllegalArgumentException("no lock vector " + lockId);
  }

  /** Refunds need the lock expired, everything else a context where locks are still open. */
  private StateContext contextFor(JsonNode vector, boolean aip37) {
    return vector.get("name").asText().startsWith("htlc_refund")
        ? ctx(100_000, 90_000_000, aip37)
        : ctx(2, 1000, aip37);
  }

  @TestFactory
  Stream<DynamicTest> everyValidVectorApplies() throws Exception {
    load();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : file.get("vectors")) {
      String name = v.get("name").asText();
      boolean second = v.get("hasSecondSignature").asBoolean();
      boolean switchVote = name.startsWith("vote_switch");
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                Transaction tx = decode(v.get("serialized").asText());
                assertThat(tx.id()).isEqualTo(v.get("id").asText());
                InMemoryWallets wallets = stateFor(v, tx, second);
                long supplyBefore = SupplyCheck.totalSupply(wallets.all().values());
                if (switchVote) {
                  TransactionRejectedException e =
                      assertThrows(
                          TransactionRejectedException.class,
                          () -> handlers.apply(tx, wallets, contextFor(v, false)));
                  assertThat(e.code()).isEqualTo("ERR_INVALID_VOTE");
                }
                handlers.apply(tx, wallets, contextFor(v, switchVote));
                assertThat(wallets.byPublicKey(tx.senderPublicKey().hex()).nonce())
                    .isEqualTo(tx.nonce());
                // only the fee leaves the wallets (the block's generator receives it)
                assertThat(SupplyCheck.totalSupply(wallets.all().values()))
                    .isEqualTo(supplyBefore - tx.fee());
                assertThat(SupplyCheck.voteBalanceMismatches(wallets.all().values())).isEmpty();
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> secondSignaturesMatchTheWallet() throws Exception {
    load();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : file.get("vectors")) {
      String name = v.get("name").asText();
      if (name.startsWith("multisig") || name.startsWith("vote_switch")) {
        continue;
      }
      boolean second = v.get("hasSecondSignature").asBoolean();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                Transaction tx = decode(v.get("serialized").asText());
                InMemoryWallets wallets = stateFor(v, tx, false);
                if (!second) {
                  String key = pkOf("some second passphrase");
                  Wallet w = wallets.byPublicKey(tx.senderPublicKey().hex());
                  wallets.put(w.withSecondPublicKey(key));
                }
                TransactionRejectedException e =
                    assertThrows(
                        TransactionRejectedException.class,
                        () -> handlers.apply(tx, wallets, contextFor(v, false)));
                // a registration's own check comes first, as in ARK's handler
                String expected =
                    second
                        ? "ERR_UNEXPECTED_SECOND_SIGNATURE"
                        : name.startsWith("second_signature_registration")
                            ? "ERR_SECOND_SIGNATURE_ALREADY_REGISTERED"
                            : "ERR_MISSING_SECOND_SIGNATURE";
                assertThat(e.code()).isEqualTo(expected);
              }));
    }
    return tests.stream();
  }

  private Transaction negative(String name) throws Exception {
    for (JsonNode n : TestData.load("negative.json").get("transactions")) {
      if (n.get("name").asText().equals(name)) {
        return decode(n.get("serialized").asText());
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void tamperedSecondSignatureIsRejectedAgainstTheWallet() throws Exception {
    load();
    Transaction tx = negative("second_signature_bit_flipped");
    InMemoryWallets wallets = stateFor(vector("transfer/schnorr_second_signature"), tx, true);
    TransactionRejectedException e =
        assertThrows(
            TransactionRejectedException.class,
            () -> handlers.apply(tx, wallets, ctx(2, 1000, false)));
    assertThat(e.code()).isEqualTo("ERR_INVALID_SECOND_SIGNATURE");
  }

  @Test
  void appendedJunkIsAnUnexpectedSecondSignature() throws Exception {
    load();
    Transaction tx = negative("extra_trailing_64_bytes");
    InMemoryWallets wallets = stateFor(vector("transfer/schnorr"), tx, false);
    TransactionRejectedException e =
        assertThrows(
            TransactionRejectedException.class,
            () -> handlers.apply(tx, wallets, ctx(2, 1000, false)));
    assertThat(e.code()).isEqualTo("ERR_UNEXPECTED_SECOND_SIGNATURE");
  }

  @Test
  void multiSignatureWalletNeedsMinSignatures() throws Exception {
    load();
    Transaction tx = negative("multisig_wallet_transfer_1_of_2_required");
    InMemoryWallets wallets = stateFor(vector("multisig_wallet_transfer_2of3/schnorr"), tx, false);
    TransactionRejectedException e =
        assertThrows(
            TransactionRejectedException.class,
            () -> handlers.apply(tx, wallets, ctx(2, 1000, false)));
    assertThat(e.code()).isEqualTo("ERR_INVALID_MULTI_SIGNATURE");
  }
}
