package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import java.util.ArrayList;
import java.util.List;

/** The chain benchmarks' block content: v2 transfers of one sender with consecutive nonces. */
final class SignedTransfers {
  private SignedTransfers() {}

  /** {@code count} transfers of 1, 2, … arktoshi to {@code recipient}, nonces from firstNonce. */
  static List<Transaction> of(
      Network network, PrivateKey sender, long firstNonce, int count, Bytes recipient) {
    List<Transaction> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Transaction tx =
          Transaction.builder()
              .version(2)
              .network(network.pubKeyHash())
              .nonce(firstNonce + i)
              .senderPublicKey(Bytes.of(sender.publicKey()))
              .fee(100_000_000L)
              .amount(1 + i)
              .asset(new Asset.Transfer(0, recipient))
              .build();
      txs.add(TransactionSigner.sign(tx, sender));
    }
    return txs;
  }
}
