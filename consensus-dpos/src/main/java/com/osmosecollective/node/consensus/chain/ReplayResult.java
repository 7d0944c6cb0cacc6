package com.osmosecollective.node.consensus.chain;

/**
 * The end of a {@link Chain#replay}: how many blocks were applied, the tip height after it, and
 * {@code outcome}: accepted when every block was, else the first refusal (the replay stopped
 * there).
 */
public record ReplayResult(int applied, long tipHeight, BlockOutcome outcome) {
  public boolean complete() {
    return outcome.isAccepted();
  }
}
