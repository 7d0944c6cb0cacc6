package com.osmosecollective.node.p2p.message;

import java.util.List;

/**
 * {@code transactions.PostTransactionsResponse}: the positions ("0", "1", ...) of the accepted
 * entries of the request, not transaction ids.
 */
public record PostTransactionsResponse(List<String> accept) {
  public PostTransactionsResponse {
    accept = List.copyOf(accept);
  }
}
