package com.osmosecollective.node.p2p.message;

import com.osmosecollective.node.core.encoding.Bytes;
import java.util.List;

/** {@code transactions.PostTransactionsRequest}: up to 40 serialized transactions. */
public record PostTransactionsRequest(List<Bytes> transactions, Headers headers) {
  /** The route's schema limit (spec §7.2); ARK's own decoder would read up to 1000. */
  public static final int MAX_TRANSACTIONS = 40;

  public PostTransactionsRequest {
    transactions = List.copyOf(transactions);
  }
}
