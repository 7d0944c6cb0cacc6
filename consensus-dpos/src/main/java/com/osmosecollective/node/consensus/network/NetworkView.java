package com.osmosecollective.node.consensus.network;

import java.util.List;
import java.util.OptionalLong;

/**
 * What the peer-to-peer layer tells the rest of the node about the network: P2P implements it, the
 * REST API ({@code /peers}, {@code /node/status}, {@code /node/syncing}) and the operator tools
 * read it. Defined here, below both, so neither depends on the other.
 */
public interface NetworkView {
  /** The peers this node is connected to and has verified, in no particular order. */
  List<PeerSummary> peers();

  /**
   * The network's height as the peers report it (the median of their heights), empty when no peer
   * is known.
   */
  OptionalLong networkHeight();

  /** True while the node is downloading blocks to catch up with the network. */
  boolean syncing();

  /** A node without P2P: no peers, no network height, never syncing. */
  static NetworkView none() {
    return NoNetwork.INSTANCE;
  }
}
