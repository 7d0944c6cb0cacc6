package com.osmosecollective.node.consensus.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.state.InMemoryWallets;
import com.osmosecollective.node.core.state.StateContext;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.testing.TestData;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.tx.TxContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool over node-core's real wallet state ({@link StateWalletStage}). */
class StatePoolTest {
  private static final long OSM = 100_000_000L;
  private static final TransactionHandlers HANDLERS = TransactionHandlers.withBestVerifier();

  /** A pool over in-memory committed wallets; the "chain" is applied with the same handlers. */
  static final class StateChain {
    final Network network;
    final InMemoryWallets committed;
    final TransactionPool pool;
    long height = 10;

    StateChain(Network network) {
      this(network, PoolConfig.defaults());
    }

    StateChain(Network network, PoolConfig config) {
      this.network = network;
      this.committed = new InMemoryWallets(network.pubKeyHash());
      WalletStage stage =
          new StateWalletStage(
              () -> committed,
              HANDLERS,
              () -> StateContext.forPool(network, height, height * 20, height * 20 + 5));
      this.pool =
          new TransactionPool(
              network, config, stage, PoolFixture.VERIFIER, () -> height * 20 + 5, height);
    }

    void fund(Bytes publicKey, long amount, long nonce) {
      committed.put(committed.byPublicKey(publicKey.hex()).withBalance(amount).withNonce(nonce));
    }

    /** Applies {@code txs} as the next block to the committed wallets and tells the pool. */
    void forge(List<Transaction> txs) throws Exception {
      StateContext ctx = StateContext.forBlock(network, height + 1, (height + 1) * 20, height * 20);
      for (Transaction tx : txs) {
        HANDLERS.apply(tx, committed, ctx);
      }
      height++;
      pool.onBlockApplied(PoolFixture.block(height, txs));
    }

    AdmissionResult add(Transaction... txs) throws BatchTooLargeException {
      return pool.add(java.util.Arrays.stream(txs).map(Submitted::decoded).toList());
    }
  }

  /** ARK mainnet's transaction rules after aip11 (pubKeyHash 23), with its static transfer fee. */
  private static Network arkLike() {
    return PoolFixture.synthetic(
        23,
        "[{\"height\":1,\"reward\":0,\"activeDelegates\":51,\"blocktime\":8,"
            + "\"epoch\":\"2017-03-21T13:00:00.000Z\",\"aip11\":true,\"vendorFieldLength\":255,"
            + "\"fees\":{\"staticFees\":{\"transfer\":10000000}}}]");
  }

  @Test
  void reproducesArksRecordedNonceAndDuplicateErrorsExactly() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode low = mapper.readTree(TestData.arkSample("tx_post_nonce_too_low.json").toFile());
    JsonNode dup = mapper.readTree(TestData.arkSample("tx_post_duplicate.json").toFile());
    StateChain chain = new StateChain(arkLike());
    TxContext ctx = new TxContext(23, chain.network.milestones().at(11));
    Transaction lowTx =
        TransactionDecoder.decodeHex(low.get("serialized").get(0).get("hex").asText(), ctx);
    Transaction dupTx =
        TransactionDecoder.decodeHex(dup.get("serialized").get(0).get("hex").asText(), ctx);

    // as on ARK's node when the samples were recorded: the sender had used nonce 2 ...
    chain.fund(lowTx.senderPublicKey(), 10_000 * OSM, 2);
    AdmissionResult first = chain.add(dupTx); // ... nonce 3 entered the pool ...
    assertThat(first.accept()).containsExactly(dupTx.id());
    AdmissionResult again = chain.add(dupTx); // ... and was posted again
    assertThat(again.toJson().get("errors")).isEqualTo(dup.get("response").get("errors"));
    assertThat(again.toJson().get("data")).isEqualTo(dup.get("response").get("data"));

