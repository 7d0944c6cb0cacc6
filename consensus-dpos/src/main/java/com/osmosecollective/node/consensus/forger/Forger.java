package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.ForgingInfo;
import com.osmosecollective.node.consensus.ForgingSchedule;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.chain.BlockOutcome;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * The in-process forger (spec §6): when the current slot belongs to one of our delegates and its
 * forging window is open, it makes, signs and hands one block to the chain. It never signs two
 * blocks for one slot ({@link ForgedSlots}). Without peers the network state always allows forging;
 * the quorum rule arrives with P2P.
 */
public final class Forger {
  private final Network network;
  private final Chain chain;
  private final NetworkTime time;
  private final DelegateKeys keys;
  private final ForgedSlots forgedSlots;
  private final TransactionSource transactions;
  private final NetworkGate gate;
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
    this.gate = gate;
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

  /** Forges if now is one of our slots and nothing was forged for it yet; waits for the chain. */
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
    Optional<PrivateKey> key = keys.key(order.get(info.currentForger()));
    if (key.isEmpty()) {
      return Optional.empty();
    }
    long slot = slots.slotNumber(now, height, chain.timestampLookup());
    long lastBlockSlot = slots.slotNumber(last.timestamp(), height, chain.timestampLookup());
    if (slot <= lastBlockSlot || !gate.allowsForging() || !forgedSlots.claim(slot)) {
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
    return Optional.of(new Forged(block, chain.submitForged(block).join()));
  }
}
