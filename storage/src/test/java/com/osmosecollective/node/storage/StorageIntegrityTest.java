package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.osmosecollective.node.storage.testing.RandomChain;
import com.osmosecollective.node.storage.testing.StoreFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10: a damaged database is refused or fails loudly, never read as a shorter one; a
 * directory that is not a database is never turned into one.
 */
class StorageIntegrityTest {
  private static final int BLOCKS = 300;

  @TempDir Path root;
  Path dir;
  RandomChain chain;

  @BeforeEach
  void build() throws Exception {
    dir = root.resolve("chain");
    chain = new RandomChain(new RandomChain.Settings(5, 60, 8, 20, true));
    try (ChainStore store = ChainStore.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH)) {
      for (int i = 0; i < BLOCKS; i++) {
        store.commit(chain.next());
      }
    }
  }

  @Test
  void aDirectoryWithFilesButNoCurrentIsRefusedAndLeftByteIdentical() throws Exception {
    Files.delete(dir.resolve("CURRENT"));
    Map<String, String> before = StoreFiles.digests(dir);

    StoreOpenException open =
        catchThrowableOfType(
            () -> ChainStore.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH),
            StoreOpenException.class);
    assertThat(open.reason()).isEqualTo(StoreOpenException.Reason.CORRUPT);
    assertThat(open).hasMessageContaining("no CURRENT").hasMessageContaining("nothing was changed");
    assertThat(open.exitCode()).isEqualTo(12);
    assertThatThrownBy(() -> DatabaseChecker.check(StoreOptions.defaults(dir)))
        .isInstanceOf(StoreOpenException.class)
        .hasMessageContaining("no CURRENT");
    assertThatThrownBy(() -> ChainReader.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH))
        .isInstanceOf(StoreOpenException.class);

    assertThat(StoreFiles.digests(dir)).isEqualTo(before);
  }

  @Test
  void anEmptyOrAbsentDirectoryIsANewDatabase() throws Exception {
    Path empty = Files.createDirectory(root.resolve("empty"));
    try (ChainStore store = ChainStore.open(StoreOptions.defaults(empty), ChainStoreTest.NETHASH)) {
      assertThat(store.tip()).isEmpty();
    }
    try (ChainStore store =
        ChainStore.open(
            StoreOptions.defaults(root.resolve("absent/chain")), ChainStoreTest.NETHASH)) {
      assertThat(store.tip()).isEmpty();
    }
  }

  @Test
  void aFlippedByteInTheBlocksTableRefusesTheStartAndDbCheckNamesTheFile() throws Exception {
    Path table = StoreFiles.flipByteInTable(dir, ColumnFamily.BLOCKS, 0.1);

    StoreOpenException open =
        catchThrowableOfType(
            () -> ChainStore.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH),
            StoreOpenException.class);
    assertThat(open.reason()).isEqualTo(StoreOpenException.Reason.CORRUPT);
    assertThat(open)
        .hasMessageContaining(table.getFileName().toString())
        .hasMessageContaining("column blocks")
        .hasMessageContaining("osmose db check");

    CheckReport report = DatabaseChecker.check(StoreOptions.defaults(dir));
    assertThat(report.ok()).isFalse();
    assertThat(report.problems())
        .anyMatch(p -> p.startsWith("corruption") && p.contains(table.getFileName().toString()))
        .noneMatch(p -> p.contains("are missing"));
  }

  @Test
  void aFlippedByteInTheWalletsTableRefusesTheStartAndDbCheckNamesTheFile() throws Exception {
    Path table = StoreFiles.flipByteInTable(dir, ColumnFamily.WALLETS, 0.3);

    StoreOpenException open =
        catchThrowableOfType(
            () -> ChainStore.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH),
            StoreOpenException.class);
    assertThat(open.reason()).isEqualTo(StoreOpenException.Reason.CORRUPT);
    assertThat(open).hasMessageContaining(table.getFileName().toString());

    CheckReport report = DatabaseChecker.check(StoreOptions.defaults(dir));
    assertThat(report.problems())
        .anyMatch(p -> p.startsWith("corruption") && p.contains(table.getFileName().toString()))
        .anyMatch(p -> p.contains("column wallets"));
  }

  /**
   * Past the start-up checksum budget (a large database), damage away from the tip is met by the
   * reads: a scan that ends on it fails with a corruption {@link StorageFailure}, never returns a
   * shorter page, tells the failure listeners, and the store takes no more writes.
   */
  @Test
  void damageMetByAReadIsAStorageFailureNeverAShorterPage() throws Exception {
    StoreFiles.flipByteInTable(dir, ColumnFamily.BLOCKS, 0.1);
    StoreFiles.flipByteInTable(dir, ColumnFamily.BLOCK_TXS, 0.1);
    StoreOptions unchecked = StoreOptions.defaults(dir).withStartupChecksumBytes(0);
    try (ChainStore store = ChainStore.open(unchecked, ChainStoreTest.NETHASH)) {
      List<StorageFailure> told = new ArrayList<>();
      store.onFailure(told::add);
      ChainQueries queries = store.queries();

      StorageFailure blocks =
          catchThrowableOfType(() -> queries.blocks(1, 400), StorageFailure.class);
      assertThat(blocks.kind()).isEqualTo(StorageFailure.Kind.CORRUPTION);
      assertThat(blocks).hasMessageContaining("blocks");
      // Which transactions the flipped byte belongs to depends on how RocksDB laid out its tables,
      // so the whole list is paged: some page must fail rather than the list end early.
      StorageFailure page =
          catchThrowableOfType(
              () -> {
                int offset = 0;
                Page<StoredTransaction> read;
                do {
                  read = queries.transactions(new PageRequest(offset, 100, true));
                  offset += read.items().size();
                } while (read.hasMore());
              },
              StorageFailure.class);
      assertThat(page).as("a page met the damaged table").isNotNull();
      assertThat(page.kind()).isEqualTo(StorageFailure.Kind.CORRUPTION);

      assertThat(told).hasSize(1);
      assertThat(store.failure()).contains(told.get(0));
      assertThatThrownBy(() -> store.commit(chain.next()))
          .isInstanceOf(StorageFailure.class)
          .hasMessageContaining("accepts no more writes");
    }
  }

  @Test
  void aTipThatIsNotChainedToItsParentIsRefused() throws Exception {
    try (RocksDatabase db = RocksDatabase.open(StoreOptions.defaults(dir), false, false)) {
      db.db()
          .delete(
              db.handle(ColumnFamily.BLOCKS),
              com.osmosecollective.node.storage.codec.Keys.height(BLOCKS - 1));
    }
    assertThatThrownBy(() -> ChainStore.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH))
        .isInstanceOf(StoreOpenException.class)
        .hasMessageContaining("block " + (BLOCKS - 1) + " is missing")
        .hasMessageContaining("osmose db check");
  }
}
