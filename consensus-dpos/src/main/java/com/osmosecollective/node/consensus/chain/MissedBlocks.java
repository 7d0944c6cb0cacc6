package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.consensus.BlockTimestampLookup;
import com.osmosecollective.node.consensus.MissedSlots;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.state.WalletOverlay;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.List;

/**
 * The empty slots before a block, counted against their delegates. ARK 3.9 only reports them as
 * events; OSMOSE keeps the count because voters choose delegates on their reliability (the issue
 * asks for produced and missed blocks). Reverted with the block's undo record.
 */
final class MissedBlocks {
  private final MissedSlots slots;
  private final Rounds rounds;
  private final BlockTimestampLookup lookup;

  MissedBlocks(MissedSlots slots, Rounds rounds, BlockTimestampLookup lookup) {
    this.slots = slots;
    this.rounds = rounds;
    this.lookup = lookup;
  }

  /** The empty slots between {@code last} and {@code block}, with their delegates' keys. */
  List<MissedSlots.MissedSlot<String>> between(Block last, Block block) {
    return slots.between(
        last.height(),
        last.timestamp(),
        block.timestamp(),
        rounds.forgingOrder(block.height()),
        lookup);
  }

  /** {@code changes} plus one missed block for each delegate in {@code missed}. */
  static StateChanges counted(
      StateChanges changes, List<MissedSlots.MissedSlot<String>> missed, WalletRepository wallets) {
    if (missed.isEmpty()) {
      return changes;
    }
    WalletOverlay overlay = new WalletOverlay(wallets);
    changes.changed().forEach(overlay::put);
    for (MissedSlots.MissedSlot<String> slot : missed) {
      Wallet wallet = overlay.byPublicKey(slot.delegate());
      if (wallet.delegate() != null) {
        overlay.put(
            wallet.withDelegate(
                wallet.delegate().withMissedBlocks(wallet.delegate().missedBlocks() + 1)));
      }
    }
    return new StateChanges(new ArrayList<>(overlay.changes().values()));
  }
}
