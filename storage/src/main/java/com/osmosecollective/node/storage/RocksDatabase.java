package com.osmosecollective.node.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Statistics;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB instance with one handle per {@link ColumnFamily} and the native option objects it
 * owns. Options are chosen deliberately: bloom filters for point lookups (wallets, transactions,
 * block ids), LZ4 compression, one shared block cache, bounded open files, statistics for metrics.
 */
final class RocksDatabase implements AutoCloseable {
  private static final long MAX_TOTAL_WAL_BYTES = 256L << 20;

  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final ColumnFamilyHandle defaultHandle;
  private final Map<ColumnFamily, ColumnFamilyHandle> handles;
  private final int[] columnFamilyIds;
  private final List<AutoCloseable> owned;
  private final LRUCache cache;
  private final Statistics statistics;
  private final WriteOptions syncWrite;
  private final WriteOptions walWrite;

  private RocksDatabase(
      RocksDB db,
      ColumnFamilyHandle defaultHandle,
      Map<ColumnFamily, ColumnFamilyHandle> handles,
      List<AutoCloseable> owned,
      LRUCache cache,
      Statistics statistics) {
    this.db = db;
    this.defaultHandle = defaultHandle;
    this.handles = handles;
    this.columnFamilyIds = new int[ColumnFamily.all().size()];
    for (ColumnFamily cf : ColumnFamily.all()) {
      columnFamilyIds[cf.code()] = handles.get(cf).getID();
    }
    this.owned = owned;
    this.cache = cache;
    this.statistics = statistics;
    this.syncWrite = new WriteOptions().setSync(true);
    this.walWrite = new WriteOptions().setSync(false);
  }

