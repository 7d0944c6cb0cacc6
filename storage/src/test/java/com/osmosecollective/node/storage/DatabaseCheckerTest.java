package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.codec.Keys;
import com.osmosecollective.node.storage.codec.WalletCodec;
import com.osmosecollective.node.storage.testing.RandomChain;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;

class DatabaseCheckerTest {
  @TempDir Path dir;
  StoreOptions options;
  RandomChain chain;

  @BeforeEach
  void build() throws Exception {
    options = StoreOptions.defaults(dir).withUndoKeepBlocks(20);
    chain = new RandomChain(new RandomChain.Settings(3, 40, 8, 20, true));
    try (ChainStore store = ChainStore.open(options, ChainStoreTest.NETHASH)) {
      for (int i = 0; i < 60; i++) {
        store.commit(chain.next());
      }
      store.revertTip();
    }
  }

  interface Corruption {
    void apply(RocksDB db, RocksDatabase handles) throws Exception;
  }

  CheckReport corruptAndCheck(Corruption corruption) throws Exception {
    try (ChainStore store = ChainStore.open(options, ChainStoreTest.NETHASH)) {
      corruption.apply(store.database().db(), store.database());
    }
    return DatabaseChecker.check(options);
  }

  @Test
  void aConsistentDatabasePasses() throws Exception {
    CheckReport report = DatabaseChecker.check(options);
    assertThat(report.problems()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.tipHeight()).isEqualTo(59);
    assertThat(report.blocks()).isEqualTo(59);
    assertThat(report.transactions()).isGreaterThan(100);
    assertThat(report.undoRecords()).isEqualTo(19);
  }

  @Test
  void findsAMissingIndexEntry() throws Exception {
    TxData tx = firstTransactionOf(30);
    ColumnKey party = CountedLists.party(tx.senderAddress());
    CheckReport report =
        corruptAndCheck(
            (db, h) -> {
              // a retired column must stay empty
              db.put(
                  h.handle(ColumnFamily.IDX_TX_SENDER),
                  Keys.prefixHeightPosition(Keys.addressPrefix(tx.senderAddress()), 30, 0),
                  Keys.txId(tx.id()));
              long length = CountedLists.length(h, party, null);
              db.delete(h.handle(ColumnFamily.IDX_TX_PARTY), CountedLists.entry(party, length - 1));
            });
    assertThat(report.ok()).isFalse();
    assertThat(report.problems())
        .anyMatch(p -> p.equals("idx_tx_sender holds 1 entries, 0 belong"))
        .anyMatch(p -> p.startsWith("idx_tx_party list " + Hex.encode(party.key()) + " lacks"))
        .anyMatch(p -> p.startsWith("idx_tx_party holds"));
  }

  @Test
  void findsAnExtraListEntryAndAMissingBlockOrdinal() throws Exception {
    CheckReport report =
        corruptAndCheck(
            (db, h) -> {
              ColumnKey party = CountedLists.party(chain.address(4));
              long length = CountedLists.length(h, party, null);
              db.put(
                  h.handle(ColumnFamily.IDX_TX_PARTY),
                  CountedLists.entry(party, length),
                  new byte[32]);
              byte[] last = CountedLists.lastKey(h, ColumnFamily.TX_ORDINALS, new byte[0], null);
              db.delete(h.handle(ColumnFamily.TX_ORDINALS), last);
            });
    assertThat(report.problems())
        .anyMatch(p -> p.startsWith("idx_tx_party holds"))
        .anyMatch(p -> p.contains("is missing from tx_ordinals"));
  }

  @Test
  void findsABalanceThatBreaksTheSupply() throws Exception {
    CheckReport report =
        corruptAndCheck(
            (db, h) -> {
              byte[] key = Keys.address(chain.address(4));
              Wallet w = new WalletCodec().decode(db.get(h.handle(ColumnFamily.WALLETS), key));
              db.put(
                  h.handle(ColumnFamily.WALLETS), key, new WalletCodec().encode(w.plusBalance(1)));
            });
    assertThat(report.problems()).anyMatch(p -> p.contains("(difference 1)"));
  }

  @Test
  void findsAMissingBlockAndUndoRecord() throws Exception {
    CheckReport report =
        corruptAndCheck(
            (db, h) -> {
              db.delete(h.handle(ColumnFamily.BLOCKS), Keys.height(12));
              db.delete(h.handle(ColumnFamily.UNDO), Keys.height(50));
            });
    assertThat(report.problems())
        .anyMatch(p -> p.contains("blocks 12..11") || p.contains("blocks 12..12 are missing"))
        .anyMatch(p -> p.contains("undo record of block 50 is missing"));
  }

  @Test
  void findsAStaleWalletIndexEntry() throws Exception {
    CheckReport report =
        corruptAndCheck(
            (db, h) ->
                db.put(
                    h.handle(ColumnFamily.VOTERS),
                    Keys.voter(chain.publicKey(0), "oSomebodyElse"),
                    new byte[0]));
    assertThat(report.problems()).anyMatch(p -> p.startsWith("voters holds"));
  }

  @Test
  void findsAVoteWeightHistoryThatDisagreesWithTheWallets() throws Exception {
    com.osmosecollective.node.core.wallet.Wallet voter =
        chain.state().values().stream().filter(w -> w.vote() != null).findFirst().orElseThrow();
    CheckReport report =
        corruptAndCheck(
            (db, h) ->
                db.put(
                    h.handle(ColumnFamily.IDX_VOTE_WEIGHT),
                    com.osmosecollective.node.storage.codec.Keys.voteWeight(
                        voter.vote(), 59, voter.address()),
                    VoteWeights.encode(voter.votingWeight() + 1)));
    assertThat(report.problems())
        .anyMatch(p -> p.startsWith("vote weight of " + voter.address() + " for " + voter.vote()));
  }

  @Test
  void refusesAMissingDatabase() {
    assertThatThrownBy(() -> DatabaseChecker.check(StoreOptions.defaults(dir.resolve("none"))))
        .isInstanceOfSatisfying(
            StoreOpenException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreOpenException.Reason.MISSING));
  }

  private TxData firstTransactionOf(long height) throws Exception {
    try (ChainStore store = ChainStore.open(options, ChainStoreTest.NETHASH)) {
      Page<StoredTransaction> page =
          store.queries().transactionsOfBlock(height, PageRequest.oldestFirst(0, 1));
      assertThat(page.items()).isNotEmpty();
      return page.items().get(0).tx();
    }
  }
}