    // later the chain's nonce was 4 and nonce 1 came in
    chain.forge(List.of(dupTx));
    chain.committed.put(chain.committed.byPublicKey(lowTx.senderPublicKey().hex()).withNonce(4));
    AdmissionResult late = chain.add(lowTx);
    assertThat(late.toJson().get("errors")).isEqualTo(low.get("response").get("errors"));
    assertThat(late.toJson().get("data")).isEqualTo(low.get("response").get("data"));
  }

  @Test
  void acceptsArksRecordedRequestsWithArksDynamicFees() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    StateChain chain =
        new StateChain(arkLike(), PoolConfig.defaults().withDynamicFees(DynamicFees.arkDefaults()));
    // the wallets as they were on ARK's node: the transfer sender had used nonce 2
    JsonNode transfers = sample(mapper, "tx_post_transfer_and_multipayment.json");
    JsonNode registration = sample(mapper, "tx_post_delegate_registration.json");
    JsonNode vote = sample(mapper, "tx_post_vote.json");
    chain.fund(senderOf(transfers), 100_000 * OSM, 2);
    chain.fund(senderOf(registration), 100_000 * OSM, 0);
    for (JsonNode s : List.of(transfers, registration, vote)) {
      List<Submitted> entries =
          Submissions.fromJson(s.get("request").get("transactions"), chain.network.pubKeyHash());
      AdmissionResult result = chain.pool.add(entries);
      assertThat(result.toJson()).isEqualTo(s.get("response"));
    }
    assertThat(chain.pool.size()).isEqualTo(4);
  }

  private static JsonNode sample(ObjectMapper mapper, String file) throws Exception {
    return mapper.readTree(TestData.arkSample(file).toFile());
  }

  private static Bytes senderOf(JsonNode sample) throws Exception {
    return Bytes.fromHex(
        sample.get("request").get("transactions").get(0).get("senderPublicKey").asText());
  }

  @Test
  void walletRulesComeFromTheStateHandlers() throws Exception {
    StateChain chain = new StateChain(PoolFixture.DEVNET);
    PoolFixture f = new PoolFixture(PoolConfig.defaults());
    PrivateKey alice = PoolFixture.key("alice");
    PrivateKey second = PoolFixture.key("alice second");
    chain.fund(PoolFixture.pk(alice), 1_000 * OSM, 0);

    Transaction voteForNobody = f.vote(alice, 1, PoolFixture.key("not a delegate"));
    assertThat(chain.add(voteForNobody).errors().get(voteForNobody.id()).code())
        .isEqualTo(RejectionCode.ERR_APPLY);

    Bytes lockId = Bytes.of(new byte[32]);
    Transaction claim =
        TransactionSigner.sign(
            f.v2(alice, 1, 0, new Asset.HtlcClaim(lockId, Bytes.of(new byte[32]))).build(), alice);
    assertThat(chain.add(claim).errors().get(claim.id()).code())
        .isEqualTo(RejectionCode.ERR_HTLCLOCKNOTFOUND);

    chain.committed.put(
        chain
            .committed
            .byPublicKey(PoolFixture.pk(alice).hex())
            .withSecondPublicKey(PoolFixture.pk(second).hex()));
    Transaction single = f.transfer(alice, 1);
    PoolRejection missing = chain.add(single).errors().get(single.id());
    assertThat(missing.code()).isEqualTo(RejectionCode.ERR_BAD_DATA);
    Transaction both = TransactionSigner.secondSign(single, second);
    assertThat(chain.add(both).accept()).containsExactly(both.id());
  }

  @Test
  void evictionOverStateRebuildsTheViewOncePerHeight() throws Exception {
    StateChain chain =
        new StateChain(
            PoolFixture.DEVNET,
            PoolConfig.defaults()
                .withMaxTransactionsInPool(2)
                .withDynamicFees(DynamicFees.arkDefaults()));
    PoolFixture f = new PoolFixture(PoolConfig.defaults());
    PrivateKey alice = PoolFixture.key("alice");
    PrivateKey bob = PoolFixture.key("bob");
    PrivateKey carol = PoolFixture.key("carol");
    for (PrivateKey k : List.of(alice, bob, carol)) {
      chain.fund(PoolFixture.pk(k), 1_000 * OSM, 0);
    }
    long fee = PoolFixture.TRANSFER_FEE;
    Transaction a1 = f.transfer(alice, 1, fee, 1);
    Transaction b1 = f.transfer(bob, 1, 2 * fee, 1);
    chain.add(a1, b1);
    Transaction c1 = f.transfer(carol, 1, 3 * fee, 1);
    assertThat(chain.add(c1).accept()).containsExactly(c1.id()); // evicts a1
    // the state cannot undo a1 on the view, so it was rebuilt: alice's nonce 1 is free again
    Transaction a1rich = f.transfer(alice, 1, 4 * fee, 2);
    assertThat(chain.add(a1rich).accept()).containsExactly(a1rich.id()); // evicts b1
    // a second rebuild at the same height is not allowed: bob's nonce 1 still looks used
    Transaction b1rich = f.transfer(bob, 1, 5 * fee, 2);
    assertThat(chain.add(b1rich).errors().get(b1rich.id()).code())
        .isEqualTo(RejectionCode.ERR_APPLY);
    // after the next block bob can come back
    chain.forge(List.of());
    assertThat(chain.add(b1rich).accept()).containsExactly(b1rich.id());
  }

  @Test
  void forgeCollectedTransactionsAndKeepTheRest() throws Exception {
    StateChain chain = new StateChain(PoolFixture.DEVNET);
    PoolFixture f = new PoolFixture(PoolConfig.defaults());
    PrivateKey alice = PoolFixture.key("alice");
    chain.fund(PoolFixture.pk(alice), 1_000 * OSM, 0);
    Transaction[] txs = new Transaction[5];
    for (int i = 0; i < txs.length; i++) {
      txs[i] = f.transfer(alice, i + 1, PoolFixture.TRANSFER_FEE, OSM);
    }
    assertThat(chain.add(txs).accept()).hasSize(5);
    List<Transaction> block = chain.pool.collectForBlock(3, 21_000_000);
    assertThat(block).containsExactly(txs[0], txs[1], txs[2]);
    chain.forge(block);
    assertThat(chain.pool.inForgingOrder()).containsExactly(txs[3], txs[4]);
    assertThat(chain.committed.byPublicKey(PoolFixture.pk(alice).hex()).balance())
        .isEqualTo(1_000 * OSM - 3 * (OSM + PoolFixture.TRANSFER_FEE));
  }
}
