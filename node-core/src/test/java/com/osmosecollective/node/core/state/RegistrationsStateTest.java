package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.key;
import static com.osmosecollective.node.core.state.StateKit.pk;
import static com.osmosecollective.node.core.state.StateKit.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.MultiSignatureKeys;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Second signature, delegate registration, multi-signature, IPFS and resignation. */
class RegistrationsStateTest {
  private final StateKit kit = new StateKit();
  private final PrivateKey alice = key("alice");
  private final PrivateKey second = key("alice second");

  private Transaction secondSignature(PrivateKey sender, PrivateKey secondKey) {
    return sign(kit.tx(sender, new Asset.SecondSignature(Bytes.of(secondKey.publicKey()))), sender);
  }

  @Test
  void secondSignatureRegistration() throws Exception {
    kit.fund(alice, 100 * OSM);
    Transaction tx = secondSignature(alice, second);
    kit.apply(tx);
    Wallet wallet = kit.wallet(alice);
    assertThat(wallet.secondPublicKey()).isEqualTo(pk(second));
    assertThat(wallet.balance()).isEqualTo(100 * OSM - tx.fee());
    assertThat(wallet.nonce()).isEqualTo(1);

    Transaction again =
        TransactionSigner.secondSign(secondSignature(alice, key("other second")), second);
    kit.rejects(again, "ERR_SECOND_SIGNATURE_ALREADY_REGISTERED");
  }

  @Test
  void secondSignatureRefusedForMultiSignatureWallets() {
    kit.wallets.put(
        kit.fund(alice, 100 * OSM)
            .withMultiSignature(new MultiSignature(1, List.of(pk(key("p0"))), false)));
    Transaction tx =
        TransactionSigner.multiSign(
            kit.tx(alice, new Asset.SecondSignature(Bytes.of(second.publicKey()))).build(),
            key("p0"),
            0);
    kit.rejects(tx, "ERR_NOT_SUPPORTED_FOR_MULTI_SIGNATURE_WALLET");
  }

  private Transaction register(PrivateKey sender, String username) {
    return sign(kit.tx(sender, new Asset.DelegateRegistration(username)), sender);
  }

  @Test
  void delegateRegistration() throws Exception {
    kit.fund(alice, 100 * OSM);
    Transaction tx = register(alice, "alice_d");
    kit.apply(tx);
    Wallet wallet = kit.wallet(alice);
    assertThat(wallet.delegate().username()).isEqualTo("alice_d");
    assertThat(wallet.delegate().voteBalance()).isZero();
    assertThat(wallet.delegate().producedBlocks()).isZero();
    assertThat(wallet.balance()).isEqualTo(75 * OSM);
    assertThat(kit.wallets.byUsername("alice_d")).contains(wallet);
    assertThat(kit.wallets.delegates()).containsExactly(wallet);

    kit.rejects(register(alice, "alice_again"), "ERR_ALREADY_DELEGATE");
    PrivateKey bob = key("bob");
    kit.fund(bob, 100 * OSM);
    kit.rejects(register(bob, "alice_d"), "ERR_USERNAME_TAKEN");
    kit.rejects(register(bob, ""), "ERR_NOT_DELEGATE");
  }

  @Test
  void delegateRegistrationRefusedForMultiSignatureWallets() {
    kit.wallets.put(
        kit.fund(alice, 100 * OSM)
            .withMultiSignature(new MultiSignature(1, List.of(pk(key("p0"))), false)));
    Transaction tx =
        TransactionSigner.multiSign(
            kit.tx(alice, new Asset.DelegateRegistration("multi")).build(), key("p0"), 0);
    kit.rejects(tx, "ERR_NOT_SUPPORTED_FOR_MULTI_SIGNATURE_WALLET");
  }

  private static List<PrivateKey> participants() {
    return List.of(key("p0"), key("p1"), key("p2"));
  }

  private Transaction multiSignature(int min, List<PrivateKey> keys, List<PrivateKey> signers) {
    Asset asset =
        new Asset.MultiSignature(min, keys.stream().map(k -> Bytes.of(k.publicKey())).toList());
    Transaction tx = kit.tx(alice, asset).build();
    for (int i = 0; i < signers.size(); i++) {
      tx = TransactionSigner.multiSign(tx, signers.get(i), i);
    }
    return TransactionSigner.sign(tx, alice);
  }

