package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.BlockTimestampLookup;
import com.osmosecollective.node.consensus.ForgingMargin;
import com.osmosecollective.node.consensus.MilestoneChange;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.SlotInfo;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.chain.BlockOutcome;
import com.osmosecollective.node.consensus.chain.BlockStatus;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forger of a separate process (ARK core-forger's {@code forger-service.ts}): it reads the
 * round, the network state and the pool from a relay and posts its block there. The rules of the
 * in-process {@link Forger} hold: never two blocks for one slot ({@link ForgedSlots}, claimed and
 * fsynced before signing), one network-gate question per slot of ours (the relay's network state
 * through {@link QuorumGate}), and a block with less than {@link ForgingMargin} ms left in its slot
 * is dropped. A relay that cannot be reached or answers badly is logged once per cause and asked
 * again at the next tick: nothing is signed without its round and network state.
 *
 * <p>The slot is computed from this process's clock and the network's milestones; the relay's slot
 * must agree with it (a relay whose clock differs by a slot is not followed). Networks that change
 * the blocktime at a milestone need the block timestamps around it, which only the chain has: such
 * a network is refused at construction.
 */
public final class RelayForger implements ForgingStep {
  private static final Logger LOG = LoggerFactory.getLogger(RelayForger.class);

  private final Network network;
  private final ForgerRelay relay;
  private final NetworkTime time;
  private final DelegateKeys keys;
  private final ForgedSlots forgedSlots;
  private final SlotClaim slotClaim;
  private final long timeoutMillis;
  private final Slots slots;
  private final BlockFactory factory;
  private final BlockTimestampLookup lookup = BlockTimestampLookup.genesisOnly();

  /** The last slot whose round was read from the relay (forging thread). */
  private long handledSlot = -1;

  /**
   * The last relay failure logged, so that an unreachable relay is logged once (forging thread).
   */
  private String lastRelayFailure;

  /**
   * @param gate the network gate; {@code new QuorumGate(relay::networkState, 4000)} follows the
   *     relay's peers' quorum as ARK's forger does
   * @param timeoutMillis how long one relay request may take (ARK's forger: 4 s for the network
   *     state)
   * @throws IllegalArgumentException the network changes the blocktime at a milestone
   */
  public RelayForger(
      Network network,
      ForgerRelay relay,
      NetworkTime time,
      DelegateKeys keys,
      ForgedSlots forgedSlots,
      NetworkGate gate,
      long timeoutMillis) {
    if (MilestoneChange.of(network.milestones(), Milestone::blocktime).size() > 1) {
      throw new IllegalArgumentException(
          "network "
              + network.name()
              + " changes its blocktime at a milestone: forge in-process (osmose start --forge),"
              + " whose chain knows the block timestamps the slots then depend on");
    }
    this.network = network;
    this.relay = relay;
    this.time = time;
    this.keys = keys;
    this.forgedSlots = forgedSlots;
    this.slotClaim = new SlotClaim(forgedSlots, gate);
    this.timeoutMillis = timeoutMillis;
    this.slots = new Slots(network.milestones());
    this.factory = new BlockFactory(new BlockCodec(network));
  }

  /** Logs an error when the recorded slot is ahead of the clock (see {@link Forger}). */
  public long warnIfSignedSlotAhead() {
    long current = slots.slotNumber(time.now(), 1, lookup);
    long ahead = forgedSlots.lastSlot() - current;
    if (ahead > 0) {
      LOG.error(
          "the forger will not forge for {} slot(s): {} records slot {} as signed but the current"
              + " slot is {}. If the clock was wrong when it was written and no block was signed"
              + " for those slots, stop the forger, delete that file and restart",
          ahead,
          forgedSlots.location(),
          forgedSlots.lastSlot(),
          current);
    }
    return Math.max(0, ahead);
  }

  @Override
  public Optional<Forger.Forged> forgeIfDue() {
    // the relay is asked only inside a forging window, and once a slot's round was read not again
    // in that slot (ARK's forger also waits for the next slot): a fast tick then costs nothing
    SlotInfo local = slots.info(time.now(), 1, lookup);
    if (!local.forgingAllowed() || local.slotNumber() == handledSlot) {
      return Optional.empty();
    }
    Optional<RelayRound> asked = ask(relay.currentRound(), "getCurrentRound");
    if (asked.isEmpty()) {
      return Optional.empty();
    }
    RelayRound round = asked.get();
    if (!round.canForge() || round.currentForger() == null) {
      return Optional.empty();
    }
    long height = round.lastBlockHeight() + 1;
    long slot = slots.slotNumber(round.timestamp(), height, lookup);
    long ownSlot = slots.slotNumber(time.now(), height, lookup);
    if (slot != ownSlot) {
      relayFailed(
          "the relay's current slot ("
              + slot
              + ") is not this process's ("
              + ownSlot
              + "): check both clocks");
      return Optional.empty();
    }
    relayAnswers();
    handledSlot = slot;
    String delegate = round.currentForger();
    Optional<PrivateKey> key = keys.key(delegate);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    long lastBlockSlot = slots.slotNumber(round.lastBlockTimestamp(), height, lookup);
    if (!slotClaim.claim(
        slot,
        lastBlockSlot,
        new ForgingTurn(delegate, round.lastBlockHeight(), round.lastBlockId()))) {
      return Optional.empty();
    }
    Milestone milestone = network.milestones().at(height);
    // ARK's forger forges an empty block when the pool cannot be read
    List<Transaction> txs =
        ask(relay.unconfirmedTransactions(height), "getUnconfirmedTransactions").orElse(List.of());
    Block block;
    try {
      block =
          factory.make(
              height, round.timestamp(), round.lastBlockId(), milestone.reward(), txs, key.get());
    } catch (DecodeException e) {
      throw new IllegalStateException("cannot serialize a forged block: " + e.getMessage(), e);
    }
    long millisLeft =
        time.unixMillisOf(slots.slotTime(slot + 1, height, lookup)) - time.nowMillis();
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
      return Optional.of(new Forger.Forged(block, BlockOutcome.of(BlockStatus.REJECTED, reason)));
    }
    BlockOutcome outcome =
        ask(relay.postBlock(block), "postBlock")
            .orElse(BlockOutcome.of(BlockStatus.REJECTED, "the relay did not answer postBlock"));
    if (outcome.isAccepted()) {
      LOG.info(
          "forged block {} at height {} for delegate {} ({} transaction(s))",
          block.id(),
          block.height(),
          delegate,
          txs.size());
      var unused = relay.emitEvent("block.forged", block.id());
    }
    return Optional.of(new Forger.Forged(block, outcome));
  }

  /** The answer within the timeout, or empty (logged once per distinct cause). */
  private <T> Optional<T> ask(CompletableFuture<T> request, String route) {
    try {
      return Optional.of(request.get(timeoutMillis, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      request.cancel(false);
      relayFailed(route + " got no answer within " + timeoutMillis + " ms");
    } catch (ExecutionException e) {
      relayFailed(route + " failed: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  private void relayAnswers() {
    if (lastRelayFailure != null) {
      lastRelayFailure = null;
      LOG.info("the relay answers again");
    }
  }

  /** The first failure of a streak is a warning; a changed cause during it only a debug line. */
  private void relayFailed(String cause) {
    if (lastRelayFailure == null) {
      LOG.warn("cannot forge through the relay: {}; nothing is signed until it answers", cause);
    } else if (!cause.equals(lastRelayFailure)) {
      LOG.debug("the relay still fails: {}", cause);
    }
    lastRelayFailure = cause;
  }
}
