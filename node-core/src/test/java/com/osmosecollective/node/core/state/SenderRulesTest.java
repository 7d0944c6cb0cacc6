package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.key;
import static com.osmosecollective.node.core.state.StateKit.payload;
import static com.osmosecollective.node.core.state.StateKit.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.MultiSignatureKeys;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.wallet.MultiSignature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic checks every type goes through: network, version, signatures of the wallet. */
class SenderRulesTest {
  private final StateKit kit = new StateKit();
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");
  private final PrivateKey second = key("alice second");

  @Test
  void secondSignatureWalletNeedsAValidSecondSignature() throws Exception {
    kit.wallets.put(kit.fund(alice, 100 * OSM).withSecondPublicKey(StateKit.pk(second)));
    Transaction first = kit.transfer(alice, bob, OSM);
    kit.rejects(first, "ERR_MISSING_SECOND_SIGNATURE");

    Transaction wrong = TransactionSigner.secondSign(first, key("not the second key"));
    kit.rejects(wrong, "ERR_INVALID_SECOND_SIGNATURE");

    Transaction good = TransactionSigner.secondSign(first, second);
    kit.apply(good);
    assertThat(kit.balance(bob)).isEqualTo(OSM);
  }

  @Test
  void secondSignatureWithoutSecondKeyIsRefused() {
    kit.fund(alice, 100 * OSM);
    Transaction tx = TransactionSigner.secondSign(kit.transfer(alice, bob, OSM), second);
    kit.rejects(tx, "ERR_UNEXPECTED_SECOND_SIGNATURE");
  }

  @Test
  void multiSignatureWalletNeedsItsParticipants() throws Exception {
    List<PrivateKey> participants = List.of(key("p0"), key("p1"), key("p2"));
    String walletKey =
        Hex.encode(
            MultiSignatureKeys.publicKey(
                2, participants.stream().map(PrivateKey::publicKey).toList()));
    kit.wallets.put(
        kit.wallets
            .byPublicKey(walletKey)
            .withBalance(100 * OSM)
            .withMultiSignature(
                new MultiSignature(2, participants.stream().map(StateKit::pk).toList(), false)));
    Transaction unsigned =
        kit.txFrom(walletKey, new Asset.Transfer(0, payload(bob))).amount(OSM).build();

    Transaction one = TransactionSigner.multiSign(unsigned, participants.get(0), 0);
    kit.rejects(one, "ERR_INVALID_MULTI_SIGNATURE");
    Transaction forged = TransactionSigner.multiSign(one, key("outsider"), 1);
    kit.rejects(forged, "ERR_INVALID_MULTI_SIGNATURE");

    Transaction two = TransactionSigner.multiSign(one, participants.get(2), 2);
    kit.apply(two);
    assertThat(kit.balance(bob)).isEqualTo(OSM);
    assertThat(kit.wallets.byPublicKey(walletKey).nonce()).isEqualTo(1);
  }

  @Test
  void legacyMultiSignatureWalletsCannotSend() {
    kit.wallets.put(
        kit.fund(alice, 100 * OSM)
            .withMultiSignature(new MultiSignature(1, List.of(StateKit.pk(key("p0"))), true)));
    Transaction tx =
        TransactionSigner.multiSign(
            kit.tx(alice, new Asset.Transfer(0, payload(bob))).amount(OSM).build(), key("p0"), 0);
    kit.rejects(tx, "ERR_LEGACY_MULTI_SIGNATURE");
  }

  @Test
  void participantSignaturesFromAnOrdinaryWalletAreRefused() {
    kit.fund(alice, 100 * OSM);
    Transaction.Builder b = kit.tx(alice, new Asset.Transfer(0, payload(bob))).amount(OSM);
    Transaction tx =
        TransactionSigner.sign(TransactionSigner.multiSign(b.build(), alice, 0), alice);
    kit.rejects(tx, "ERR_UNEXPECTED_MULTI_SIGNATURE");
  }

  @Test
  void otherNetworkIsRefused() {
    kit.fund(alice, 100 * OSM);
    Transaction tx =
        sign(kit.tx(alice, new Asset.Transfer(0, payload(bob))).amount(OSM).network(23), alice);
    kit.rejects(tx, "ERR_WRONG_NETWORK");
  }

  @Test
  void versionMustMatchTheMilestone() {
    kit.fund(alice, 100 * OSM);
    Transaction v1 =
        sign(
            kit.tx(alice, new Asset.Transfer(0, payload(bob)))
                .version(1)
                .nonce(0)
                .timestamp(5)
                .amount(OSM),
            alice);
    kit.rejects(v1, "ERR_UNSUPPORTED_VERSION");
    kit.milestone = StateKit.milestone(false, false, false);
    Transaction v2 = kit.transfer(alice, bob, OSM);
    kit.rejects(v2, "ERR_UNSUPPORTED_VERSION");
  }

  @Test
  void version1IncrementsTheNonceWithoutChecksOnIt() throws Exception {
    kit.milestone = StateKit.milestone(false, false, false);
    kit.fund(alice, 100 * OSM);
    for (int i = 0; i < 2; i++) {
      Transaction v1 =
          sign(
              kit.tx(alice, new Asset.Transfer(0, payload(bob)))
                  .version(1)
                  .nonce(0)
                  .timestamp(5 + i)
                  .amount(OSM),
              alice);
      kit.apply(v1);
    }
    assertThat(kit.wallet(alice).nonce()).isEqualTo(2);
    assertThat(kit.balance(bob)).isEqualTo(2 * OSM);
  }

  @Test
  void legacyMultiSignatureRegistrationIsRefused() {
    kit.milestone = StateKit.milestone(false, false, false);
    kit.fund(alice, 100 * OSM);
    Asset legacy =
        new Asset.MultiSignatureLegacy(
            2, 24, List.of(Bytes.of(key("p0").publicKey()), Bytes.of(key("p1").publicKey())));
    Transaction tx = sign(kit.tx(alice, legacy).version(1).nonce(0).timestamp(5), alice);
    kit.rejects(tx, "ERR_LEGACY_MULTI_SIGNATURE");
  }

  @Test
  void typesNeedTheirMilestone() {
    kit.milestone = StateKit.milestone(true, true, false);
    kit.fund(alice, 100 * OSM);
    Asset lock = new Asset.HtlcLock(Bytes.of(new byte[32]), 2, kit.height + 100, payload(bob));
    Transaction tx = sign(kit.tx(alice, lock).amount(OSM), alice);
    kit.rejects(tx, "ERR_UNSUPPORTED");
  }
}
