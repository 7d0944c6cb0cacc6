package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Milestones;
import com.osmosecollective.node.consensus.NetworkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network gate of a node on a real network that has no peers to ask: it never forges (alone it
 * would build its own fork, and once connected be a double-forging delegate) and says why once per
 * round of slots, so a delegate sees it in the log without a line every slot.
 */
public final class NoPeersGate implements NetworkGate {
  private static final Logger LOG = LoggerFactory.getLogger(NoPeersGate.class);

  private final NetworkTime time;
  private final Milestones milestones;
  private final String reason;

  /** When the reason was last logged (network seconds), or MIN_VALUE before the first time. */
  private long loggedAt = Long.MIN_VALUE;

  /**
   * @param reason why there are no peers, for the log
   */
  public NoPeersGate(NetworkTime time, Milestones milestones, String reason) {
    this.time = time;
    this.milestones = milestones;
    this.reason = reason;
  }

  @Override
  public synchronized boolean allowsForging(ForgingTurn turn) {
    long now = time.now();
    Milestone milestone = milestones.at(turn.lastBlockHeight() + 1);
    long round = (long) milestone.activeDelegates() * milestone.blocktime();
    if (loggedAt == Long.MIN_VALUE || now - loggedAt >= round) {
      loggedAt = now;
      LOG.warn(
          "not forging (delegate {}, height {}): {}; a delegate forges only when a quorum of its"
              + " peers agrees with its chain (a local devnet is the only exception), so this node"
              + " runs as a relay",
          turn.delegatePublicKey(),
          turn.lastBlockHeight() + 1,
          reason);
    }
    return false;
  }
}
