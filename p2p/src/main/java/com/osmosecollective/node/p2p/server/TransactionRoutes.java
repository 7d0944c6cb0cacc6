package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.pool.AdmissionResult;
import com.osmosecollective.node.consensus.pool.BatchTooLargeException;
import com.osmosecollective.node.consensus.pool.PoolAdmission;
import com.osmosecollective.node.consensus.pool.PoolRejection;
import com.osmosecollective.node.consensus.pool.RejectionCode;
import com.osmosecollective.node.consensus.pool.Submissions;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.p2p.codec.PostTransactionsCodec;
import com.osmosecollective.node.p2p.message.PostTransactionsRequest;
import com.osmosecollective.node.p2p.message.PostTransactionsResponse;
import com.osmosecollective.node.p2p.transport.Violation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * {@code p2p.transactions.postTransactions}: the pool's two-stage admission (cheap checks, then
 * signatures in parallel, then the chain thread: SV-023); the answer lists the accepted positions;
 * what the pool says to broadcast goes to the relay. Transactions that do not decode, fail their
 * signatures or belong to another network make the sender a violator (SV-023).
 */
public final class TransactionRoutes {
  private final Network network;
  private final Chain chain;
  private final PoolAdmission admission;
  private final Consumer<List<Transaction>> relay;

  public TransactionRoutes(
      Network network, Chain chain, PoolAdmission admission, Consumer<List<Transaction>> relay) {
    this.network = network;
    this.chain = chain;
    this.admission = admission;
    this.relay = relay;
  }

  public List<Route> routes() {
    return List.of(
        new Route(PostTransactionsCodec.ROUTE, 20 * 1024 * 1024, false, this::postTransactions));
  }

  private CompletableFuture<byte[]> postTransactions(Caller caller, byte[] payload)
      throws DecodeException, PeerViolationException {
    PostTransactionsRequest request = PostTransactionsCodec.decodeRequest(payload);
    caller.seen(request.headers());
    TxContext ctx = TxContext.of(network, chain.snapshot().height() + 1);
    List<byte[]> serialized = request.transactions().stream().map(Bytes::toArray).toList();
    CompletableFuture<AdmissionResult> admitted;
    try {
      admitted = admission.submit(Submissions.fromSerialized(serialized, ctx));
    } catch (BatchTooLargeException e) {
      throw new PeerViolationException(Violation.DECODING, e.getMessage());
    }
    return admitted.thenApply(
        result -> {
          for (Map.Entry<String, PoolRejection> error : result.errors().entrySet()) {
            RejectionCode code = error.getValue().code();
            if (code == RejectionCode.ERR_BAD_DATA || code == RejectionCode.ERR_WRONG_NETWORK) {
              throw new CompletionException(
                  new PeerViolationException(
                      Violation.INVALID_TRANSACTION,
                      "transaction "
                          + error.getKey()
                          + ": "
                          + code
                          + " "
                          + error.getValue().message()));
            }
          }
          if (!result.broadcastTransactions().isEmpty()) {
            relay.accept(result.broadcastTransactions());
          }
          return PostTransactionsCodec.encodeResponse(
              new PostTransactionsResponse(result.accept()));
        });
  }
}
