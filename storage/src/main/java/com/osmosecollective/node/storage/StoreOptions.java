package com.osmosecollective.node.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Tuning and retention of the chain database.
 *
 * @param directory the RocksDB directory
 * @param blockCacheBytes shared LRU block cache for all column families; the memtables are charged
 *     to it (at most a quarter of it), so it bounds RocksDB's memory
 * @param maxOpenFiles RocksDB's file handle limit (-1 = unlimited)
 * @param writeBufferBytes memtable size of each column family
 * @param undoKeepBlocks how many of the newest blocks keep their undo record (revertable depth)
 * @param bulkBatchBlocks how many bulk commits share one write batch
 * @param maxPageSize the largest page an index scan returns
 * @param maxRangeBlocks the largest block range one read returns
 */
public record StoreOptions(
    Path directory,
    long blockCacheBytes,
    long memtableBudgetBytes,
    int maxOpenFiles,
    long writeBufferBytes,
    int undoKeepBlocks,
    int bulkBatchBlocks,
    int maxPageSize,
    int maxRangeBlocks) {
  /** Two rounds of 51 delegates. */
  public static final int DEFAULT_UNDO_KEEP = 102;

  public StoreOptions {
    Objects.requireNonNull(directory, "directory");
    if (undoKeepBlocks < 1 || bulkBatchBlocks < 1 || maxPageSize < 1 || maxRangeBlocks < 1) {
      throw new IllegalArgumentException("store limits must be positive");
    }
    if (memtableBudgetBytes < 0 || memtableBudgetBytes > blockCacheBytes) {
      throw new IllegalArgumentException("the memtable budget must be within the block cache");
    }
    if (blockCacheBytes < 0 || writeBufferBytes < 1 << 20) {
      throw new IllegalArgumentException("block cache must be >= 0, write buffer >= 1 MiB");
    }
  }

  /** The chain database inside a node's data directory: {@code <dataDir>/chain}. */
  public static StoreOptions inDataDir(Path dataDir) {
    return defaults(dataDir.resolve("chain"));
  }

  /**
   * RocksDB's memory (block cache with the memtables charged to it) of a node: within a 300 MB
   * process.
   */
  public static final long NODE_CACHE_BYTES = 96L << 20;

  /** A node's database: RocksDB's memory bounded by {@link #NODE_CACHE_BYTES}. */
  public static StoreOptions defaults(Path directory) {
    return new StoreOptions(
        directory,
        NODE_CACHE_BYTES,
        NODE_CACHE_BYTES / 4,
        1024,
        32L << 20,
        DEFAULT_UNDO_KEEP,
        100,
        100,
        400);
  }

  /**
   * For tools that load a whole chain (db replay, snapshot import): a 256 MiB cache and no memtable
   * budget. Measured with ChainReplayBenchmark (500 blocks x 150 transfers, trusted): the node's 24
   * MiB budget more than halved the replay's speed.
   */
  public StoreOptions forBulkLoad() {
    return new StoreOptions(
        directory,
        256L << 20,
        0,
        maxOpenFiles,
        writeBufferBytes,
        undoKeepBlocks,
        bulkBatchBlocks,
        maxPageSize,
        maxRangeBlocks);
  }

  public StoreOptions withUndoKeepBlocks(int value) {
    return new StoreOptions(
        directory,
        blockCacheBytes,
        memtableBudgetBytes,
        maxOpenFiles,
        writeBufferBytes,
        value,
        bulkBatchBlocks,
        maxPageSize,
        maxRangeBlocks);
  }

  public StoreOptions withBulkBatchBlocks(int value) {
    return new StoreOptions(
        directory,
        blockCacheBytes,
        memtableBudgetBytes,
        maxOpenFiles,
        writeBufferBytes,
        undoKeepBlocks,
        value,
        maxPageSize,
        maxRangeBlocks);
  }

  public StoreOptions withBlockCacheBytes(long value) {
    return new StoreOptions(
        directory,
        value,
        Math.min(memtableBudgetBytes, value),
        maxOpenFiles,
        writeBufferBytes,
        undoKeepBlocks,
        bulkBatchBlocks,
        maxPageSize,
        maxRangeBlocks);
  }
}
