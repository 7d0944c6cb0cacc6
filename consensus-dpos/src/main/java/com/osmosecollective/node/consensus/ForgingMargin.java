package com.osmosecollective.node.consensus;

/**
 * How much of its slot a freshly forged block needs left to be used. ARK Core 3.9 asks 2000 ms
 * ({@code forger-service.ts}, {@code blockchain.ts handleIncomingBlock}), a quarter of its 8 s
 * blocks, so that peers get the block before the next forger's turn. Blocks shorter than 6 s (test
 * networks: ARK would never forge there) keep the same proportion: a third of the blocktime. Every
 * network of 6 s blocks or more, OSMOSE's 20 s among them, gets ARK's 2000 ms exactly.
 */
public final class ForgingMargin {
  /** ARK's margin, in force from 6 s blocks up. */
  public static final long ARK_MILLIS = 2000;

  private ForgingMargin() {}

  /** The milliseconds a block forged for a slot of {@code blocktimeSeconds} needs left in it. */
  public static long minimumMillisLeft(long blocktimeSeconds) {
    return Math.min(ARK_MILLIS, blocktimeSeconds * 1000 / 3);
  }
}
