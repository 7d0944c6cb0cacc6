package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.MultiSignatureKeys;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every core transaction type forged into blocks by the forger and applied by the chain: the
 * committed state shows each one's effect, survives a restart unchanged, and reverting every block
 * gives back the genesis state exactly.
 */
class ChainAllTypesTest {
  private static final long FIRST_SLOT = 1000;

  @TempDir Path dir;

  private static PrivateKey key(String name) {
    return AllTypesChain.key(name);
  }

  private final List<PrivateKey> participants = List.of(key("p0"), key("p1"), key("p2"));
  private final PrivateKey multiRegistrant = key("multi-signature registrant");
  private final PrivateKey payer = key("multi-payment sender");

  @Test
  void everyTransactionTypeIsForgedAppliedKeptAndReverted() throws Exception {
    Map<String, Wallet> genesisState;
    Map<String, Wallet> finalState;
    long tip;
    try (TestChain empty = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      genesisState = empty.wallets();
    }
    try (AllTypesChain all = AllTypesChain.build(dir)) {
      TestChain t = all.t;
      PrivateKey secondSigner = all.secondSigner;
      PrivateKey secondKey = all.secondKey;
      PrivateKey ipfsOwner = all.ipfsOwner;
      PrivateKey claimer = all.claimer;
      PrivateKey locker = all.locker;
      PrivateKey refundRecipient = all.refundRecipient;
      byte[] multiWalletKey = all.multiWalletKey;
      PrivateKey otherDelegate = all.otherDelegate;
      PrivateKey resigning = all.resigning;
      long valueBefore = all.valueBefore;
      long rewardsBefore = all.rewardsBefore;
      assertThat(typesForged(t)).isEqualTo(EnumSet.allOf(TransactionType.class));

      Map<String, Wallet> state = t.wallets();
      Wallet second = state.get(address(t, secondSigner));
      assertThat(second.secondPublicKey()).isEqualTo(Hex.encode(secondKey.publicKey()));
      assertThat(second.balance()).isEqualTo((100 - 5 - 1 - 7) * COIN);
      assertThat(state.get(address(t, ipfsOwner)).ipfsHashes())
          .containsExactly(Base58.encode(AllTypesChain.ipfsHash().toArray()));
      assertThat(state.get(address(t, ipfsOwner)).balance()).isEqualTo((100 - 5 + 3) * COIN);
      assertThat(state.get(address(t, payer)).balance())
          .isEqualTo((100 - 1 - 3 - 4 + 7 + 5) * COIN);
      assertThat(state.get(address(t, claimer)).balance()).isEqualTo((100 + 50 + 4 + 70) * COIN);
      Wallet lockOwner = state.get(address(t, locker));
      assertThat(lockOwner.htlcLocks()).isEmpty();
      assertThat(lockOwner.htlcLockedBalance()).isZero();
      // 70 went to the claimer, 30 came back, two lock fees of 1 were paid (the refund's fee is 0)
      assertThat(lockOwner.balance()).isEqualTo((1000 - 70 - 2) * COIN);
      assertThat(state.get(address(t, refundRecipient))).isNull();

      Wallet multi = t.store.queries().walletByPublicKey(Hex.encode(multiWalletKey)).orElseThrow();
      assertThat(multi.multiSignature())
          .isEqualTo(
              new MultiSignature(
                  2, participants.stream().map(p -> Hex.encode(p.publicKey())).toList(), false));
      assertThat(multi.nonce()).isEqualTo(1);
      assertThat(multi.balance()).isEqualTo((20 - 5 - 1) * COIN);

      Wallet newcomer =
          t.store.queries().walletByPublicKey(Hex.encode(TestChain.NEWCOMER.publicKey())).get();
      assertThat(newcomer.delegate().username()).isEqualTo("newcomer");
      assertThat(newcomer.delegate().voteBalance()).isZero();
      Wallet voter = state.get(t.plan.funded().get(0).address(t.network.pubKeyHash()));
      assertThat(voter.vote()).isEqualTo(Hex.encode(otherDelegate.publicKey()));
      Wallet voted =
          t.store.queries().walletByPublicKey(Hex.encode(otherDelegate.publicKey())).get();
      assertThat(voted.delegate().voteBalance()).isEqualTo(voter.votingWeight());
      assertThat(
              t.store
                  .queries()
                  .walletByPublicKey(Hex.encode(resigning.publicKey()))
                  .orElseThrow()
                  .delegate()
                  .resigned())
          .isTrue();

      // fees move between wallets; only block rewards create value
      tip = t.chain.snapshot().height();
      assertThat(totalValue(state) - valueBefore).isEqualTo(rewardsUpTo(t, tip) - rewardsBefore);
      finalState = state;
    }

    // a restart reads the committed state back unchanged
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      assertThat(t.chain.snapshot().height()).isEqualTo(tip);
      assertThat(t.wallets()).isEqualTo(finalState);

      int reverted = t.chain.revert(Integer.MAX_VALUE).join();
      assertThat(reverted).isEqualTo(tip - 1);
      assertThat(t.wallets()).isEqualTo(genesisState);
    }
    assertThat(DatabaseChecker.check(StoreOptions.inDataDir(dir)).problems()).isEmpty();
  }

  @Test
  void aBlockWithTooFewParticipantSignaturesIsRejectedAgainstTheWalletsMultiSignature()
      throws Exception {
    try (TestChain t = TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5))) {
      t.forgeUntil(2, FIRST_SLOT, 1);
      PrivateKey rich = t.plan.funded().get(0).key();
      byte[] walletKey =
          MultiSignatureKeys.publicKey(
              2, participants.stream().map(PrivateKey::publicKey).toList());
      forge(t, t.sign(rich, COIN, 100 * COIN, new Asset.Transfer(0, t.addressOf(multiRegistrant))));
      forge(
          t,
          multiSignatureRegistration(t),
          t.sign(rich, COIN, 20 * COIN, new Asset.Transfer(0, addressOfKey(t, walletKey))));
      long height = t.chain.snapshot().height();

      Transaction complete = fromMultiSignatureWallet(t, walletKey, COIN);
      Transaction oneSignature =
          complete.toBuilder().signatures(List.of(complete.signatures().get(0))).build();
      t.pending.add(oneSignature);
      t.atSlot(slotAfterTip(t));
      var refused = t.forger.forgeIfDue().orElseThrow().outcome();
      assertThat(refused.status()).isEqualTo(BlockStatus.REJECTED);
      assertThat(refused.reason()).contains("verification failed", oneSignature.id());
      assertThat(t.chain.snapshot().height()).isEqualTo(height);

      t.pending.add(complete);
      t.atSlot(slotAfterTip(t) + 1);
      assertThat(t.forger.forgeIfDue().orElseThrow().outcome().isAccepted()).isTrue();
      assertThat(t.store.queries().walletByPublicKey(Hex.encode(walletKey)).get().nonce())
          .isEqualTo(1);
    }
  }

  /** Forges the next block with exactly these transactions. */
  private static void forge(TestChain t, Transaction... txs) {
    long before = t.chain.snapshot().height();
    t.pending.addAll(List.of(txs));
    t.forgeUntil(before + 1, slotAfterTip(t), 1);
    assertThat(t.applied.get(t.applied.size() - 1).transactions()).hasSize(txs.length);
  }

  private Transaction multiSignatureRegistration(TestChain t) {
    Transaction unsigned =
        t
            .sign(
                multiRegistrant,
                5 * COIN,
                0,
                new Asset.MultiSignature(
                    2, participants.stream().map(p -> Bytes.of(p.publicKey())).toList()))
            .toBuilder()
            .signature(null)
            .build();
    Transaction tx = unsigned;
    for (int i = 0; i < participants.size(); i++) {
      tx = TransactionSigner.multiSign(tx, participants.get(i), i);
    }
    return TransactionSigner.sign(tx, multiRegistrant);
  }

  private Transaction fromMultiSignatureWallet(TestChain t, byte[] walletKey, long amount) {
    Transaction unsigned =
        Transaction.builder()
            .version(2)
            .network(t.network.pubKeyHash())
            .nonce(1)
            .senderPublicKey(Bytes.of(walletKey))
            .fee(COIN)
            .amount(amount)
            .asset(new Asset.Transfer(0, t.addressOf(payer)))
            .build();
    Transaction one = TransactionSigner.multiSign(unsigned, participants.get(0), 0);
    return TransactionSigner.multiSign(one, participants.get(2), 2);
  }

  private static String address(TestChain t, PrivateKey key) {
    return Address.fromPublicKey(key.publicKey(), t.network.pubKeyHash());
  }

  private static Bytes addressOfKey(TestChain t, byte[] publicKey) {
    return Bytes.of(Address.payloadFromPublicKey(publicKey, t.network.pubKeyHash()));
  }

  static long totalValue(Map<String, Wallet> wallets) {
    long sum = 0;
    for (Wallet w : wallets.values()) {
      sum = Math.addExact(sum, Math.addExact(w.balance(), w.htlcLockedBalance()));
    }
    return sum;
  }

  static long rewardsUpTo(TestChain t, long height) throws Exception {
    long sum = 0;
    for (long h = 2; h <= height; h++) {
      sum = Math.addExact(sum, t.block(h).header().reward());
    }
    return sum;
  }

  private static Set<TransactionType> typesForged(TestChain t) {
    Set<TransactionType> types = EnumSet.noneOf(TransactionType.class);
    for (Block block : t.applied) {
      block.transactions().forEach(tx -> types.add(tx.type()));
    }
    return types;
  }

  private static long slotAfterTip(TestChain t) {
    return t.chain.snapshot().lastBlock().timestamp() / TestChain.BLOCKTIME + 1;
  }
}
