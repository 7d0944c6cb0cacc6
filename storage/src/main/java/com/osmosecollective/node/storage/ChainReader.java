package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.List;
import java.util.Optional;
import org.rocksdb.RocksDBException;

/**
 * A chain database opened read-only, for tools that copy from it (a replay into a new data dir):
 * nothing is ever written to it, not even the schema stamp or the undo depth an open for writing
 * records. It sees the database as a restarting node would (WAL replayed in memory).
 */
public final class ChainReader implements AutoCloseable {
  private final RocksDatabase database;
  private final ChainQueries queries;
  private final ChainTip tip;
  private final String nethash;

  private ChainReader(RocksDatabase database, StoreOptions options, ChainTip tip, String nethash) {
    this.database = database;
    this.tip = tip;
    this.nethash = nethash;
    this.queries =
        new ChainQueries(database, options, this::tip, new FailureTracker(options.directory()));
  }

  /**
   * Opens a chain database read-only.
   *
   * @param nethash the network the database must belong to, or null for any (see {@link
   *     #nethash()})
   * @throws StoreOpenException missing, unreadable, another schema version or another network
   */
  public static ChainReader open(StoreOptions options, String nethash) throws StoreOpenException {
    RocksDatabase database = RocksDatabase.open(options, false, true);
    try {
      SchemaGuard.verifyOrStamp(database, options.directory(), nethash, true);
      String stored = SchemaGuard.storedNethash(database);
      return new ChainReader(
          database, options, Meta.readTip(database), stored == null ? "" : stored);
    } catch (StoreOpenException | RuntimeException e) {
      database.close();
      throw e;
    } catch (RocksDBException | DecodeException e) {
      database.close();
      throw new StoreOpenException(
          StoreOpenException.Reason.UNREADABLE, "cannot read the chain tip: " + e.getMessage(), e);
    }
  }

  /** The nethash of the network the database is stamped with. */
  public String nethash() {
    return nethash;
  }

  /** The tip when the database was opened; empty for a database without blocks. */
  public Optional<ChainTip> tip() {
    return Optional.ofNullable(tip);
  }

  public ChainQueries queries() {
    return queries;
  }

  /**
   * Blocks {@code from..to} in height order, read {@code pageBlocks} at a time as the caller
   * iterates: memory stays bounded by one page whatever the range.
   */
  public Iterable<BlockData> blocks(long from, long to, int pageBlocks) {
    if (pageBlocks < 1) {
      throw new IllegalArgumentException("pageBlocks must be positive");
    }
    return () ->
        new java.util.Iterator<>() {
          private long next = from;
          private List<BlockData> page = List.of();
          private int index;

          @Override
          public boolean hasNext() {
            return next <= to;
          }

          @Override
          public BlockData next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            if (index == page.size()) {
              long last = Math.min(to, next + pageBlocks - 1);
              page = queries.blocks(next, last);
              index = 0;
              if (page.isEmpty() || page.get(0).height() != next) {
                throw new IllegalStateException("block " + next + " is missing from the database");
              }
            }
            BlockData block = page.get(index++);
            if (block.height() != next) {
              throw new IllegalStateException("block " + next + " is missing from the database");
            }
            next++;
            return block;
          }
        };
  }

  @Override
  public void close() {
    database.close();
  }
}
