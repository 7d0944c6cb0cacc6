package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.osmosecollective.node.storage.testing.RandomChain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fills a small filesystem until a commit fails. Needs a directory on a filesystem of a few MB,
 * named by {@code -Dosmose.tinyfs=<dir>} or the environment variable {@code OSMOSE_TINYFS} (e.g. a
 * 6 MB tmpfs; {@code .ci/run} mounts one when it runs as root); skipped otherwise, since a test
 * cannot portably create one.
 */
class DiskFullTest {
  @Test
  void aFullDiskStopsWritesWithAClearErrorAndKeepsTheLastCommittedBlock() throws Exception {
    String tiny = System.getProperty("osmose.tinyfs", System.getenv("OSMOSE_TINYFS"));
    assumeTrue(
        tiny != null && !tiny.isBlank(),
        "set -Dosmose.tinyfs or OSMOSE_TINYFS to a directory on a filesystem of a few MB");
    Path dir = Files.createTempDirectory(Path.of(tiny), "db");
    StoreOptions options = StoreOptions.defaults(dir);
    RandomChain chain = new RandomChain(new RandomChain.Settings(4, 200, 10, 150, true));
    long committed = 0;
    StorageFailure failure = null;
    try (ChainStore store = ChainStore.open(options, ChainStoreTest.NETHASH)) {
      while (failure == null) {
        BlockCommit next = chain.next();
        try {
          store.commit(next);
          committed = next.block().height();
        } catch (StorageFailure e) {
          failure = e;
        }
      }
      assertThat(failure.diskFull()).isTrue();
      assertThat(failure).hasMessageContaining("disk full");
      assertThat(store.tip().orElseThrow().height()).isEqualTo(committed);
      assertThatThrownBy(() -> store.commit(chain.next()))
          .isInstanceOf(StorageFailure.class)
          .hasMessageContaining("accepts no more writes");
    } catch (StorageFailure closing) {
      // close may fail to flush on a full disk; the WAL still holds every committed block
    }
    System.out.println("disk full after block " + committed + ": " + failure.getMessage());

    // with room again (a copy elsewhere), the database is consistent at the last committed block
    Path roomy = Files.createTempDirectory("db-copy");
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, roomy.resolve(f.getFileName()));
      }
    }
    CheckReport report = DatabaseChecker.check(StoreOptions.defaults(roomy));
    assertThat(report.problems()).isEmpty();
    assertThat(report.tipHeight()).isEqualTo(committed);
    for (Path root : new Path[] {roomy, dir}) {
      try (var walk = Files.walk(root)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
