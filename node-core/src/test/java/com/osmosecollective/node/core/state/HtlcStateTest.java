package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.address;
import static com.osmosecollective.node.core.state.StateKit.key;
import static com.osmosecollective.node.core.state.StateKit.payload;
import static com.osmosecollective.node.core.state.StateKit.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.HtlcLock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTLC lock, claim and refund: balances, expiry, and ARK's vote-balance rules for them. */
class HtlcStateTest {
  private static final long LOCK_FEE = OSM / 10;
  private static final byte[] SECRET = secret((byte) 42);

  private final StateKit kit = new StateKit();
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");
  private PrivateKey d0;
  private PrivateKey d1;

  private static byte[] secret(byte fill) {
    byte[] s = new byte[32];
    Arrays.fill(s, fill);
    return s;
  }

  @BeforeEach
  void setUp() {
    List<PrivateKey> ds = kit.delegates("d", 3);
    d0 = ds.get(0);
    d1 = ds.get(1);
    kit.fund(alice, 100 * OSM);
  }

  private Transaction lock(long amount, int type, long expiration) {
    Asset asset =
        new Asset.HtlcLock(Bytes.of(Hashes.sha256(SECRET)), type, expiration, payload(bob));
    return sign(kit.tx(alice, asset).amount(amount).vendorField("swap"), alice);
  }

  private Transaction claim(PrivateKey sender, Transaction lock, byte[] secret, long fee) {
    Asset asset = new Asset.HtlcClaim(Bytes.of(lock.idBytes()), Bytes.of(secret));
    return sign(kit.tx(sender, asset).fee(fee), sender);
  }

  private Transaction refund(PrivateKey sender, Transaction lock) {
    return sign(kit.tx(sender, new Asset.HtlcRefund(Bytes.of(lock.idBytes()))), sender);
  }

  private Transaction vote(PrivateKey sender, PrivateKey delegate) {
    Asset asset =
        new Asset.Vote(List.of(new Asset.VoteEntry(true, Bytes.of(delegate.publicKey()))));
    return sign(kit.tx(sender, asset), sender);
  }

  @Test
  void lockMovesTheAmountIntoTheLockedBalance() throws Exception {
    Transaction lock = lock(10 * OSM, 2, kit.height + 100);
    kit.apply(lock);
    var wallet = kit.wallet(alice);
    assertThat(wallet.balance()).isEqualTo(90 * OSM - LOCK_FEE);
    assertThat(wallet.htlcLockedBalance()).isEqualTo(10 * OSM);
    assertThat(wallet.htlcLocks())
        .containsEntry(
            lock.id(),
            new HtlcLock(
                10 * OSM,
                address(bob),
                kit.ctx().blockTimestamp(),
                "swap",
                Hex.encode(Hashes.sha256(SECRET)),
                2,
                kit.height + 100));
    assertThat(kit.wallets.htlcLockOwner(lock.id())).contains(wallet);
    assertThat(kit.balance(bob)).isZero();
  }

  @Test
  void lockMustExpireMoreThanARoundAhead() throws Exception {
    long lastHeight = kit.height - 1;
    kit.rejects(lock(OSM, 2, lastHeight + 51), "ERR_HTLC_LOCK_EXPIRED");
    long lastTs = kit.lastTimestamp;
    kit.rejects(lock(OSM, 1, lastTs + 20 * 51), "ERR_HTLC_LOCK_EXPIRED");
    kit.rejects(lock(OSM, 3, lastTs + 100_000), "ERR_HTLC_LOCK_EXPIRED");
    kit.apply(lock(OSM, 1, lastTs + 20 * 51 + 1));
    kit.apply(lock(OSM, 2, lastHeight + 52));
  }

  @Test
  void claimPaysTheRecipientMinusTheFee() throws Exception {
    Transaction lock = lock(10 * OSM, 2, kit.height + 100);
    kit.apply(lock);
    kit.fund(bob, OSM);
    Transaction claim = claim(bob, lock, SECRET, 1000);
    kit.apply(claim);
    assertThat(kit.balance(bob)).isEqualTo(OSM + 10 * OSM - 1000);
    assertThat(kit.wallet(bob).nonce()).isEqualTo(1);
    assertThat(kit.wallet(alice).htlcLockedBalance()).isZero();
    assertThat(kit.wallet(alice).htlcLocks()).isEmpty();
    assertThat(kit.wallets.htlcLockOwner(lock.id())).isEmpty();
    kit.rejects(claim(bob, lock, SECRET, 0), "ERR_HTLC_LOCK_NOT_FOUND");
  }

