package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.consensus.MissedSlots;
import com.osmosecollective.node.storage.BlockCommit;
import com.osmosecollective.node.storage.RoundDelegates;
import java.util.List;

/**
 * A block ready to commit: its state changes (missed blocks counted), the empty slots before it
 * (with their delegates), the round it ends (or null) and its storage commit; or, with only {@code
 * refusal} set, why its state transitions refused it.
 */
record PreparedBlock(
    StateChanges changes,
    List<MissedSlots.MissedSlot<String>> missed,
    RoundDelegates newRound,
    BlockCommit commit,
    String refusal) {
  static PreparedBlock refused(String reason) {
    return new PreparedBlock(null, null, null, null, reason);
  }
}
