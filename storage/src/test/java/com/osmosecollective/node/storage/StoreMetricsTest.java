package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.storage.testing.RandomChain;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreMetricsTest {
  @TempDir Path dir;

  @Test
  void gaugesFollowTheDatabaseAndGoQuietAfterClose() throws Exception {
    RandomChain chain = new RandomChain(new RandomChain.Settings(2, 30, 5, 10, true));
    try (ChainStore store = ChainStore.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH)) {
      for (int i = 0; i < 40; i++) {
        store.commit(chain.next());
      }
    } // closing flushes the memtables: the 40 blocks are in SST files now

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ChainStore store = ChainStore.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH);
    StoreMetrics.bind(store, registry);
    assertThat(registry.get("osmose.storage.tip.height").gauge().value()).isEqualTo(40);
    assertThat(registry.get("osmose.storage.sst.bytes").tag("column", "blocks").gauge().value())
        .isGreaterThan(0);
    assertThat(registry.get("osmose.storage.keys").tag("column", "blocks").gauge().value())
        .isBetween(30.0, 50.0);
    assertThat(registry.get("osmose.storage.memtable.bytes").tag("column", "txs").gauge().value())
        .as("nothing written since the reopen")
        .isLessThan(4096);
    assertThat(
            registry.get("osmose.storage.compaction.pending").tag("column", "txs").gauge().value())
        .isIn(0.0, 1.0);

    // the first pass misses the block cache and fills it, the second hits it
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 1; i <= 40; i++) {
        assertThat(store.queries().block(i)).isPresent();
      }
    }
    assertThat(registry.get("osmose.storage.block.cache.usage").gauge().value()).isGreaterThan(0);
    assertThat(registry.get("osmose.storage.block.cache.hit.ratio").gauge().value())
        .isGreaterThan(0.0)
        .isLessThan(1.0);

    store.commit(chain.next());
    assertThat(registry.get("osmose.storage.tip.height").gauge().value()).isEqualTo(41);
    assertThat(registry.get("osmose.storage.memtable.bytes").tag("column", "txs").gauge().value())
        .as("the new block's transactions sit in the memtable")
        .isGreaterThan(4096);

    store.close();
    assertThat(registry.get("osmose.storage.keys").tag("column", "blocks").gauge().value()).isNaN();
    assertThat(registry.get("osmose.storage.block.cache.hit.ratio").gauge().value()).isNaN();
  }
}
