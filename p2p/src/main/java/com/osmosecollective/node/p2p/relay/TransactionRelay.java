package com.osmosecollective.node.p2p.relay;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.p2p.message.PostTransactionsRequest;
import com.osmosecollective.node.p2p.peer.Peer;
import com.osmosecollective.node.p2p.peer.PeerClient;
import com.osmosecollective.node.p2p.peer.PeerTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the transactions the pool says to broadcast (its admission result, from the API or a peer)
 * to every peer, in requests of at most 40 (spec §7.7, §5): driven by admissions, never by polling.
 */
public final class TransactionRelay implements Consumer<List<Transaction>> {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionRelay.class);

  private final PeerTable table;
  private final PeerClient client;
  private final Executor executor;

  public TransactionRelay(PeerTable table, PeerClient client, Executor executor) {
    this.table = table;
    this.client = client;
    this.executor = executor;
  }

  @Override
  public void accept(List<Transaction> transactions) {
    if (transactions.isEmpty()) {
      return;
    }
    List<Bytes> serialized = new ArrayList<>(transactions.size());
    for (Transaction tx : transactions) {
      serialized.add(Bytes.of(tx.serialized()));
    }
    executor.execute(() -> send(serialized));
  }

  private void send(List<Bytes> serialized) {
    for (Peer peer : table.all()) {
      for (int i = 0; i < serialized.size(); i += PostTransactionsRequest.MAX_TRANSACTIONS) {
        List<Bytes> batch =
            serialized.subList(
                i, Math.min(serialized.size(), i + PostTransactionsRequest.MAX_TRANSACTIONS));
        client
            .postTransactions(peer.key(), batch)
            .exceptionally(
                error -> {
                  LOG.debug("postTransactions to {} failed: {}", peer, error.toString());
                  return null;
                });
      }
    }
  }
}
