package com.osmosecollective.node.consensus.chain;

/**
 * The chain stopped taking work after a fatal failure (a storage failure, a broken invariant, an
 * unexpected exception while applying a block): its state may not be what the blocks say, so it
 * applies, reverts and replays nothing more. The cause is the original failure.
 */
public final class ChainHaltedException extends IllegalStateException {
  public ChainHaltedException(Throwable cause) {
    super("the chain stopped after a fatal failure: " + cause, cause);
  }
}
