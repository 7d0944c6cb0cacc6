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
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ChainStore store = ChainStore.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH);
    StoreMetrics.bind(store, registry);
    RandomChain chain = new RandomChain(new RandomChain.Settings(2, 30, 5, 10, true));
    for (int i = 0; i < 40; i++) {
      store.commit(chain.next());
    }
    for (int i = 1; i <= 40; i++) {
      store.queries().block(i);
    }
    assertThat(registry.get("osmose.storage.tip.height").gauge().value()).isEqualTo(40);
    assertThat(registry.get("osmose.storage.keys").tag("column", "blocks").gauge().value())
        .isGreaterThan(0);
    assertThat(registry.get("osmose.storage.memtable.bytes").tag("column", "txs").gauge().value())
        .isGreaterThan(0);
    assertThat(
            registry.get("osmose.storage.compaction.pending").tag("column", "txs").gauge().value())
        .isBetween(0.0, 1.0);
    double ratio = registry.get("osmose.storage.block.cache.hit.ratio").gauge().value();
    assertThat(Double.isNaN(ratio) || (ratio >= 0 && ratio <= 1)).isTrue();
    store.close();
    assertThat(registry.get("osmose.storage.keys").tag("column", "blocks").gauge().value()).isNaN();
  }
}
