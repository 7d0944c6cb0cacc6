package com.osmosecollective.node.p2p.sync;

import java.time.Duration;

/**
 * How the block download runs.
 *
 * @param chunkBlocks blocks asked per getBlocks request (ARK: 400)
 * @param parallelChunks getBlocks requests in flight at once, each to another peer when there are
 *     several (ARK: up to 10); with the chunk limit this bounds the raw bytes held
 * @param progressInterval how often the progress line is logged
 * @param idleTick how often an idle node re-checks its peers' heights
 */
public record SyncSettings(
    int chunkBlocks, int parallelChunks, Duration progressInterval, Duration idleTick) {
  public SyncSettings {
    if (chunkBlocks < 1 || chunkBlocks > 400 || parallelChunks < 1) {
      throw new IllegalArgumentException("chunkBlocks must be 1..400 and parallelChunks >= 1");
    }
  }

  public static SyncSettings defaults() {
    return new SyncSettings(400, 3, Duration.ofSeconds(5), Duration.ofSeconds(2));
  }
}
