package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.storage.testing.RandomChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class ChainStoreTest {
  static final String NETHASH = "6e84d08bd299ed97c212c886c98a57e36545c8f5d645ca7eeae63a8bd62d8988";
  static final RandomChain.Settings SETTINGS = new RandomChain.Settings(42, 60, 10, 25, true);

  @TempDir Path dir;

  private ChainStore open(int undoKeep) throws StoreOpenException {
    return ChainStore.open(StoreOptions.defaults(dir).withUndoKeepBlocks(undoKeep), NETHASH);
  }

  @Test
  void revertingEveryCommittedBlockRestoresEveryColumnByteForByte() throws Exception {
    try (ChainStore store = open(200)) {
      Map<String, Map<String, String>> empty = DatabaseDump.of(store);
      RandomChain chain = new RandomChain(SETTINGS);
      Map<String, Map<String, String>> at20 = null;
      for (int i = 0; i < 60; i++) {
        BlockCommit commit = chain.next();
        store.commit(commit);
        if (i == 19) {
          at20 = DatabaseDump.of(store);
        }
        if (commit.block().height() == 51) {
          // the round end re-ranked the delegates: reverting it must restore their old ranks
          assertThat(commit.walletChanges())
              .anyMatch(
                  c ->
                      c.value() != null
                          && c.value().delegate() != null
                          && c.value().delegate().round() == 2);
        }
      }
      assertThat(store.tip().orElseThrow().height()).isEqualTo(60);
      for (int i = 0; i < 40; i++) {
        store.revertTip();
      }
      assertThat(DatabaseDump.of(store)).isEqualTo(at20);
      for (int i = 0; i < 20; i++) {
        store.revertTip();
      }
      assertThat(store.tip()).isEmpty();
      assertThat(DatabaseDump.of(store)).isEqualTo(empty);
    }
  }

  @Test
  void recommittingRevertedBlocksGivesTheSameDatabaseInBulkMode() throws Exception {
    try (ChainStore store = open(200)) {
      RandomChain chain = new RandomChain(SETTINGS);
      List<BlockCommit> commits = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        commits.add(chain.next());
        store.commitBulk(commits.get(i));
      }
      store.flush();
      Map<String, Map<String, String>> first = DatabaseDump.of(store);
      for (int i = 0; i < 30; i++) {
        store.revertTip();
      }
      assertThat(store.tip().orElseThrow().height()).isEqualTo(20);
      for (int i = 20; i < 50; i++) {
        store.commit(commits.get(i));
      }
      assertThat(DatabaseDump.of(store)).isEqualTo(first);
    }
  }

  @Test
  void bulkBlocksBecomeVisibleOnlyWhenTheirBatchIsWritten() throws Exception {
    StoreOptions options = StoreOptions.defaults(dir).withBulkBatchBlocks(10);
    try (ChainStore store = ChainStore.open(options, NETHASH)) {
      RandomChain chain = new RandomChain(SETTINGS);
      for (int i = 0; i < 9; i++) {
        store.commitBulk(chain.next());
      }
      assertThat(store.tip()).isEmpty();
      assertThat(store.queries().block(1)).isEmpty();
      store.commitBulk(chain.next());
      assertThat(store.tip().orElseThrow().height()).isEqualTo(10);
      assertThat(store.queries().block(10)).isPresent();
      store.commitBulk(chain.next());
      assertThat(store.tip().orElseThrow().height()).isEqualTo(10);
    }
    try (ChainStore reopened = ChainStore.open(options, NETHASH)) {
      // close writes the pending batch
      assertThat(reopened.tip().orElseThrow().height()).isEqualTo(11);
    }
  }

  @Test
  void aBlockThatFailsHalfWayLeavesNothingAndTheStoreStaysUsable() throws Exception {
    try (ChainStore store = open(200)) {
      RandomChain chain = new RandomChain(SETTINGS);
      store.commitBulk(chain.next());
      BlockCommit good = chain.next();
      BlockData b = good.block();
      // a transaction with an id that is not hex fails after the block record was added
      TxData bad =
          new TxData(
              "not-hex",
              0,
              1,
              0,
              SETTINGS.seed() > 0 ? chain.publicKey(0) : "",
              chain.address(0),
              List.of(),
              0,
              0,
              List.of(),
              null,
              null,
              null,
              new byte[1]);
      BlockCommit broken =
          new BlockCommit(
              new BlockData(
                  b.height(),
                  b.id(),
                  b.previousId(),
                  b.timestamp(),
                  b.generatorPublicKey(),
                  b.reward(),
                  b.totalFee(),
                  b.totalAmount(),
                  1,
                  b.serialized()),
              List.of(bad),
              good.walletChanges(),
              good.newRound());
      assertThatThrownBy(() -> store.commitBulk(broken))
          .isInstanceOf(IllegalArgumentException.class);
      store.commit(good);
      assertThat(store.tip().orElseThrow().height()).isEqualTo(2);
      assertThat(store.queries().block(2).orElseThrow().transactionCount())
          .isEqualTo(good.transactions().size());
      store.revertTip();
      store.revertTip();
      assertThat(DatabaseDump.of(store).get("txs")).isEmpty();
    }
  }

  @Test
  void deletingAWalletRemovesItsIndexEntriesAndRevertRestoresThem() throws Exception {
    try (ChainStore store = open(200)) {
      RandomChain chain = new RandomChain(SETTINGS);
      for (int i = 0; i < 10; i++) {
        store.commit(chain.next());
      }
      BlockCommit next = chain.next();
      String victim =
          chain.state().values().stream()
              .filter(w -> w.delegate() != null)
              .filter(
                  w ->
                      next.walletChanges().stream().noneMatch(c -> c.address().equals(w.address())))
              .findFirst()
              .orElseThrow()
              .address();
      com.osmosecollective.node.core.wallet.Wallet before =
          store.queries().wallet(victim).orElseThrow();
      Map<String, Map<String, String>> beforeDump = DatabaseDump.of(store);
      List<WalletChange> changes = new ArrayList<>(next.walletChanges());
      changes.add(WalletChange.delete(victim));
      store.commit(new BlockCommit(next.block(), next.transactions(), changes, next.newRound()));
      assertThat(store.queries().wallet(victim)).isEmpty();
      assertThat(store.queries().walletByPublicKey(before.publicKey())).isEmpty();
      assertThat(store.queries().walletByUsername(before.delegate().username())).isEmpty();
      store.revertTip();
      assertThat(store.queries().walletByUsername(before.delegate().username())).contains(before);
      assertThat(DatabaseDump.of(store)).isEqualTo(beforeDump);
    }
  }

  @Test
  void refusesBlocksThatDoNotFollowTheTip() throws Exception {
    try (ChainStore store = open(200)) {
      RandomChain chain = new RandomChain(SETTINGS);
      store.commit(chain.next());
      chain.next();
      BlockCommit third = chain.next();
      assertThatThrownBy(() -> store.commit(third))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("expected height 2");
      assertThat(store.tip().orElseThrow().height()).isEqualTo(1);
    }
  }

  @Test
  void undoRecordsArePrunedBeyondTheKeptDepth() throws Exception {
    try (ChainStore store = open(5)) {
      RandomChain chain = new RandomChain(SETTINGS);
      for (int i = 0; i < 20; i++) {
        store.commit(chain.next());
      }
      assertThat(DatabaseDump.of(store).get("undo")).hasSize(5);
      for (int i = 0; i < 5; i++) {
        store.revertTip();
      }
      assertThat(store.tip().orElseThrow().height()).isEqualTo(15);
      assertThatThrownBy(store::revertTip)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no undo record for height 15");
    }
  }

  @Test
  void stateSurvivesReopenWithoutReplay() throws Exception {
    RandomChain chain = new RandomChain(SETTINGS);
    try (ChainStore store = open(200)) {
      for (int i = 0; i < 30; i++) {
        store.commit(chain.next());
      }
    }
    try (ChainStore store = open(200)) {
      assertThat(store.tip().orElseThrow().height()).isEqualTo(30);
      Map<String, com.osmosecollective.node.core.wallet.Wallet> loaded = new java.util.HashMap<>();
      store.queries().forEachWallet(w -> loaded.put(w.address(), w));
      assertThat(loaded).isEqualTo(chain.state());
      assertThat(store.queries().round(1)).isPresent();
    }
  }

  @Test
  void refusesAnotherNetworksDatabase() throws Exception {
    open(10).close();
    assertThatThrownBy(() -> ChainStore.open(StoreOptions.defaults(dir), "00".repeat(32)))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(StoreOpenException.Reason.NETWORK_MISMATCH);
              assertThat(e.exitCode()).isEqualTo(4);
            })
        .hasMessageContaining("belongs to the network with nethash " + NETHASH);
  }

  @Test
  void refusesAnotherSchemaVersion() throws Exception {
    try (ChainStore store = open(10)) {
      RocksDatabase db = store.database();
      db.db().put(db.handle(ColumnFamily.META), Meta.SCHEMA_VERSION_KEY, Meta.encodeLong(99));
    }
    assertThatThrownBy(() -> open(10))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(StoreOpenException.Reason.SCHEMA_MISMATCH);
              assertThat(e.exitCode()).isEqualTo(3);
            })
        .hasMessageContaining("schema version 99 is not the version " + Meta.SCHEMA_VERSION);
  }

  @Test
  void refusesAVersionOneDatabaseAndSaysWhatToDo() throws Exception {
    try (ChainStore store = open(10)) {
      RocksDatabase db = store.database();
      db.db().put(db.handle(ColumnFamily.META), Meta.SCHEMA_VERSION_KEY, Meta.encodeLong(1));
    }
    assertThatThrownBy(() -> open(10))
        .isInstanceOfSatisfying(
            StoreOpenException.class, e -> assertThat(e.exitCode()).isEqualTo(3))
        .hasMessageContaining("schema version 1 is not the version " + Meta.SCHEMA_VERSION)
        .hasMessageContaining("move or delete " + dir.toAbsolutePath())
        .hasMessageContaining("resyncs");
  }

  @Test
  void refusesADatabaseWithOtherColumnsAndSaysWhatToDo() throws Exception {
    open(10).close();
    // schema 1 had an idx_tx_address column
    try (Options options = new Options();
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()) {
      List<byte[]> names = RocksDB.listColumnFamilies(options, dir.toString());
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : names) {
        descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (DBOptions dbOptions = new DBOptions();
          RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles)) {
        handles.add(
            db.createColumnFamily(
                new ColumnFamilyDescriptor(
                    "idx_tx_address".getBytes(StandardCharsets.US_ASCII), cfOptions)));
        handles.forEach(ColumnFamilyHandle::close);
      }
    }
    assertThatThrownBy(() -> open(10))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreOpenException.Reason.SCHEMA_MISMATCH))
        .hasMessageContaining("other column families than schema version " + Meta.SCHEMA_VERSION)
        .hasMessageContaining("move or delete " + dir.toAbsolutePath());
  }
}
