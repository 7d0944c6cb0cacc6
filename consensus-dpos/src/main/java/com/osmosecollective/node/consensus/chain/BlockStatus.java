package com.osmosecollective.node.consensus.chain;

/** What the block processor decided (ARK's {@code BlockProcessorResult}). */
public enum BlockStatus {
  ACCEPTED,
  /** Not applied, but valid enough to relay (an old block, or a transaction already forged). */
  DISCARDED_BUT_CAN_BE_BROADCASTED,
  /** The block we already have. */
  DISCARDED,
  REJECTED,
  /** Double forging by an active delegate: roll back and resync. */
  ROLLBACK
}