  @Test
  void multiSignatureRegistrationGoesToTheDerivedWallet() throws Exception {
    kit.fund(alice, 100 * OSM);
    Transaction tx = multiSignature(2, participants(), participants());
    kit.apply(tx);

    String walletKey =
        Hex.encode(
            MultiSignatureKeys.publicKey(
                2, participants().stream().map(PrivateKey::publicKey).toList()));
    Wallet multi = kit.wallets.byPublicKey(walletKey);
    assertThat(multi.multiSignature())
        .isEqualTo(
            new MultiSignature(2, participants().stream().map(StateKit::pk).toList(), false));
    assertThat(kit.wallet(alice).multiSignature()).isNull();
    assertThat(kit.balance(alice)).isEqualTo(95 * OSM);

    kit.rejects(
        multiSignature(2, participants(), participants()),
        "ERR_MULTI_SIGNATURE_ALREADY_REGISTERED");
  }

  @Test
  void multiSignatureRegistrationRejections() {
    kit.fund(alice, 100 * OSM);
    List<PrivateKey> keys = participants();
    kit.rejects(multiSignature(4, keys, keys), "ERR_MULTI_SIGNATURE_MINIMUM");
    kit.rejects(multiSignature(0, keys, keys), "ERR_MULTI_SIGNATURE_MINIMUM");
    kit.rejects(multiSignature(2, keys, keys.subList(0, 2)), "ERR_MULTI_SIGNATURE_KEY_COUNT");
    List<PrivateKey> wrongSigner = List.of(keys.get(0), keys.get(1), key("outsider"));
    kit.rejects(multiSignature(3, keys, wrongSigner), "ERR_INVALID_MULTI_SIGNATURE");
    // ARK's walk stops once min signatures verified: a bad third one is not looked at
    List<PrivateKey> twoBad = List.of(key("outsider"), key("outsider 2"), keys.get(2));
    kit.rejects(multiSignature(2, keys, twoBad), "ERR_INVALID_MULTI_SIGNATURE");
  }

  private Transaction ipfs(PrivateKey sender, byte fill) {
    byte[] multihash = new byte[34];
    multihash[0] = 0x12;
    multihash[1] = 32;
    java.util.Arrays.fill(multihash, 2, 34, fill);
    return sign(kit.tx(sender, new Asset.Ipfs(Bytes.of(multihash))), sender);
  }

  @Test
  void ipfsHashRegisteredOnce() throws Exception {
    kit.fund(alice, 100 * OSM);
    Transaction tx = ipfs(alice, (byte) 7);
    kit.apply(tx);
    String hash = Base58.encode(((Asset.Ipfs) tx.asset()).multihash().toArray());
    assertThat(hash).startsWith("Qm");
    assertThat(kit.wallet(alice).ipfsHashes()).containsExactly(hash);
    assertThat(kit.balance(alice)).isEqualTo(95 * OSM);
    assertThat(kit.wallets.ipfsHashOwner(hash)).contains(kit.wallet(alice));

    PrivateKey bob = key("bob");
    kit.fund(bob, 100 * OSM);
    kit.rejects(ipfs(bob, (byte) 7), "ERR_IPFS_HASH_USED");
    kit.apply(ipfs(bob, (byte) 8));
  }

  private Transaction resign(PrivateKey sender) {
    return sign(kit.tx(sender, new Asset.DelegateResignation()), sender);
  }

  @Test
  void resignationNeedsEnoughRemainingDelegates() throws Exception {
    List<PrivateKey> delegates = kit.delegates("d", 52);
    PrivateKey first = delegates.get(0);
    kit.fund(first, 100 * OSM);
    kit.wallets.put(kit.wallet(first).withDelegate(kit.wallet(first).delegate()));
    kit.apply(resign(first));
    assertThat(kit.wallet(first).delegate().resigned()).isTrue();
    assertThat(kit.balance(first)).isEqualTo(75 * OSM);
    kit.rejects(resign(first), "ERR_ALREADY_RESIGNED");

    PrivateKey next = delegates.get(1);
    kit.fund(next, 100 * OSM);
    TransactionRejectedException e = kit.rejects(resign(next), "ERR_NOT_ENOUGH_DELEGATES");
    assertThat(e.message()).contains("50", "51");
  }

  @Test
  void onlyDelegatesResign() {
    kit.fund(alice, 100 * OSM);
    kit.rejects(resign(alice), "ERR_NOT_DELEGATE");
  }
}
