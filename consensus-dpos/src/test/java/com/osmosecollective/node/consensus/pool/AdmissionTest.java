package com.osmosecollective.node.consensus.pool;

import static com.osmosecollective.node.consensus.pool.PoolFixture.TRANSFER_FEE;
import static com.osmosecollective.node.consensus.pool.PoolFixture.key;
import static com.osmosecollective.node.consensus.pool.PoolFixture.pk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every admission rejection reason, and the shape of the batch result. */
class AdmissionTest {
  private final PrivateKey alice = key("alice");
  private PoolFixture f;

  @BeforeEach
  void setUp() {
    f = new PoolFixture(PoolConfig.defaults());
    f.wallets.fund(pk(alice), 1_000 * TRANSFER_FEE);
  }

  private static PoolRejection only(AdmissionResult r) {
    assertThat(r.accept()).isEmpty();
    assertThat(r.invalid()).hasSize(1);
    return r.errors().get(r.invalid().get(0));
  }

  @Test
  void acceptsAValidTransferAndAnswersInArksShape() {
    Transaction tx = f.transfer(alice, 1);
    AdmissionResult r = f.add(tx);
    assertThat(r.accept()).containsExactly(tx.id());
    assertThat(r.broadcast()).containsExactly(tx.id());
    assertThat(r.invalid()).isEmpty();
    assertThat(r.toJson().has("errors")).isFalse();
    assertThat(r.toJson().get("data").get("accept").get(0).asText()).isEqualTo(tx.id());
    assertThat(f.pool.contains(tx.id())).isTrue();
    assertThat(f.pool.totalBytes()).isEqualTo(tx.serializedLength());
  }

