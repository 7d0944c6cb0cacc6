package com.osmosecollective.node.consensus.chain;

/**
 * The chain found its own state contradicting itself: a block of our own chain refused when it is
 * applied again after a failed fork switch, a tip that is not what storage holds. Fatal: the node
 * stops, with the store at the last whole block it committed.
 */
public final class InvariantViolation extends RuntimeException {
  public InvariantViolation(String message) {
    super(message);
  }
}