  /**
   * Opens (creating it if {@code create}) the database. Read-only opens see the WAL's committed
   * batches too, so a checker sees exactly what a restarted node would.
   */
  static RocksDatabase open(StoreOptions options, boolean create, boolean readOnly)
      throws StoreOpenException {
    Path dir = options.directory();
    boolean exists = Files.isDirectory(dir) && Files.exists(dir.resolve("CURRENT"));
    if (!exists && Files.exists(dir) && !isEmptyDirectory(dir)) {
      // RocksDB would start a new database among the old files (a fresh CURRENT, MANIFEST and
      // IDENTITY, its LOG renamed) before failing: refuse before touching anything
      throw new StoreOpenException(
          StoreOpenException.Reason.CORRUPT,
          dir.toAbsolutePath()
              + " holds files but no CURRENT file: it is a damaged chain database (or not one);"
              + " nothing was changed. Restore it from a backup, or move it away to start a new"
              + " chain");
    }
    if (!exists && (!create || readOnly)) {
      throw new StoreOpenException(
          StoreOpenException.Reason.MISSING, "no chain database at " + dir.toAbsolutePath());
    }
    // only a new database is created; an existing one must have every column already
    boolean createNew = create && !exists;
    List<AutoCloseable> owned = new ArrayList<>();
    try {
      if (createNew) {
        Files.createDirectories(dir);
      }
      LRUCache cache = new LRUCache(Math.max(1L << 20, options.blockCacheBytes()));
      owned.add(cache);
      // with a budget, the memtables are charged to the block cache, so the cache bounds RocksDB's
      // memory as a whole
      WriteBufferManager memtables =
          options.memtableBudgetBytes() > 0
              ? new WriteBufferManager(options.memtableBudgetBytes(), cache)
              : null;
      if (memtables != null) {
        owned.add(memtables);
      }
      Statistics statistics = new Statistics();
      owned.add(statistics);
      DBOptions dbOptions =
          new DBOptions()
              .setCreateIfMissing(createNew)
              .setCreateMissingColumnFamilies(createNew)
              .setMaxOpenFiles(options.maxOpenFiles())
              .setStatistics(statistics)
              .setMaxBackgroundJobs(2)
              .setBytesPerSync(1L << 20)
              .setKeepLogFileNum(5)
              // reusing obsolete WAL files keeps their size, so a per-block fsync need not journal
              // a
              // file-size change (dd on this ext4: 4 KiB synced appends 3.2 ms, overwrites 0.16 ms)
              .setRecycleLogFileNum(4)
              // a WAL file lives until every column with data in it is flushed; rarely written
              // columns (rounds, usernames) would otherwise pin gigabytes of WAL that a restart
              // must replay (measured: 3.8 GB, 25 s after a 1,000,000-block bulk load)
              .setMaxTotalWalSize(MAX_TOTAL_WAL_BYTES);
      if (memtables != null) {
        dbOptions.setWriteBufferManager(memtables);
      }
      owned.add(dbOptions);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(
          new ColumnFamilyDescriptor(
              RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions(options, cache, owned)));
      for (ColumnFamily cf : ColumnFamily.all()) {
        descriptors.add(
            new ColumnFamilyDescriptor(cf.nameBytes(), columnOptions(options, cache, owned)));
      }
      List<ColumnFamilyHandle> handleList = new ArrayList<>();
      RocksDB db =
          readOnly
              ? RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, handleList)
              : RocksDB.open(dbOptions, dir.toString(), descriptors, handleList);
      Map<ColumnFamily, ColumnFamilyHandle> handles = new EnumMap<>(ColumnFamily.class);
      for (int i = 0; i < ColumnFamily.all().size(); i++) {
        handles.put(ColumnFamily.all().get(i), handleList.get(i + 1));
      }
      return new RocksDatabase(db, handleList.get(0), handles, owned, cache, statistics);
    } catch (RocksDBException e) {
      closeAll(owned);
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      if (message.contains("Column families not opened")
          || message.contains("Column family not found")
          || message.contains("does not exist")) {
        throw new StoreOpenException(
            StoreOpenException.Reason.SCHEMA_MISMATCH,
            "database at "
                + dir
                + " has other column families than schema version "
                + Meta.SCHEMA_VERSION
                + " expects ("
                + message
                + "); "
                + SchemaGuard.remedy(dir),
            e);
      }
      throw new StoreOpenException(
          StoreOpenException.Reason.UNREADABLE,
          "cannot open database at " + dir + ": " + message,
          e);
    } catch (java.io.IOException e) {
      closeAll(owned);
      throw new StoreOpenException(
          StoreOpenException.Reason.UNREADABLE, "cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws StoreOpenException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (java.io.IOException e) {
      throw new StoreOpenException(
          StoreOpenException.Reason.UNREADABLE, "cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  private static ColumnFamilyOptions columnOptions(
      StoreOptions options, LRUCache cache, List<AutoCloseable> owned) {
    BloomFilter bloom = new BloomFilter(10, false);
    owned.add(bloom);
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(cache)
            .setFilterPolicy(bloom)
            .setBlockSize(16 * 1024)
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true);
    ColumnFamilyOptions cf =
        new ColumnFamilyOptions()
            .setTableFormatConfig(table)
            .setCompressionType(CompressionType.LZ4_COMPRESSION)
            .setWriteBufferSize(options.writeBufferBytes())
            .setMaxWriteBufferNumber(3)
            .setLevelCompactionDynamicLevelBytes(true);
    owned.add(cf);
    return cf;
  }

  RocksDB db() {
    return db;
  }

  ColumnFamilyHandle handle(ColumnFamily cf) {
    return handles.get(cf);
  }

  /** The column family's numeric id inside RocksDB, as raw write batches name it. */
  int columnFamilyId(ColumnFamily cf) {
    return columnFamilyIds[cf.code()];
  }

  LRUCache cache() {
    return cache;
  }

  Statistics statistics() {
    return statistics;
  }

  WriteOptions writeOptions(boolean sync) {
    return sync ? syncWrite : walWrite;
  }

  byte[] get(ColumnFamily cf, byte[] key) throws RocksDBException {
    return db.get(handles.get(cf), key);
  }

  /** Flushes every memtable so the next open replays no WAL (called on a clean shutdown). */
  void flushMemtables() throws RocksDBException {
    try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
      db.flush(flush, new ArrayList<>(handles.values()));
    }
  }

  @Override
  public void close() {
    syncWrite.close();
    walWrite.close();
    for (ColumnFamilyHandle h : handles.values()) {
      h.close();
    }
    defaultHandle.close();
    db.close();
    closeAll(owned);
  }

  private static void closeAll(List<AutoCloseable> owned) {
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception ignored) {
        // closing native handles cannot fail in a way we could act on
      }
    }
  }
}
