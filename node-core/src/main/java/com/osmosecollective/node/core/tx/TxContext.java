package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import java.util.Objects;

/**
 * The network and the milestone a transaction is read or checked under: the network byte every
 * transaction and address must carry, and the height-dependent limits (vendorField length,
 * multi-payment limit, aip11, htlcEnabled). Blocks pass the milestone of their own height; the pool
 * passes the milestone of the next height.
 */
public record TxContext(int pubKeyHash, Milestone milestone) {
  public TxContext {
    Objects.requireNonNull(milestone, "milestone");
  }

  public static TxContext of(Network network, long height) {
    return new TxContext(network.pubKeyHash(), network.milestones().at(height));
  }
}
