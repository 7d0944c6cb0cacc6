package com.osmosecollective.node.consensus.pool;

import static com.osmosecollective.node.consensus.pool.PoolFixture.TRANSFER_FEE;
import static com.osmosecollective.node.consensus.pool.PoolFixture.key;
import static com.osmosecollective.node.consensus.pool.PoolFixture.pk;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ERR_PENDING conflicts beyond votes and usernames, and the per-sender exemption. */
class PendingRulesTest {
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");
  private PoolFixture f;

  @BeforeEach
  void setUp() {
    f = new PoolFixture(PoolConfig.defaults());
    f.wallets.fund(pk(alice), 100_000 * TRANSFER_FEE);
    f.wallets.fund(pk(bob), 100_000 * TRANSFER_FEE);
  }

  private long fee(String key) {
    return f.network.milestones().at(11).staticFee(key, -1);
  }

  private Transaction ipfs(PrivateKey sender, long nonce, byte fill) {
    byte[] hash = new byte[34];
    hash[0] = 0x12;
    hash[1] = 0x20;
    java.util.Arrays.fill(hash, 2, 34, fill);
    return TransactionSigner.sign(
        f.v2(sender, nonce, fee("ipfs"), new Asset.Ipfs(Bytes.of(hash))).build(), sender);
  }

  @Test
  void oneIpfsHashPendingAtATime() {
    Transaction first = ipfs(alice, 1, (byte) 7);
    Transaction sameHash = ipfs(bob, 1, (byte) 7);
    Transaction otherHash = ipfs(bob, 1, (byte) 8);
    AdmissionResult r = f.add(first, sameHash, otherHash);
    assertThat(r.accept()).containsExactly(first.id(), otherHash.id());
    assertThat(r.errors().get(sameHash.id()).code()).isEqualTo(RejectionCode.ERR_PENDING);
  }

  @Test
  void oneSecondSignatureRegistrationPendingPerSender() {
    long fee = fee("secondSignature");
    Transaction first =
        TransactionSigner.sign(
            f.v2(alice, 1, fee, new Asset.SecondSignature(pk(key("k1")))).build(), alice);
    Transaction second =
        TransactionSigner.sign(
            f.v2(alice, 2, fee, new Asset.SecondSignature(pk(key("k2")))).build(), alice);
    AdmissionResult r = f.add(first, second);
    assertThat(r.accept()).containsExactly(first.id());
    assertThat(r.errors().get(second.id()).message())
        .isEqualTo(
            "Sender " + pk(alice).hex() + " already has a transaction of type '1' in the pool");
  }

  @Test
  void oneRegistrationPendingPerMultiSignatureAddress() {
    List<PrivateKey> participants = List.of(key("m1"), key("m2"));
    Asset.MultiSignature asset =
        new Asset.MultiSignature(2, participants.stream().map(PoolFixture::pk).toList());
    long fee = fee("multiSignature") * 3; // static fee per participant, plus one
    Transaction byAlice = multiSignature(alice, fee, asset, participants);
    Transaction byBob = multiSignature(bob, fee, asset, participants);
    AdmissionResult r = f.add(byAlice, byBob);
    assertThat(r.accept()).containsExactly(byAlice.id());
    assertThat(r.errors().get(byBob.id()).code()).isEqualTo(RejectionCode.ERR_PENDING);
    assertThat(r.errors().get(byBob.id()).message())
        .startsWith("MultiSignatureRegistration for address D");
  }

  @Test
  void multiSignatureStaticFeeCountsParticipants() {
    List<PrivateKey> participants = List.of(key("m1"), key("m2"));
    Asset.MultiSignature asset =
        new Asset.MultiSignature(2, participants.stream().map(PoolFixture::pk).toList());
    Transaction base = multiSignature(alice, fee("multiSignature"), asset, participants);
    assertThat(f.add(base).errors().get(base.id()).code()).isEqualTo(RejectionCode.ERR_LOW_FEE);
  }

  private Transaction multiSignature(
      PrivateKey sender, long fee, Asset.MultiSignature asset, List<PrivateKey> participants) {
    Transaction tx = f.v2(sender, 1, fee, asset).build();
    for (int i = 0; i < participants.size(); i++) {
      tx = TransactionSigner.multiSign(tx, participants.get(i), i);
    }
    return TransactionSigner.sign(tx, sender);
  }

  @Test
  void allowedSendersMayExceedThePerSenderLimit() {
    PoolConfig limited = PoolConfig.defaults().withMaxTransactionsPerSender(1);
    PoolConfig exempt =
        new PoolConfig(
            limited.maxTransactionsInPool(),
            1,
            limited.maxTransactionsPerRequest(),
            limited.maxTransactionAge(),
            limited.maxTransactionBytes(),
            Set.of(pk(alice)),
            limited.dynamicFees());
    PoolFixture g = new PoolFixture(exempt);
    g.wallets.fund(pk(alice), 100 * TRANSFER_FEE);
    g.wallets.fund(pk(bob), 100 * TRANSFER_FEE);
    assertThat(g.add(g.transfer(alice, 1), g.transfer(alice, 2)).accept()).hasSize(2);
    assertThat(g.add(g.transfer(bob, 1), g.transfer(bob, 2)).excess()).hasSize(1);
  }
}
