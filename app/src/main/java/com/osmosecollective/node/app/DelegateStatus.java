package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.BlockTimestampLookup;
import com.osmosecollective.node.consensus.DelegateShuffle;
import com.osmosecollective.node.consensus.ForgingSchedule;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.RoundCalculator;
import com.osmosecollective.node.consensus.RoundInfo;
import com.osmosecollective.node.consensus.Slots;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A delegate's standing at the chain's tip, and when it forges next.
 *
 * @param active whether it is among the delegates of the round the next block belongs to
 * @param nextSlot its next slot in that round if every slot until then gets its block, or null (not
 *     active, or its turn in this round has passed)
 * @param round the round of the next block
 * @param roundLastHeight the last height of that round
 */
record DelegateStatus(
    DelegateView.Delegate delegate,
    long tipHeight,
    long round,
    long roundLastHeight,
    boolean active,
    NextSlot nextSlot) {

  /** A forging slot and its start. */
  record NextSlot(long slot, long epochTime, Instant time) {}

  /** Reads the delegate and computes its next slot from the round's forging order. */
  static DelegateStatus of(
      DelegateView view, Network network, Clock clock, DelegateView.Delegate delegate)
      throws DelegateView.ViewException {
    long tip = view.tipHeight();
    long height = tip + 1;
    RoundInfo round = new RoundCalculator(network.milestones()).roundOf(height);
    List<String> ranked = view.roundDelegates(round.round());
    boolean active = ranked.contains(delegate.publicKey());
    NextSlot next = null;
    if (active) {
      next = nextSlot(view, network, clock, delegate.publicKey(), tip, round, ranked);
    }
    return new DelegateStatus(delegate, tip, round.round(), round.lastHeight(), active, next);
  }

  /**
   * The first slot from now on whose forger is the delegate, if the round's remaining blocks reach
   * it when every slot until then is filled (a missed slot delays the round's end, never the order:
   * the slot number picks the forger).
   */
  private static NextSlot nextSlot(
      DelegateView view,
      Network network,
      Clock clock,
      String publicKey,
      long tip,
      RoundInfo round,
      List<String> ranked)
      throws DelegateView.ViewException {
    BlockTimestampLookup lookup = timestamps(view);
    Slots slots = new Slots(network.milestones());
    ForgingSchedule schedule = new ForgingSchedule(network.milestones(), slots);
    List<String> order = DelegateShuffle.forgingOrder(round.round(), ranked);
    NetworkTime time = new NetworkTime(network.epoch(), clock);
    long height = tip + 1;
    long slot = slots.slotNumber(time.now(), height, lookup);
    long tipSlot = slots.slotNumber(view.blockTimestamp(tip), tip, lookup);
    if (slot <= tipSlot) {
      slot = tipSlot + 1;
    }
    long blocksLeft = round.lastHeight() - tip;
    for (long k = 0; k < blocksLeft; k++) {
      int index = schedule.forgerIndex(slot + k, height, lookup);
      if (index >= 0 && index < order.size() && order.get(index).equals(publicKey)) {
        long epochTime = slots.slotTime(slot + k, height, lookup);
        return new NextSlot(
            slot + k, epochTime, Instant.ofEpochMilli(time.unixMillisOf(epochTime)));
      }
    }
    return null;
  }

  private static BlockTimestampLookup timestamps(DelegateView view) {
    return height -> {
      if (height == 1) {
        return 0;
      }
      try {
        return view.blockTimestamp(height);
      } catch (DelegateView.ViewException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    };
  }
}
