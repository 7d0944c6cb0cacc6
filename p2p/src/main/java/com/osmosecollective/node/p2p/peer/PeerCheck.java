package com.osmosecollective.node.p2p.peer;

import com.osmosecollective.node.consensus.ForkTieBreak.BranchStart;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.p2p.message.GetStatusResponse;

/**
 * The outcome of pinging and verifying a peer.
 *
 * @param tip the peer's tip header, its id and signature checked
 * @param onOurChain we hold the peer's tip block (fast verification's "not forked")
 * @param highestCommonHeight the highest block both chains share; only known after a full
 *     verification of a peer whose tip we do not hold, else the lower of the two heights
 * @param forked full verification: the chains part below both tips (ARK's {@code forked})
 * @param ourBranch when forked: our block at {@code highestCommonHeight + 1}, else null
 * @param theirBranch when forked: the peer's block at {@code highestCommonHeight + 1} (its header
 *     verified), else null
 */
public record PeerCheck(
    GetStatusResponse status,
    Block tip,
    long latencyMillis,
    boolean onOurChain,
    long highestCommonHeight,
    boolean forked,
    BranchStart ourBranch,
    BranchStart theirBranch) {

  /** A check that found no fork. */
  public PeerCheck(
      GetStatusResponse status,
      Block tip,
      long latencyMillis,
      boolean onOurChain,
      long highestCommonHeight,
      boolean forked) {
    this(status, tip, latencyMillis, onOurChain, highestCommonHeight, forked, null, null);
  }
}
