package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.ForgingInfo;
import com.osmosecollective.node.consensus.ForgingMargin;
import com.osmosecollective.node.consensus.ForgingSchedule;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.chain.BlockOutcome;
import com.osmosecollective.node.consensus.chain.BlockStatus;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.chain.TransactionSource;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process forger (spec §6): when the current slot belongs to one of our delegates and its
 * forging window is open, it makes, signs and hands one block to the chain. It never signs two
 * blocks for one slot ({@link ForgedSlots}). The {@link NetworkGate} decides whether the network
 * state allows forging; a block made with less than {@link ForgingMargin} ms left in its slot is
 * dropped (ARK {@code forger-service.ts forgeNewBlock}), as peers could not get it in time.
 */
public final class Forger implements ForgingStep {
  private static final Logger LOG = LoggerFactory.getLogger(Forger.class);

  private final Network network;
  private final Chain chain;
  private final NetworkTime time;
  private final DelegateKeys keys;
  private final ForgedSlots forgedSlots;
  private final TransactionSource transactions;
  private final SlotClaim slotClaim;
  private final Slots slots;
  private final ForgingSchedule schedule;
  private final BlockFactory factory;

  /** A block this forger made and what the chain decided about it. */
  public record Forged(Block block, BlockOutcome outcome) {}

  public Forger(
      Network network,
      Chain chain,
      NetworkTime time,
      DelegateKeys keys,
      ForgedSlots forgedSlots,
      TransactionSource transactions) {
    this(network, chain, time, keys, forgedSlots, transactions, NetworkGate.ALONE);
  }

  public Forger(
      Network network,
      Chain chain,
      NetworkTime time,
      DelegateKeys keys,
      ForgedSlots forgedSlots,
      TransactionSource transactions,
      NetworkGate gate) {
    this.slotClaim = new SlotClaim(forgedSlots, gate);
    this.network = network;
    this.chain = chain;
    this.time = time;
    this.keys = keys;
    this.forgedSlots = forgedSlots;
    this.transactions = transactions;
    this.slots = new Slots(network.milestones());
    this.schedule = new ForgingSchedule(network.milestones(), slots);
    this.factory = new BlockFactory(new BlockCodec(network));
  }

  /**
   * Logs an error when the last signed slot is ahead of the current one (a clock that was wrong
   * when it was written, or a copied data dir): this forger skips every slot until then. Returns
   * how many slots ahead it is (0 when it is not).
   */
  public long warnIfSignedSlotAhead() {
    ChainSnapshot snapshot = chain.snapshot();
    long height = snapshot.lastBlock().height() + 1;
    long current = slots.slotNumber(time.now(), height, chain.timestampLookup());
    long ahead = forgedSlots.lastSlot() - current;
    if (ahead > 0) {
      Milestone milestone = network.milestones().at(height);
      LOG.error(
          "the forger will not forge for {} slot(s) (about {} s): {} records slot {} as signed but"
              + " the current slot is {}. If the clock was wrong when it was written and no block"
              + " was signed for those slots, stop the node, delete that file and restart",
          ahead,
          ahead * milestone.blocktime(),
          forgedSlots.location(),
          forgedSlots.lastSlot(),
          current);
    }
    return Math.max(0, ahead);
  }

  /**
   * Forges if now is one of our slots, nothing was forged for it yet and the network gate allows
   * it; waits for the chain. Called from one thread at a time.
   */
  @Override
  public Optional<Forged> forgeIfDue() {
    ChainSnapshot snapshot = chain.snapshot();
    Block last = snapshot.lastBlock();
    long height = last.height() + 1;
    long now = time.now();
    ForgingInfo info = schedule.forgingInfo(now, height, chain.timestampLookup());
    List<String> order = snapshot.nextForgingOrder();
    if (!info.canForge() || info.currentForger() < 0 || info.currentForger() >= order.size()) {
      return Optional.empty();
    }
    String delegate = order.get(info.currentForger());
    Optional<PrivateKey> key = keys.key(delegate);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    long slot = slots.slotNumber(now, height, chain.timestampLookup());
    long lastBlockSlot = slots.slotNumber(last.timestamp(), height, chain.timestampLookup());
    if (!slotClaim.claim(
        slot, lastBlockSlot, new ForgingTurn(delegate, last.height(), last.id()))) {
      return Optional.empty();
    }
    Milestone milestone = network.milestones().at(height);
    List<Transaction> txs =
        transactions.collectForBlock(milestone.maxTransactions(), milestone.maxPayload());
    Block block;
    try {
      block =
          factory.make(
              height, info.blockTimestamp(), last.id(), milestone.reward(), txs, key.get());
    } catch (DecodeException e) {
      throw new IllegalStateException("cannot serialize a forged block: " + e.getMessage(), e);
    }
    long millisLeft =
        time.unixMillisOf(slots.slotTime(slot + 1, height, chain.timestampLookup()))
            - time.nowMillis();
    long margin = ForgingMargin.minimumMillisLeft(milestone.blocktime());
    if (millisLeft < margin) {
      String reason =
          millisLeft > 0
              ? "dropped: only "
                  + millisLeft
                  + " ms were left in its slot (less than "
                  + margin
                  + ")"
              : "dropped: its slot was already over";
      return Optional.of(new Forged(block, BlockOutcome.of(BlockStatus.REJECTED, reason)));
    }
    return Optional.of(new Forged(block, chain.submitForged(block).join()));
  }
}
