package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.tx.Transaction;
import org.junit.jupiter.api.Test;

class TransferStateTest {
  private final StateKit kit = new StateKit();
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");

  @Test
  void transferMovesAmountPaysFeeAndAdvancesNonce() throws Exception {
    kit.fund(alice, 100 * OSM);
    Transaction tx = kit.transfer(alice, bob, 30 * OSM);

    kit.apply(tx);

    assertThat(kit.balance(alice)).isEqualTo(100 * OSM - 30 * OSM - tx.fee());
    assertThat(kit.wallet(alice).nonce()).isEqualTo(1);
    assertThat(kit.balance(bob)).isEqualTo(30 * OSM);
    assertThat(kit.wallet(bob).nonce()).isZero();
  }

  @Test
  void nonceMustBeExactlyTheNext() throws Exception {
    kit.fund(alice, 100 * OSM);
    Transaction skipping =
        StateKit.sign(kit.tx(alice, transferAsset()).amount(OSM).nonce(2), alice);
    TransactionRejectedException e = kit.rejects(skipping, "ERR_NONCE");
    assertThat(e.message()).contains("expected nonce 1", "got 2");

    Transaction first = kit.transfer(alice, bob, OSM);
    kit.apply(first);
    kit.rejects(first, "ERR_NONCE");
  }

  @Test
  void balanceMustCoverAmountAndFee() {
    kit.fund(alice, 5 * OSM);
    Transaction tx = kit.transfer(alice, bob, 5 * OSM);
    kit.rejects(tx, "ERR_INSUFFICIENT_BALANCE");
  }

  @Test
  void exactBalanceEmptiesTheWallet() throws Exception {
    kit.fund(alice, 5 * OSM);
    Transaction tx = kit.transfer(alice, bob, 5 * OSM - 10_000_000L);
    kit.apply(tx);
    assertThat(kit.balance(alice)).isZero();
  }

  @Test
  void checkAloneChangesNothing() throws Exception {
    kit.fund(alice, 100 * OSM);
    var before = new java.util.HashMap<>(kit.wallets.all());
    kit.handlers.check(kit.transfer(alice, bob, OSM), kit.wallets, kit.ctx());
    assertThat(kit.wallets.all()).isEqualTo(before);
  }

  @Test
  void aPoolOverlayChainsNoncesWithoutTouchingTheChainState() throws Exception {
    kit.fund(alice, 100 * OSM);
    WalletOverlay pool = new WalletOverlay(kit.wallets);
    Transaction first = kit.transfer(alice, bob, OSM);
    kit.handlers.apply(first, pool, kit.ctx());
    Transaction second = StateKit.sign(kit.tx(alice, transferAsset()).amount(OSM).nonce(2), alice);

    kit.handlers.check(second, pool, kit.ctx());
    TransactionRejectedException onChain =
        org.junit.jupiter.api.Assertions.assertThrows(
            TransactionRejectedException.class,
            () -> kit.handlers.check(second, kit.wallets, kit.ctx()));
    assertThat(onChain.code()).isEqualTo("ERR_NONCE");
    assertThat(kit.wallet(alice).nonce()).isZero();
  }

  @Test
  void contextHeightsMustChain() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> new StateContext(10, 100, kit.milestone, StateKit.NET, 8, 90));
    StateContext pool = StateContext.forPool(StateKit.DEVNET, 41, 1000, 1015);
    assertThat(pool.height()).isEqualTo(42);
    assertThat(pool.lastBlockHeight()).isEqualTo(41);
    assertThat(pool.lastBlockTimestamp()).isEqualTo(1000);
    assertThat(pool.blockTimestamp()).isEqualTo(1015);
  }

  @Test
  void coldWalletCannotSend() {
    Transaction tx = kit.transfer(alice, bob, 1);
    kit.rejects(tx, "ERR_COLD_WALLET");
  }

  private com.osmosecollective.node.core.tx.Asset transferAsset() {
    return new com.osmosecollective.node.core.tx.Asset.Transfer(0, StateKit.payload(bob));
  }
}
