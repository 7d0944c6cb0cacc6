package com.osmosecollective.node.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Tuning and retention of the chain database.
 *
 * @param directory the RocksDB directory
 * @param blockCacheBytes shared LRU block cache for all column families
 * @param memtableBudgetBytes the part of the block cache the memtables are charged to (0 = no
 *     budget), so the cache bounds RocksDB's memory
 * @param maxOpenFiles RocksDB's file handle limit (-1 = unlimited)
 * @param writeBufferBytes memtable size of each column family
 * @param undoKeepBlocks how many of the newest blocks keep their undo record (revertable depth)
 * @param bulkBatchBlocks how many bulk commits share one write batch
 * @param maxPageSize the largest page an index scan returns
 * @param maxRangeBlocks the largest block range one read returns
 * @param startupChecksumBytes how many bytes of table files (newest first) have their checksums
 *     verified when the store opens; 0 = none, {@code Long.MAX_VALUE} = all
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
    int maxRangeBlocks,
    long startupChecksumBytes) {
  /**
   * Table files verified at start: 1 GiB reads in under a second from the page cache (2–4 GB/s
   * measured, BENCHMARKS.md) and in a few seconds from a cold SSD; it covers every table of a young
   * chain and the newest (most recently written) ones of an old one.
   */
  public static final long DEFAULT_STARTUP_CHECKSUM_BYTES = 1L << 30;

  /** Two rounds of 51 delegates. */
  public static final int DEFAULT_UNDO_KEEP = 102;

  public StoreOptions {
    Objects.requireNonNull(directory, "directory");
    if (undoKeepBlocks < 1 || bulkBatchBlocks < 1 || maxPageSize < 1 || maxRangeBlocks < 1) {
      throw new IllegalArgumentException("store limits must be positive");
    }
    if (startupChecksumBytes < 0) {
      throw new IllegalArgumentException("startupChecksumBytes must be >= 0");
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
        400,
        DEFAULT_STARTUP_CHECKSUM_BYTES);
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
        maxRangeBlocks,
        startupChecksumBytes);
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
        maxRangeBlocks,
        startupChecksumBytes);
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
        maxRangeBlocks,
        startupChecksumBytes);
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
        maxRangeBlocks,
        startupChecksumBytes);
  }

  public StoreOptions withStartupChecksumBytes(long value) {
    return new StoreOptions(
        directory,
        blockCacheBytes,
        memtableBudgetBytes,
        maxOpenFiles,
        writeBufferBytes,
        undoKeepBlocks,
        bulkBatchBlocks,
        maxPageSize,
        maxRangeBlocks,
        value);
  }
}
