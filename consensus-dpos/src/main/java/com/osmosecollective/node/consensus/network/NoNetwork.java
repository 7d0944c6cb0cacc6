package com.osmosecollective.node.consensus.network;

import java.util.List;
import java.util.OptionalLong;

/** The view of a node that runs no P2P: it reports nothing rather than inventing peers. */
enum NoNetwork implements NetworkView {
  INSTANCE;

  @Override
  public List<PeerSummary> peers() {
    return List.of();
  }

  @Override
  public OptionalLong networkHeight() {
    return OptionalLong.empty();
  }

  @Override
  public boolean syncing() {
    return false;
  }
}
