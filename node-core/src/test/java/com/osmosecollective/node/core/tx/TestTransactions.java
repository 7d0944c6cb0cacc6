package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import java.util.List;

/** Hand-built, really signed transactions for unit tests (no shared vectors needed). */
final class TestTransactions {
  static final PrivateKey SENDER = PrivateKey.fromPassphrase("unit test sender");
  static final PrivateKey SECOND = PrivateKey.fromPassphrase("unit test second");
  static final Bytes SENDER_KEY = Bytes.of(SENDER.publicKey());
  static final Bytes RECIPIENT =
      Bytes.of(
          Address.payloadFromPublicKey(
              PrivateKey.fromPassphrase("unit test recipient").publicKey(),
              RandomTransactions.NETWORK));

  private TestTransactions() {}

  static Transaction.Builder v2(Asset asset) {
    return Transaction.builder()
        .version(2)
        .network(RandomTransactions.NETWORK)
        .nonce(1)
        .senderPublicKey(SENDER_KEY)
        .fee(10_000_000)
        .asset(asset);
  }

  static Transaction.Builder v1(Asset asset) {
    return Transaction.builder()
        .version(1)
        .network(RandomTransactions.NETWORK)
        .timestamp(1000)
        .senderPublicKey(SENDER_KEY)
        .fee(10_000_000)
        .asset(asset);
  }

  static Transaction transfer() {
    return TransactionSigner.sign(
        v2(new Asset.Transfer(0, RECIPIENT)).amount(1).vendorField("memo").build(), SENDER);
  }

  static Transaction signed(Transaction.Builder b) {
    return TransactionSigner.sign(b.build(), SENDER);
  }

  static List<PrivateKey> participants(int n) {
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> PrivateKey.fromPassphrase("unit test participant " + i))
        .toList();
  }
}
