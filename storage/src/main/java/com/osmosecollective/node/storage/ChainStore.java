package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.codec.Keys;
import com.osmosecollective.node.storage.codec.UndoCodec;
import com.osmosecollective.node.storage.codec.UndoEntry;
import java.util.List;
import java.util.Optional;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain database's write side. Each block goes into the database with one atomic RocksDB write
 * batch (WAL on) holding the block, its transactions, changed wallets, round, indexes, undo record
 * and the tip: after a crash the database is at some fully committed block, never between.
 *
 * <p>Two write modes: {@link #commit} writes each block with an fsync (live operation); {@link
 * #commitBulk} groups several blocks in one batch without fsync (sync from peers), moving the tip
 * only by complete blocks. One thread writes (the chain thread); readers use {@link #queries()}
 * from any thread and only ever see written batches.
 */
public final class ChainStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChainStore.class);

  private final RocksDatabase database;
  private final StoreOptions options;
  private final BlockWriter writer;
  private final UndoCodec undoCodec = new UndoCodec(ColumnFamily.all().size());
  private final ChainQueries queries;
  private volatile ChainTip committedTip;
  private PendingBatch pending;
  // one builder for every batch: a single-block commit would otherwise allocate a fresh chunk
  private final BatchBuilder batchBuffer = new BatchBuilder();
  private final FailureTracker failures;
  private final WriteFaults faults;

  /** Guards native property reads (metrics) against a concurrent close. */
  private final java.util.concurrent.locks.ReadWriteLock closeLock =
      new java.util.concurrent.locks.ReentrantReadWriteLock();

  private boolean closed;

  private ChainStore(
      RocksDatabase database,
      StoreOptions options,
      ChainTip tip,
      FailureTracker failures,
      WriteFaults faults) {
    this.database = database;
    this.faults = faults;
    this.options = options;
    this.writer = new BlockWriter(options.undoKeepBlocks());
    this.committedTip = tip;
    this.failures = failures;
    this.queries = new ChainQueries(database, options, this::tip, failures);
  }

  /**
   * Opens the database for the network {@code nethash}, creating it only in a new (absent or empty)
   * directory, and checks its integrity ({@link StartupCheck}) before anything is written.
   *
   * @throws StoreOpenException for another schema version or network, an unreadable database, a
   *     directory that holds files but no database, or a database that fails the integrity check
   */
  public static ChainStore open(StoreOptions options, String nethash) throws StoreOpenException {
    return open(options, nethash, WriteFaults.NONE);
  }

  /** {@link #open(StoreOptions, String)} with a test double that can fail the store's writes. */
  public static ChainStore open(StoreOptions options, String nethash, WriteFaults faults)
      throws StoreOpenException {
    RocksDatabase database = RocksDatabase.open(options, true, false);
    try {
      SchemaGuard.verifyOrStamp(database, options.directory(), nethash, false);
      ChainTip tip = Meta.readTip(database);
      StartupCheck.verify(database, options, tip);
      recordUndoKeep(database, options.undoKeepBlocks());
      ChainStore store =
          new ChainStore(database, options, tip, new FailureTracker(options.directory()), faults);
      LOG.info(
          "chain database {} opened at height {}",
          options.directory(),
          tip == null ? 0 : tip.height());
      return store;
    } catch (StoreOpenException | RuntimeException e) {
      database.close();
      throw e;
    } catch (RocksDBException | DecodeException e) {
      database.close();
      throw new StoreOpenException(
          StoreOpenException.Reason.UNREADABLE, "cannot read the chain tip: " + e.getMessage(), e);
    }
  }

  private static void recordUndoKeep(RocksDatabase database, int keep) throws RocksDBException {
    database
        .db()
        .put(
            database.handle(ColumnFamily.META),
            database.writeOptions(true),
            Meta.UNDO_KEEP_KEY,
            Meta.encodeLong(keep));
  }

  /** The last block written to the database (not counting blocks still pending in bulk mode). */
  public Optional<ChainTip> tip() {
    return Optional.ofNullable(committedTip);
  }

  public ChainQueries queries() {
    return queries;
  }

  /**
   * Calls {@code listener} once, on the thread that meets it, with the first failure of this
   * database (a failed write or read, or damaged data), or at once if one happened already. The
   * listener must not block: it is called from the chain thread, the forger or an API worker.
   */
  public void onFailure(java.util.function.Consumer<StorageFailure> listener) {
    failures.addListener(listener);
  }

  /** The first failure of this database, empty while it is healthy. */
  public Optional<StorageFailure> failure() {
    return Optional.ofNullable(failures.first());
  }

  public StoreOptions options() {
    return options;
  }

  RocksDatabase database() {
    return database;
  }

  /** Commits one block durably: written with its pending predecessors and fsynced. */
  public synchronized void commit(BlockCommit commit) {
    append(commit);
    writePending(true);
  }

  /**
   * Adds a block to the current bulk batch, written (WAL, no fsync) once it holds {@code
   * bulkBatchBlocks} blocks or on {@link #flush()}.
   */
  public synchronized void commitBulk(BlockCommit commit) {
    append(commit);
    if (pending.blocks() >= options.bulkBatchBlocks()) {
      writePending(false);
    }
  }

  /** Writes the pending bulk blocks (WAL, no fsync). */
  public synchronized void flush() {
    writePending(false);
  }

  /** Writes the pending bulk blocks and fsyncs the WAL. */
  public synchronized void sync() {
    writePending(true);
  }

  /**
   * Reverts the tip block by restoring its undo record in one synced batch.
   *
   * @return the new tip, empty when the genesis block was reverted
   * @throws IllegalStateException when the chain is empty or the tip's undo record was pruned
   */
  public synchronized Optional<ChainTip> revertTip() {
    writePending(false);
    ensureWritable();
    ChainTip tip = committedTip;
    if (tip == null) {
      throw new IllegalStateException("the chain is empty; nothing to revert");
    }
    try {
      byte[] bytes = database.get(ColumnFamily.UNDO, Keys.height(tip.height()));
      if (bytes == null) {
        throw new IllegalStateException(
            "no undo record for height "
                + tip.height()
                + ": only the last "
                + options.undoKeepBlocks()
                + " blocks can be reverted");
      }
      List<UndoEntry> entries = undoCodec.decode(bytes);
      try (WriteBatch batch = new WriteBatch()) {
        BlockWriter.deleteOwnKeys(database, batch, tip.height());
        for (int i = entries.size() - 1; i >= 0; i--) {
          UndoEntry e = entries.get(i);
          var handle = database.handle(ColumnFamily.byCode(e.column()));
          if (e.prior() == null) {
            batch.delete(handle, e.key());
          } else {
            batch.put(handle, e.key(), e.prior());
          }
        }
        batch.delete(database.handle(ColumnFamily.UNDO), Keys.height(tip.height()));
        write(batch, true);
      }
      committedTip = Meta.readTip(database);
      LOG.debug("reverted block {} {}", tip.height(), tip.id());
      return tip();
    } catch (DecodeException e) {
      throw failures.corrupt(
          "undo record of height " + tip.height() + " does not decode: " + e.getMessage(), e);
    } catch (RocksDBException e) {
      throw fail(e);
    }
  }

  private void append(BlockCommit commit) {
    ensureWritable();
    if (pending == null) {
      pending = new PendingBatch(database, batchBuffer);
    }
    ChainTip previous = pending.tip() != null ? pending.tip() : committedTip;
    try {
      pending.beginBlock();
      try {
        ChainTip tip = writer.write(pending, previous, commit);
        pending.endBlock(tip);
      } catch (RuntimeException e) {
        pending.abortBlock();
        throw e;
      }
    } catch (RocksDBException e) {
      throw fail(e);
    }
  }

  private void writePending(boolean sync) {
    if (pending == null || pending.blocks() == 0) {
      return;
    }
    ensureWritable();
    try (WriteBatch batch = pending.toWriteBatch()) {
      write(batch, sync);
      committedTip = pending.tip();
    } catch (RocksDBException e) {
      throw fail(e);
    } finally {
      if (pending != null) {
        pending.close();
        pending = null;
      }
    }
  }

  private void write(WriteBatch batch, boolean sync) throws RocksDBException {
    try {
      faults.beforeWrite();
    } catch (java.io.IOException e) {
      // as RocksDB reports a failed write: nothing of the batch is written
      throw new RocksDBException(
          "IO error: " + e.getMessage(),
          new org.rocksdb.Status(
              org.rocksdb.Status.Code.IOError,
              String.valueOf(e.getMessage()).contains("No space left")
                  ? org.rocksdb.Status.SubCode.NoSpace
                  : org.rocksdb.Status.SubCode.None,
              e.getMessage()));
    }
    database.db().write(database.writeOptions(sync), batch);
  }

  private void ensureWritable() {
    StorageFailure failure = failures.first();
    if (failure != null) {
      throw new StorageFailure(
          "the chain database failed earlier and accepts no more writes: " + failure.getMessage(),
          failure.kind(),
          failure.directory(),
          failure);
    }
  }

  private StorageFailure fail(RocksDBException e) {
    StorageFailure.Kind kind = StorageFailure.kindOf(e);
    long height = committedTip == null ? 0 : committedTip.height();
    String message =
        (kind == StorageFailure.Kind.DISK_FULL
                ? "disk full at " + options.directory() + ": the chain database cannot write"
                : "chain database write at "
                    + options.directory()
                    + " failed ("
                    + StorageFailure.describe(e)
                    + ")")
            + "; the chain is intact at height "
            + height
            + " (nothing of the failed batch was written)";
    if (pending != null) {
      pending.close();
      pending = null;
    }
    return failures.report(new StorageFailure(message, kind, options.directory(), e));
  }

  /**
   * Reads a numeric RocksDB property of a column family (for metrics); NaN once closed.
   *
   * @param cf the column family, or null for the database-wide value
   */
  public double property(ColumnFamily cf, String name) {
    closeLock.readLock().lock();
    try {
      if (closed) {
        return Double.NaN;
      }
      return cf == null
          ? database.db().getLongProperty(name)
          : database.db().getLongProperty(database.handle(cf), name);
    } catch (RocksDBException e) {
      return Double.NaN;
    } finally {
      closeLock.readLock().unlock();
    }
  }

  /** Block cache usage in bytes and hit ratio (0..1, NaN before any lookup); NaN once closed. */
  public double[] blockCacheUsageAndHitRatio() {
    closeLock.readLock().lock();
    try {
      if (closed) {
        return new double[] {Double.NaN, Double.NaN};
      }
      long hits = database.statistics().getTickerCount(org.rocksdb.TickerType.BLOCK_CACHE_HIT);
      long misses = database.statistics().getTickerCount(org.rocksdb.TickerType.BLOCK_CACHE_MISS);
      double ratio = hits + misses == 0 ? Double.NaN : (double) hits / (hits + misses);
      return new double[] {database.cache().getUsage(), ratio};
    } finally {
      closeLock.readLock().unlock();
    }
  }

  /** Writes pending bulk blocks, then closes the database. */
  @Override
  public synchronized void close() {
    closeLock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      if (failures.first() == null) {
        writePending(true);
        try {
          database.flushMemtables();
        } catch (RocksDBException e) {
          LOG.warn("could not flush memtables on close; the next start replays the WAL", e);
        }
      }
    } finally {
      if (pending != null) {
        pending.close();
        pending = null;
      }
      if (!closed) {
        closed = true;
        database.close();
      }
      closeLock.writeLock().unlock();
    }
  }
}
