package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.osmosecollective.node.config.NetworkExceptions;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ARK's isException transactions skip the generic wallet checks, not the nonce or type rules. */
class ExceptionStateTest {
  private final StateKit kit = new StateKit();
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");

  private StateContext ctxExcepting(Transaction... txs) {
    StateContext plain = kit.ctx();
    Set<String> ids = new java.util.HashSet<>();
    for (Transaction tx : txs) {
      ids.add(tx.id());
    }
    return new StateContext(
        plain.height(),
        plain.blockTimestamp(),
        plain.milestone(),
        plain.pubKeyHash(),
        plain.lastBlockHeight(),
        plain.lastBlockTimestamp(),
        new NetworkExceptions(Set.of(), ids, Map.of(), Map.of(), Map.of(), Map.of(), Map.of()));
  }

  @Test
  void anExceptionMayOverdrawItsSender() throws Exception {
    kit.fund(alice, 5 * OSM);
    Transaction tx = kit.transfer(alice, bob, 20 * OSM);
    kit.rejects(tx, "ERR_INSUFFICIENT_BALANCE");

    kit.handlers.apply(tx, kit.wallets, ctxExcepting(tx));

    assertThat(kit.balance(alice)).isEqualTo(5 * OSM - 20 * OSM - tx.fee());
    assertThat(kit.balance(bob)).isEqualTo(20 * OSM);
    assertThat(kit.wallet(alice).nonce()).isEqualTo(1);
  }

  @Test
  void anExceptionSkipsTheSecondSignatureCheck() throws Exception {
    kit.fund(alice, 100 * OSM);
    kit.wallets.put(kit.wallet(alice).withSecondPublicKey(StateKit.pk(key("second"))));
    Transaction tx = kit.transfer(alice, bob, OSM);
    kit.rejects(tx, "ERR_MISSING_SECOND_SIGNATURE");

    kit.handlers.apply(tx, kit.wallets, ctxExcepting(tx));

    assertThat(kit.balance(bob)).isEqualTo(OSM);
  }

  @Test
  void anExceptionStillNeedsTheNextNonce() {
    kit.fund(alice, 100 * OSM);
    Transaction skipping =
        StateKit.sign(
            kit.tx(alice, new Asset.Transfer(0, StateKit.payload(bob))).amount(OSM).nonce(3),
            alice);
    TransactionRejectedException e =
        assertThrows(
            TransactionRejectedException.class,
            () -> kit.handlers.apply(skipping, kit.wallets, ctxExcepting(skipping)));
    assertThat(e.code()).isEqualTo("ERR_NONCE");
  }

  @Test
  void anExceptionStillFollowsItsTypesRules() {
    kit.fund(alice, 100 * OSM);
    Transaction vote =
        StateKit.sign(
            kit.tx(
                alice,
                new Asset.Vote(List.of(new Asset.VoteEntry(true, Bytes.of(bob.publicKey()))))),
            alice);
    // bob is no delegate: ARK's vote handler refuses before its generic checks
    assertThrows(
        TransactionRejectedException.class,
        () -> kit.handlers.apply(vote, kit.wallets, ctxExcepting(vote)));
  }

  @Test
  void anotherTransactionsExceptionDoesNotHelp() {
    kit.fund(alice, 5 * OSM);
    Transaction tx = kit.transfer(alice, bob, 20 * OSM);
    Transaction other = kit.transfer(alice, bob, 21 * OSM);
    TransactionRejectedException e =
        assertThrows(
            TransactionRejectedException.class,
            () -> kit.handlers.apply(tx, kit.wallets, ctxExcepting(other)));
    assertThat(e.code()).isEqualTo("ERR_INSUFFICIENT_BALANCE");
  }
}
