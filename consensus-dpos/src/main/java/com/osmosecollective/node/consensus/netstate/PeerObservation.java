package com.osmosecollective.node.consensus.netstate;

import com.osmosecollective.node.core.block.Block;
import java.util.Objects;

/**
 * What one peer told us when it was last pinged for the network state (ARK: {@code peer.state} from
 * {@code p2p.peer.getStatus}, and {@code peer.fastVerificationResult}).
 *
 * @param peer the peer's address, for logs ("ip:port")
 * @param height the height the peer claims ({@code state.height})
 * @param tipHeader the header of the peer's last block ({@code state.header}), a block without
 *     transactions
 * @param forked the fast verification's verdict: true unless we hold the peer's tip block in our
 *     own chain (ARK counts a peer whose fast verification has no result as not forked; P2P passes
 *     false only for a peer whose tip it found on our chain)
 * @param currentSlot the slot number the peer says is current ({@code state.currentSlot})
 * @param forgingAllowed whether the peer says its forging window is open
 */
public record PeerObservation(
    String peer,
    long height,
    Block tipHeader,
    boolean forked,
    long currentSlot,
    boolean forgingAllowed) {
  public PeerObservation {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(tipHeader, "tipHeader");
  }
}