  @Test
  void undecodableEntryIsBadData() {
    AdmissionResult r = add(Submitted.undecodable("3", "bad hex"));
    PoolRejection e = only(r);
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_BAD_DATA);
    assertThat(e.message()).isEqualTo("Invalid transaction data: bad hex");
    assertThat(r.toJson().get("errors").get("3").get("type").asText()).isEqualTo("ERR_BAD_DATA");
  }

  @Test
  void wrongSignatureIsBadData() {
    Transaction good = f.transfer(alice, 1);
    // the signature over amount 1 does not cover amount 2
    Transaction forged = good.toBuilder().amount(2).build();
    PoolRejection e = only(f.add(forged));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_BAD_DATA);
    assertThat(e.message()).contains("didn't passed verification").contains("invalid signature");
    assertThat(f.pool.size()).isZero();
  }

  @Test
  void schemaViolationIsBadData() {
    Transaction zeroAmount = f.transfer(alice, 1, TRANSFER_FEE, 0);
    PoolRejection e = only(f.add(zeroAmount));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_BAD_DATA);
    assertThat(e.message()).startsWith("Invalid transaction data: amount");
  }

  @Test
  void duplicateInTheSameBatchAndLater() {
    Transaction tx = f.transfer(alice, 1);
    AdmissionResult r = f.add(tx, tx);
    assertThat(r.accept()).containsExactly(tx.id());
    assertThat(r.errors().get(tx.id()).code()).isEqualTo(RejectionCode.ERR_DUPLICATE);
    PoolRejection again = only(f.add(tx));
    assertThat(again.code()).isEqualTo(RejectionCode.ERR_DUPLICATE);
    assertThat(again.message()).isEqualTo(TransactionLabel.of(tx) + " is already in pool");
  }

  @Test
  void staticFeeMustMatchExactly() {
    PoolRejection low = only(f.add(f.transfer(alice, 1, TRANSFER_FEE - 1, 1)));
    assertThat(low.code()).isEqualTo(RejectionCode.ERR_LOW_FEE);
    assertThat(low.message()).endsWith("fee is to low to enter the pool");
    PoolRejection high = only(f.add(f.transfer(alice, 1, TRANSFER_FEE + 1, 1)));
    assertThat(high.code()).isEqualTo(RejectionCode.ERR_HIGH_FEE);
  }

  @Test
  void dynamicFeesAcceptAnyFeeAboveTheMinimum() {
    PoolFixture dyn =
        new PoolFixture(PoolConfig.defaults().withDynamicFees(DynamicFees.arkDefaults()));
    dyn.wallets.fund(pk(alice), 1_000 * TRANSFER_FEE);
    Transaction probe = dyn.transfer(alice, 1, 1, 1);
    // (addonBytes 100 + half the byte length, rounded) x 3000 satoshi per byte
    long min = (100 + Math.round(probe.serializedLength() / 2.0)) * 3000;
    assertThat(only(dyn.add(dyn.transfer(alice, 1, min - 1, 1))).code())
        .isEqualTo(RejectionCode.ERR_LOW_FEE);
    assertThat(dyn.add(dyn.transfer(alice, 1, min, 1)).accept()).hasSize(1);
  }

  @Test
  void wrongNetwork() {
    Transaction other =
        TransactionSigner.sign(
            f.v2(alice, 1, TRANSFER_FEE, new Asset.Transfer(0, f.recipient()))
                .network(23)
                .amount(1)
                .build(),
            alice);
    PoolRejection e = only(f.add(other));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_WRONG_NETWORK);
    assertThat(e.message()).endsWith("network 23 doesn't match node's network 30");
  }

  @Test
  void tooLarge() {
    PoolFixture small = new PoolFixture(PoolConfig.defaults().withMaxTransactionBytes(100));
    PoolRejection e = only(small.add(small.transfer(alice, 1)));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_TOO_LARGE);
    assertThat(e.message()).endsWith("exceeds size limit of 100 bytes");
  }

  @Test
  void expiredAtTheNextHeight() {
    // the pool is at height 10: expiration 11 cannot make it into block 11
    PoolRejection e = only(f.add(f.expiringTransfer(alice, 1, 11)));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_EXPIRED);
    assertThat(e.message()).endsWith("expired at height 11");
    assertThat(f.add(f.expiringTransfer(alice, 1, 12)).accept()).hasSize(1);
  }

  @Test
  void versionOneFromTheFutureBeforeAip11() {
    PoolFixture v1 =
        new PoolFixture(
            PoolFixture.synthetic(
                "[{\"height\":1,\"reward\":0,\"activeDelegates\":51,\"blocktime\":8,"
                    + "\"epoch\":\"2017-03-21T13:00:00.000Z\","
                    + "\"fees\":{\"staticFees\":{\"transfer\":10000000}}}]"),
            PoolConfig.defaults(),
            10);
    v1.wallets.fund(pk(alice), 1_000 * TRANSFER_FEE);
    Transaction future =
        TransactionSigner.sign(
            Transaction.builder()
                .version(1)
                .network(30)
                .timestamp(v1.now + 3601)
                .senderPublicKey(pk(alice))
                .fee(10_000_000)
                .amount(1)
                .asset(new Asset.Transfer(0, v1.recipient()))
                .build(),
            alice);
    PoolRejection e = only(v1.add(future));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_FROM_FUTURE);
    assertThat(e.message()).endsWith("is 3601 seconds in future");
  }

  @Test
  void versionTwoIsRefusedBeforeAip11() {
    PoolFixture v1 =
        new PoolFixture(
            PoolFixture.synthetic(
                "[{\"height\":1,\"reward\":0,\"activeDelegates\":51,\"blocktime\":8,"
                    + "\"epoch\":\"2017-03-21T13:00:00.000Z\"}]"),
            PoolConfig.defaults(),
            10);
    PoolRejection e = only(v1.add(v1.transfer(alice, 1, 10_000_000, 1)));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_BAD_DATA);
    assertThat(e.message()).contains("not accepted at height 11");
  }

  @Test
  void secondPendingVoteOfTheSameSenderIsPending() {
    assertThat(f.add(f.vote(alice, 1, key("delegate"))).accept()).hasSize(1);
    PoolRejection e = only(f.add(f.vote(alice, 2, key("delegate"))));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_PENDING);
    assertThat(e.message())
        .isEqualTo(
            "Sender " + pk(alice).hex() + " already has a transaction of type '3' in the pool");
  }

  @Test
  void sameUsernamePendingFromTwoSenders() {
    PrivateKey bob = key("bob");
    f.wallets.fund(pk(bob), 100_000 * TRANSFER_FEE);
    f.wallets.fund(pk(alice), 100_000 * TRANSFER_FEE);
    long fee = PoolFixture.DEVNET.milestones().at(11).staticFee("delegateRegistration", 0);
    Transaction a =
        TransactionSigner.sign(
            f.v2(alice, 1, fee, new Asset.DelegateRegistration("samename")).build(), alice);
    Transaction b =
        TransactionSigner.sign(
            f.v2(bob, 1, fee, new Asset.DelegateRegistration("samename")).build(), bob);
    AdmissionResult r = f.add(a, b);
    assertThat(r.accept()).containsExactly(a.id());
    assertThat(r.errors().get(b.id()).code()).isEqualTo(RejectionCode.ERR_PENDING);
    assertThat(r.errors().get(b.id()).message())
        .isEqualTo("Delegate registration for \"samename\" already in the pool");
  }

  @Test
  void htlcClaimNeedsAnExistingLockAndOnlyOnePendingClaim() {
    Bytes lockId = Bytes.of(new byte[32]);
    Transaction claim =
        TransactionSigner.sign(
            f.v2(alice, 1, 0, new Asset.HtlcClaim(lockId, Bytes.of(new byte[32]))).build(), alice);
    assertThat(only(f.add(claim)).code()).isEqualTo(RejectionCode.ERR_HTLCLOCKNOTFOUND);
    f.wallets.addLock(lockId);
    // a fresh pool sees the lock (the test wallets expose it to new views only)
    PoolFixture g = new PoolFixture(PoolConfig.defaults());
    g.wallets.fund(pk(alice), TRANSFER_FEE);
    g.wallets.addLock(lockId);
    assertThat(g.add(claim).accept()).hasSize(1);
    PrivateKey bob = key("bob");
    Transaction second =
        TransactionSigner.sign(
            g.v2(bob, 1, 0, new Asset.HtlcClaim(lockId, Bytes.of(new byte[32]))).build(), bob);
    assertThat(only(g.add(second)).code()).isEqualTo(RejectionCode.ERR_PENDING);
  }

  @Test
  void insufficientBalanceCannotBeApplied() {
    PoolRejection e = only(f.add(f.transfer(alice, 1, TRANSFER_FEE, 1_000 * TRANSFER_FEE)));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_APPLY);
    assertThat(e.message())
        .startsWith(
            TransactionLabel.of(f.transfer(alice, 1, TRANSFER_FEE, 1_000 * TRANSFER_FEE))
                + " cannot be applied: ");
  }

  @Test
  void secondSignatureIsRequiredOnceTheWalletHasOne() {
    PrivateKey second = key("alice second");
    f.wallets.setSecondKey(pk(alice), pk(second));
    Transaction single = f.transfer(alice, 1);
    PoolRejection e = only(f.add(single));
    assertThat(e.code()).isEqualTo(RejectionCode.ERR_BAD_DATA);
    assertThat(e.message()).contains("missing second signature");
    Transaction both = TransactionSigner.secondSign(single, second);
    assertThat(f.add(both).accept()).containsExactly(both.id());
  }

  @Test
  void moreThanFortyPerRequestIsRefusedWhole() {
    List<Submitted> batch = new ArrayList<>();
    for (int i = 1; i <= 41; i++) {
      batch.add(Submitted.decoded(f.transfer(alice, i)));
    }
    assertThatThrownBy(() -> f.pool.add(batch))
        .isInstanceOf(BatchTooLargeException.class)
        .hasMessage("should NOT have more than 40 items");
    assertThat(f.pool.size()).isZero();
  }

  @Test
  void confinedToTheFirstCallingThread() throws Exception {
    f.pool.size();
    Throwable[] thrown = new Throwable[1];
    Thread other =
        new Thread(
            () -> {
              try {
                f.pool.size();
              } catch (Throwable t) {
                thrown[0] = t;
              }
            });
    other.start();
    other.join();
    assertThat(thrown[0]).isInstanceOf(IllegalStateException.class);
  }

  private AdmissionResult add(Submitted s) {
    try {
      return f.pool.add(List.of(s));
    } catch (BatchTooLargeException e) {
      throw new IllegalStateException(e);
    }
  }
}