  @Test
  void aColdRecipientClaimsWithoutFee() throws Exception {
    Transaction lock = lock(10 * OSM, 2, kit.height + 100);
    kit.apply(lock);
    kit.apply(claim(bob, lock, SECRET, 0));
    assertThat(kit.balance(bob)).isEqualTo(10 * OSM);
  }

  @Test
  void claimRejections() throws Exception {
    Transaction lock = lock(10 * OSM, 2, kit.height + 100);
    kit.apply(lock);
    kit.rejects(claim(bob, lock, secret((byte) 1), 0), "ERR_HTLC_SECRET_MISMATCH");
    kit.rejects(refund(alice, lock), "ERR_HTLC_LOCK_NOT_EXPIRED");
    kit.height += 101; // the lock's height is now the last block's
    kit.rejects(claim(bob, lock, SECRET, 0), "ERR_HTLC_LOCK_EXPIRED");
  }

  @Test
  void refundAfterExpiryReturnsTheLock() throws Exception {
    Transaction lock = lock(10 * OSM, 1, kit.lastTimestamp + 2000);
    kit.apply(lock);
    kit.lastTimestamp += 1999;
    kit.rejects(refund(alice, lock), "ERR_HTLC_LOCK_NOT_EXPIRED");
    kit.lastTimestamp += 1;
    kit.apply(refund(alice, lock));
    assertThat(kit.balance(alice)).isEqualTo(100 * OSM - LOCK_FEE);
    assertThat(kit.wallet(alice).htlcLockedBalance()).isZero();
    assertThat(kit.wallet(alice).nonce()).isEqualTo(2);
    kit.rejects(refund(alice, lock), "ERR_HTLC_LOCK_NOT_FOUND");
  }

  @Test
  void lockedFundsKeepCountingForTheOwnersDelegate() throws Exception {
    kit.apply(vote(alice, d0)); // d0: 99
    kit.apply(lock(10 * OSM, 2, kit.height + 100));
    assertThat(kit.voteBalance(d0)).isEqualTo(99 * OSM - LOCK_FEE);
    assertThat(SupplyCheck.voteBalanceMismatches(kit.wallets.all().values())).isEmpty();
  }

  @Test
  void claimByTheRecipientMovesTheLockBetweenDelegates() throws Exception {
    kit.apply(vote(alice, d0));
    kit.fund(bob, 2 * OSM);
    kit.apply(vote(bob, d1)); // d1: 1
    Transaction lock = lock(10 * OSM, 2, kit.height + 100);
    kit.apply(lock);
    kit.apply(claim(bob, lock, SECRET, 0));
    assertThat(kit.voteBalance(d0)).isEqualTo(89 * OSM - LOCK_FEE);
    assertThat(kit.voteBalance(d1)).isEqualTo(11 * OSM);
    assertThat(SupplyCheck.voteBalanceMismatches(kit.wallets.all().values())).isEmpty();
  }

  @Test
  void claimBySomeoneElseCreditsTheClaimSendersDelegateAsArkDoes() throws Exception {
    kit.apply(vote(alice, d0));
    kit.fund(bob, 2 * OSM);
    kit.apply(vote(bob, d1)); // d1: 1
    PrivateKey carol = key("carol");
    kit.fund(carol, 2 * OSM);
    PrivateKey d2 = key("d2");
    kit.apply(vote(carol, d2)); // d2: 1
    Transaction lock = lock(10 * OSM, 2, kit.height + 100);
    kit.apply(lock);

    kit.apply(claim(carol, lock, SECRET, 1000));

    assertThat(kit.balance(bob)).isEqualTo(OSM + 10 * OSM - 1000);
    assertThat(kit.balance(carol)).isEqualTo(OSM);
    // ARK's quirk (spec §4.5/§10): the claim sender's delegate gains lock - fee, the recipient's
    // delegate nothing; the lock owner's delegate loses the lock
    assertThat(kit.voteBalance(d2)).isEqualTo(OSM + 10 * OSM - 1000);
    assertThat(kit.voteBalance(d1)).isEqualTo(OSM);
    assertThat(kit.voteBalance(d0)).isEqualTo(89 * OSM - LOCK_FEE);
    assertThat(SupplyCheck.voteBalanceMismatches(kit.wallets.all().values()))
        .containsOnlyKeys(StateKit.pk(d1), StateKit.pk(d2));
  }

  @Test
  void refundKeepsTheOwnersDelegateWhole() throws Exception {
    kit.apply(vote(alice, d0));
    Transaction lock = lock(10 * OSM, 2, kit.height + 60);
    kit.apply(lock);
    kit.height += 61;
    kit.apply(refund(alice, lock));
    assertThat(kit.voteBalance(d0)).isEqualTo(99 * OSM - LOCK_FEE);
    assertThat(SupplyCheck.voteBalanceMismatches(kit.wallets.all().values())).isEmpty();
  }
}
