package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.key;
import static com.osmosecollective.node.core.state.StateKit.payload;
import static com.osmosecollective.node.core.state.StateKit.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiPaymentStateTest {
  private final StateKit kit = new StateKit();
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");
  private final PrivateKey carol = key("carol");

  private Transaction pay(long toBob, long toCarol, long toBobAgain) {
    Asset asset =
        new Asset.MultiPayment(
            List.of(
                new Asset.Payment(toBob, payload(bob)),
                new Asset.Payment(toCarol, payload(carol)),
                new Asset.Payment(toBobAgain, payload(bob))));
    return sign(kit.tx(alice, asset), alice);
  }

  @Test
  void everyRecipientIsPaidAndTheSenderPaysTheSumAndFee() throws Exception {
    kit.fund(alice, 100 * OSM);
    Transaction tx = pay(10 * OSM, 20 * OSM, 5 * OSM);
    kit.apply(tx);
    assertThat(kit.balance(alice)).isEqualTo(65 * OSM - tx.fee());
    assertThat(kit.balance(bob)).isEqualTo(15 * OSM);
    assertThat(kit.balance(carol)).isEqualTo(20 * OSM);
    assertThat(kit.wallet(alice).nonce()).isEqualTo(1);
  }

  @Test
  void theSumMustBeCovered() {
    kit.fund(alice, 35 * OSM);
    kit.rejects(pay(10 * OSM, 20 * OSM, 5 * OSM), "ERR_INSUFFICIENT_BALANCE");
  }

  @Test
  void hugeAmountsAreRejectedNotOverflowed() {
    kit.fund(alice, 100 * OSM);
    kit.rejects(pay(Long.MAX_VALUE / 2 + 1, 1, Long.MAX_VALUE / 2 + 1), "ERR_INSUFFICIENT_BALANCE");
    Transaction transfer =
        sign(
            kit.tx(alice, new Asset.Transfer(0, payload(bob))).amount(Long.MAX_VALUE - 1).fee(OSM),
            alice);
    kit.rejects(transfer, "ERR_INSUFFICIENT_BALANCE");
  }
}
