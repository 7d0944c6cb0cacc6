package com.osmosecollective.node.consensus.chain;

/** The processor's decision with the reason a log or a peer can show. */
public record BlockOutcome(BlockStatus status, String reason) {
  public static BlockOutcome accepted() {
    return new BlockOutcome(BlockStatus.ACCEPTED, "accepted");
  }

  public static BlockOutcome of(BlockStatus status, String reason) {
    return new BlockOutcome(status, reason);
  }

  public boolean isAccepted() {
    return status == BlockStatus.ACCEPTED;
  }
}
