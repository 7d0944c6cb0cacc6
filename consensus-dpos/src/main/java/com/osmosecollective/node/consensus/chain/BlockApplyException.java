package com.osmosecollective.node.consensus.chain;

/** A block's transactions cannot be applied to the current state (the block is rejected). */
public final class BlockApplyException extends Exception {
  public BlockApplyException(String message) {
    super(message);
  }

  public BlockApplyException(String message, Throwable cause) {
    super(message, cause);
  }
}
