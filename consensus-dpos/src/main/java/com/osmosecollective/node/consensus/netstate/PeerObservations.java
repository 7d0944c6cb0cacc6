package com.osmosecollective.node.consensus.netstate;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The peers' view, for the network state. P2P implements it like ARK's {@code getNetworkState} does
 * before analysing: ping every known peer now (forced, with fast verification and a 1.5 s deadline,
 * dropping the peers whose ping or verification fails), then report one observation per peer still
 * known; a peer whose ping has not finished by the deadline is reported with its last known state,
 * as ARK does not wait for it.
 */
@FunctionalInterface
public interface PeerObservations {
  CompletableFuture<List<PeerObservation>> observe();
}
