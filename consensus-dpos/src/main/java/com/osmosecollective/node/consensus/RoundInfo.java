package com.osmosecollective.node.consensus;

/**
 * The round a height belongs to (ARK's {@code RoundInfo}).
 *
 * @param round the round number, from 1
 * @param roundHeight the first height of the round
 * @param nextRound the round of the next height ({@code round + 1} on the round's last height)
 * @param maxDelegates the number of active delegates in the round
 */
public record RoundInfo(long round, long roundHeight, long nextRound, int maxDelegates) {

  /** The last height of the round. */
  public long lastHeight() {
    return roundHeight + maxDelegates - 1;
  }
}
