package com.osmosecollective.node.storage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer gauges over the chain database: tip height, per-column sizes and key estimates,
 * memtable size, pending compaction, block cache usage and hit ratio. Gauges read RocksDB
 * properties when scraped and show NaN once the store is closed.
 */
public final class StoreMetrics {
  private StoreMetrics() {}

  public static void bind(ChainStore store, MeterRegistry registry) {
    Gauge.builder("osmose.storage.tip.height", store, s -> s.tip().map(ChainTip::height).orElse(0L))
        .description("height of the last committed block")
        .register(registry);
    for (ColumnFamily cf : ColumnFamily.all()) {
      String name = cf.familyName();
      Gauge.builder(
              "osmose.storage.sst.bytes",
              store,
              s -> s.property(cf, "rocksdb.total-sst-files-size"))
          .tag("column", name)
          .baseUnit("bytes")
          .register(registry);
      Gauge.builder(
              "osmose.storage.live.data.bytes",
              store,
              s -> s.property(cf, "rocksdb.estimate-live-data-size"))
          .tag("column", name)
          .baseUnit("bytes")
          .register(registry);
      Gauge.builder("osmose.storage.keys", store, s -> s.property(cf, "rocksdb.estimate-num-keys"))
          .tag("column", name)
          .description("estimated number of keys")
          .register(registry);
      Gauge.builder(
              "osmose.storage.memtable.bytes",
              store,
              s -> s.property(cf, "rocksdb.cur-size-all-mem-tables"))
          .tag("column", name)
          .baseUnit("bytes")
          .register(registry);
      Gauge.builder(
              "osmose.storage.compaction.pending",
              store,
              s -> s.property(cf, "rocksdb.compaction-pending"))
          .tag("column", name)
          .description("1 when a compaction is pending for the column")
          .register(registry);
    }
    Gauge.builder("osmose.storage.block.cache.usage", store, s -> s.blockCacheUsageAndHitRatio()[0])
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder(
            "osmose.storage.block.cache.hit.ratio", store, s -> s.blockCacheUsageAndHitRatio()[1])
        .register(registry);
  }
}
