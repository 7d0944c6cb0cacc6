package com.osmosecollective.node.funding.payout;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a delegate already paid: its transfers and multi-payments (storage's sender index) whose
 * vendor field is a {@link PayoutMemo} naming the delegate's own username.
 */
public final class PayoutLedger {
  private static final int CORE = 1;
  private static final int TRANSFER = 0;
  private static final int MULTI_PAYMENT = 6;

  private final ChainQueries queries;
  private final Network network;

  public PayoutLedger(ChainQueries queries, Network network) {
    this.queries = queries;
    this.network = network;
  }

  /** The delegate's payouts, oldest first. */
  public List<PaidPayout> paid(Wallet delegate) {
    List<PaidPayout> out = new ArrayList<>();
    String username = delegate.delegate().username();
    int offset = 0;
    Page<StoredTransaction> page;
    do {
      page = queries.transactionsBySender(delegate.address(), new PageRequest(offset, 100, true));
      for (StoredTransaction stored : page.items()) {
        if (stored.tx().typeGroup() == CORE
            && (stored.tx().type() == TRANSFER || stored.tx().type() == MULTI_PAYMENT)) {
          payout(stored).filter(p -> p.memo().username().equals(username)).ifPresent(out::add);
        }
      }
      offset += page.items().size();
    } while (page.hasMore());
    return out;
  }

  private java.util.Optional<PaidPayout> payout(StoredTransaction stored) {
    Transaction tx;
    try {
      tx =
          TransactionDecoder.decode(
              stored.tx().serialized(), TxContext.of(network, stored.height()));
    } catch (DecodeException e) {
      throw new IllegalStateException(
          "stored transaction " + stored.tx().id() + " does not decode", e);
    }
    return PayoutMemo.parse(tx.vendorField())
        .map(
            memo -> {
              Map<String, Long> paid = new HashMap<>();
              if (tx.asset() instanceof Asset.MultiPayment mp) {
                for (Asset.Payment p : mp.payments()) {
                  paid.merge(Address.fromPayload(p.recipient().toArray()), p.amount(), Long::sum);
                }
              } else if (tx.asset() instanceof Asset.Transfer t) {
                paid.merge(Address.fromPayload(t.recipient().toArray()), tx.amount(), Long::sum);
              }
              return new PaidPayout(stored.tx().id(), stored.height(), memo, paid);
            });
  }
}
