package com.osmosecollective.node.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.HashMap;
import java.util.Map;

/** A small in-memory chain state with really signed transactions, for the state tests. */
final class StateKit {
  static final Network DEVNET = load("devnet");
  static final int NET = DEVNET.pubKeyHash();
  static final long OSM = 100_000_000L;

  private static final Map<String, PrivateKey> KEYS = new HashMap<>();

  final InMemoryWallets wallets = new InMemoryWallets(NET);
  final TransactionHandlers handlers = TransactionHandlers.withBestVerifier();
  long height = 100;
  long lastTimestamp = 100_000;
  Milestone milestone = DEVNET.milestones().at(1);

  static Network load(String name) {
    try {
      return new NetworkLoader().loadShipped(name);
    } catch (NetworkConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized PrivateKey key(String name) {
    return KEYS.computeIfAbsent(name, n -> PrivateKey.fromPassphrase("state test " + n));
  }

  static Bytes hexBytes(String hex) {
    try {
      return Bytes.fromHex(hex);
    } catch (com.osmosecollective.node.core.encoding.DecodeException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String pk(PrivateKey key) {
    return Bytes.of(key.publicKey()).hex();
  }

  static String address(PrivateKey key) {
    return Address.fromPublicKey(key.publicKey(), NET);
  }

  static Bytes payload(PrivateKey key) {
    return Bytes.of(Address.payloadFromPublicKey(key.publicKey(), NET));
  }

  StateContext ctx() {
    return new StateContext(height, lastTimestamp + 8, milestone, NET, height - 1, lastTimestamp);
  }

  /** Devnet's first milestone with these flags changed. */
  static Milestone milestone(boolean aip11, boolean aip37, boolean htlcEnabled) {
    Milestone m = DEVNET.milestones().at(1);
    return new Milestone(
        m.height(),
        m.reward(),
        m.activeDelegates(),
        m.blocktime(),
        m.epoch(),
        m.blockVersion(),
        m.maxTransactions(),
        m.maxPayload(),
        m.idFullSha256(),
        m.acceptExpiredTransactionTimestamps(),
        m.staticFees(),
        m.vendorFieldLength(),
        m.multiPaymentLimit(),
        aip11,
        htlcEnabled,
        aip37,
        m.raw());
  }

  Wallet wallet(PrivateKey key) {
    return wallets.byPublicKey(pk(key));
  }

  long balance(PrivateKey key) {
    return wallet(key).balance();
  }

  long voteBalance(PrivateKey delegate) {
    return wallet(delegate).delegate().voteBalance();
  }

  /** Stores a wallet with this balance and its key, as if it had received funds and sent once. */
  Wallet fund(PrivateKey key, long amount) {
    Wallet wallet = wallet(key).withBalance(amount);
    wallets.put(wallet);
    return wallet;
  }

  /** Stores a registered delegate directly (bypassing a registration transaction). */
  Wallet delegate(PrivateKey key, String username) {
    Wallet wallet = wallet(key).withDelegate(DelegateAttributes.registered(username));
    wallets.put(wallet);
    return wallet;
  }

  /** Registers {@code n} delegates named prefix0… directly and returns their keys. */
  java.util.List<PrivateKey> delegates(String prefix, int n) {
    java.util.List<PrivateKey> keys = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      PrivateKey k = key(prefix + i);
      delegate(k, prefix + i);
      keys.add(k);
    }
    return keys;
  }

  /** A v2 transaction from {@code sender} with the next nonce and the type's default fee. */
  Transaction.Builder tx(PrivateKey sender, Asset asset) {
    return txFrom(pk(sender), asset);
  }

  /** A v2 transaction from a public key (multi-signature wallets), next nonce, default fee. */
  Transaction.Builder txFrom(String senderKey, Asset asset) {
    return Transaction.builder()
        .version(2)
        .network(NET)
        .nonce(wallets.byPublicKey(senderKey).nonce() + 1)
        .senderPublicKey(hexBytes(senderKey))
        .fee(asset.type().defaultStaticFee())
        .asset(asset);
  }

  static Transaction sign(Transaction.Builder builder, PrivateKey sender) {
    return TransactionSigner.sign(builder.build(), sender);
  }

  Transaction transfer(PrivateKey from, PrivateKey to, long amount) {
    return sign(tx(from, new Asset.Transfer(0, payload(to))).amount(amount), from);
  }

  void apply(Transaction tx) throws TransactionRejectedException {
    handlers.apply(tx, wallets, ctx());
  }

  /** Asserts the transaction is rejected with {@code code} and that nothing changed. */
  TransactionRejectedException rejects(Transaction tx, String code) {
    Map<String, Wallet> before = new HashMap<>(wallets.all());
    TransactionRejectedException e =
        assertThrows(TransactionRejectedException.class, () -> apply(tx));
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.message()).isNotBlank();
    assertThat(e.transactionId()).isEqualTo(tx.id());
    assertThat(wallets.all()).isEqualTo(before);
    return e;
  }
}
