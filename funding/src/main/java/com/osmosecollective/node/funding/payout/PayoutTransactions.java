package com.osmosecollective.node.funding.payout;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed payout transactions for a run: per batch, multi-payments of at most the milestone's {@code
 * multiPaymentLimit} recipients (a multi-payment needs at least two: a lone recipient gets a
 * transfer), each with the batch's memo and the milestone's static fee, nonces in sequence.
 */
public final class PayoutTransactions {
  static final long DEFAULT_MULTI_PAYMENT_FEE = 10_000_000L;
  static final long DEFAULT_TRANSFER_FEE = 10_000_000L;

  private PayoutTransactions() {}

  /**
   * Builds and signs the run's transactions.
   *
   * @param firstNonce the delegate wallet's nonce + 1
   * @param milestone the milestone of the next height (limits and fees)
   */
  public static List<Transaction> build(
      PayoutRun run, PrivateKey delegateKey, long firstNonce, Milestone milestone, int pubKeyHash) {
    List<Transaction> out = new ArrayList<>();
    long nonce = firstNonce;
    int limit = Math.max(2, milestone.multiPaymentLimit());
    for (PayoutBatch batch : run.batches()) {
      List<PayoutBatch.Payment> payments = batch.payments();
      for (int i = 0; i < payments.size(); i += limit) {
        List<PayoutBatch.Payment> chunk = payments.subList(i, Math.min(payments.size(), i + limit));
        Transaction.Builder tx =
            Transaction.builder()
                .version(2)
                .network(pubKeyHash)
                .nonce(nonce++)
                .senderPublicKey(Bytes.of(delegateKey.publicKey()))
                .vendorField(batch.memo().toString());
        if (chunk.size() == 1) {
          tx.fee(milestone.staticFee("transfer", DEFAULT_TRANSFER_FEE))
              .amount(chunk.get(0).amount())
              .asset(new Asset.Transfer(0, recipient(chunk.get(0).address(), pubKeyHash)));
        } else {
          List<Asset.Payment> assetPayments = new ArrayList<>(chunk.size());
          for (PayoutBatch.Payment p : chunk) {
            assetPayments.add(new Asset.Payment(p.amount(), recipient(p.address(), pubKeyHash)));
          }
          tx.fee(milestone.staticFee("multiPayment", DEFAULT_MULTI_PAYMENT_FEE))
              .amount(0)
              .asset(new Asset.MultiPayment(assetPayments));
        }
        out.add(TransactionSigner.sign(tx.build(), delegateKey));
      }
    }
    return out;
  }

  /** Sum of the fees of {@code transactions}. */
  public static long fees(List<Transaction> transactions) {
    return transactions.stream().mapToLong(Transaction::fee).sum();
  }

  private static Bytes recipient(String address, int pubKeyHash) {
    try {
      return Bytes.of(Address.decode(address, pubKeyHash));
    } catch (DecodeException e) {
      throw new IllegalArgumentException("recipient " + address + ": " + e.getMessage(), e);
    }
  }
}
