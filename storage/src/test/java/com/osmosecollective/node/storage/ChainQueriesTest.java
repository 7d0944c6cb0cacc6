package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.testing.RandomChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every query checked against the generator's own record of what it committed. */
class ChainQueriesTest {
  @TempDir static Path dir;
  static ChainStore store;
  static RandomChain chain;
  static final List<BlockCommit> commits = new ArrayList<>();

  record Placed(long height, TxData tx) {}

  @BeforeAll
  static void build() throws Exception {
    store = ChainStore.open(StoreOptions.defaults(dir), ChainStoreTest.NETHASH);
    chain = new RandomChain(new RandomChain.Settings(7, 40, 8, 30, true));
    for (int i = 0; i < 120; i++) {
      BlockCommit c = chain.next();
      commits.add(c);
      store.commitBulk(c);
    }
    store.flush();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static List<String> expected(BiPredicate<Long, TxData> filter, PageRequest page) {
    List<Placed> all = new ArrayList<>();
    for (BlockCommit c : commits) {
      for (TxData tx : c.transactions()) {
        if (filter.test(c.block().height(), tx)) {
          all.add(new Placed(c.block().height(), tx));
        }
      }
    }
    Comparator<Placed> order =
        Comparator.comparingLong(Placed::height).thenComparingInt(p -> p.tx().position());
    all.sort(page.oldestFirst() ? order : order.reversed());
    return all.stream().skip(page.offset()).limit(page.limit()).map(p -> p.tx().id()).toList();
  }

  static List<String> ids(Page<StoredTransaction> page) {
    return page.items().stream().map(t -> t.tx().id()).toList();
  }

  static final List<PageRequest> PAGES =
      List.of(
          PageRequest.newestFirst(0, 10),
          PageRequest.newestFirst(7, 5),
          PageRequest.oldestFirst(3, 100),
          PageRequest.newestFirst(0, 100));

  void checkIndex(
      Function<PageRequest, Page<StoredTransaction>> query, BiPredicate<Long, TxData> filter) {
    int nonEmpty = 0;
    for (PageRequest page : PAGES) {
      List<String> want = expected(filter, page);
      assertThat(ids(query.apply(page))).as("page %s", page).isEqualTo(want);
      nonEmpty += want.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("the generator produced entries for this index").isPositive();
  }

  @Test
  void transactionIndexesMatchTheCommittedTransactions() {
    String a = chain.address(3);
    String delegateKey = chain.publicKey(2);
    checkIndex(
        p -> store.queries().transactionsBySender(a, p), (h, t) -> t.senderAddress().equals(a));
    checkIndex(
        p -> store.queries().transactionsByRecipient(a, p), (h, t) -> t.recipients().contains(a));
    checkIndex(
        p -> store.queries().transactionsByAddress(a, p),
        (h, t) -> t.senderAddress().equals(a) || t.recipients().contains(a));
    checkIndex(p -> store.queries().transactionsByType(1, 6, p), (h, t) -> t.type() == 6);
    checkIndex(p -> store.queries().transactionsOfBlock(1, p), (h, t) -> h == 1);
    checkIndex(
        p -> store.queries().votesByVoter(a, p),
        (h, t) -> t.senderAddress().equals(a) && !t.voteTargets().isEmpty());
    checkIndex(
        p -> store.queries().votesForDelegate(delegateKey, p),
        (h, t) -> t.voteTargets().contains(delegateKey));
    checkIndex(
        p -> store.queries().htlcLocksBySender(chain.address(5), p),
        (h, t) -> t.htlcLock() != null && t.senderAddress().equals(chain.address(5)));
  }

  /**
   * Counted lists answer a page at any depth, from either end, with the list's exact length: every
   * offset of the whole chain and of one address, both directions, against the generator's record.
   */
  @Test
  void countedListsReadEveryDepthWithExactTotals() {
    String a = chain.address(3);
    List<BiPredicate<Long, TxData>> filters =
        List.of(
            (h, t) -> true, (h, t) -> t.senderAddress().equals(a) || t.recipients().contains(a));
    List<Function<PageRequest, Page<StoredTransaction>>> queries =
        List.of(
            p -> store.queries().transactions(p), p -> store.queries().transactionsByAddress(a, p));
    for (int q = 0; q < 2; q++) {
      int total = expected(filters.get(q), PageRequest.oldestFirst(0, 1_000_000)).size();
      assertThat(total).isGreaterThan(7);
      for (int offset = 0; offset <= total; offset += 7) {
        for (boolean oldest : List.of(true, false)) {
          PageRequest page = new PageRequest(offset, 7, oldest);
          Page<StoredTransaction> got = queries.get(q).apply(page);
          assertThat(ids(got)).as("%s %s", q, page).isEqualTo(expected(filters.get(q), page));
          assertThat(got.total()).isEqualTo(total);
          assertThat(got.hasMore()).isEqualTo(offset + 7 < total);
        }
      }
    }
    long stored = commits.stream().mapToLong(c -> c.transactions().size()).sum();
    assertThat(store.queries().transactionCount()).isEqualTo(stored);
    String generator = chain.publicKey(1);
    long produced =
        commits.stream().filter(c -> c.block().generatorPublicKey().equals(generator)).count();
    Page<Long> last =
        store
            .queries()
            .blocksByGenerator(generator, PageRequest.newestFirst((int) produced - 1, 5));
    assertThat(last.items())
        .containsExactly(
            commits.stream()
                .map(BlockCommit::block)
                .filter(b -> b.generatorPublicKey().equals(generator))
                .findFirst()
                .orElseThrow()
                .height());
    assertThat(last.total()).isEqualTo(produced);
  }

  @Test
  void allTransactionsInChainOrderWithAnEstimatedCount() {
    checkIndex(p -> store.queries().transactions(p), (h, t) -> true);
    long stored = commits.stream().mapToLong(c -> c.transactions().size()).sum();
    // nothing was ever deleted or overwritten, so RocksDB's estimate has nothing to be wrong about
    assertThat(store.queries().estimatedTransactionCount()).isEqualTo(stored);
  }

  @Test
  void pagesSayWhetherMoreFollow() {
    String a = chain.address(3);
    int total =
        expected((h, t) -> t.senderAddress().equals(a), PageRequest.oldestFirst(0, 100000)).size();
    assertThat(store.queries().transactionsBySender(a, PageRequest.newestFirst(0, total)).hasMore())
        .isFalse();
    assertThat(
            store
                .queries()
                .transactionsBySender(a, PageRequest.newestFirst(0, total - 1))
                .hasMore())
        .isTrue();
    assertThatThrownBy(
            () -> store.queries().transactionsBySender(a, PageRequest.newestFirst(0, 101)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transactionByIdHasItsBlockAndConfirmations() {
    BlockCommit c = commits.get(99);
    TxData tx = c.transactions().get(c.transactions().size() - 1);
    StoredTransaction stored = store.queries().transaction(tx.id()).orElseThrow();
    assertThat(stored.height()).isEqualTo(100);
    assertThat(stored.blockId()).isEqualTo(c.block().id());
    assertThat(stored.confirmations()).isEqualTo(21);
    assertThat(stored.tx().serialized()).isEqualTo(tx.serialized());
    assertThat(stored.tx().recipients()).isEqualTo(tx.recipients());
    assertThat(store.queries().transaction("ab".repeat(32))).isEmpty();
  }

  @Test
  void blocksByHeightIdRangeAndGenerator() {
    BlockData b = commits.get(49).block();
    assertThat(store.queries().block(50).orElseThrow().serialized()).isEqualTo(b.serialized());
    assertThat(store.queries().blockById(b.id()).orElseThrow().height()).isEqualTo(50);
    assertThat(store.queries().blocks(10, 19).stream().map(BlockData::height))
        .containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
    String generator = chain.publicKey(1);
    List<Long> want =
        commits.stream()
            .map(BlockCommit::block)
            .filter(x -> x.generatorPublicKey().equals(generator))
            .map(BlockData::height)
            .sorted(Comparator.reverseOrder())
            .limit(5)
            .toList();
    assertThat(want).isNotEmpty();
    assertThat(store.queries().blocksByGenerator(generator, PageRequest.newestFirst(0, 5)).items())
        .isEqualTo(want);
    List<Long> inRange =
        commits.stream()
            .map(BlockCommit::block)
            .filter(x -> x.generatorPublicKey().equals(generator))
            .map(BlockData::height)
            .filter(h -> h >= 12 && h <= 40)
            .toList();
    assertThat(inRange).isNotEmpty();
    List<Long> scanned = new java.util.ArrayList<>();
    store.queries().forEachBlockOfGenerator(generator, 12, 40, scanned::add);
    assertThat(scanned).isEqualTo(inRange);
  }

  @Test
  void walletsByAddressKeyAndUsername() {
    Wallet w = chain.state().get(chain.address(2));
    assertThat(store.queries().wallet(w.address())).contains(w);
    assertThat(store.queries().walletByPublicKey(w.publicKey())).contains(w);
    assertThat(store.queries().walletByUsername("genesis_2")).contains(w);
    assertThat(store.queries().walletByUsername("nobody")).isEmpty();
  }

  @Test
  void delegatesRankedByVoteBalanceThenPublicKey() {
    List<String> want =
        chain.state().values().stream()
            .filter(w -> w.delegate() != null && !w.delegate().resigned())
            .sorted(
                Comparator.comparingLong((Wallet w) -> -w.delegate().voteBalance())
                    .thenComparing(Wallet::publicKey))
            .map(Wallet::address)
            .toList();
    List<String> got =
        store.queries().delegates(false, PageRequest.oldestFirst(0, 100)).items().stream()
            .map(Wallet::address)
            .toList();
    assertThat(got).isEqualTo(want);
    assertThat(
            chain.state().values().stream()
                .anyMatch(w -> w.delegate() != null && w.delegate().voteBalance() > 0))
        .isTrue();
  }

  @Test
  void votersOfADelegate() {
    String key = chain.publicKey(1);
    List<String> want =
        chain.state().values().stream()
            .filter(w -> key.equals(w.vote()))
            .map(Wallet::address)
            .sorted()
            .toList();
    assertThat(want).isNotEmpty();
    assertThat(store.queries().voters(key, PageRequest.oldestFirst(0, 100)).items())
        .isEqualTo(want);
  }

  @Test
  void ipfsHashesAndHtlcSettlements() {
    TxData ipfs = null;
    TxData claim = null;
    for (BlockCommit c : commits) {
      for (TxData t : c.transactions()) {
        ipfs = t.ipfsHash() != null ? t : ipfs;
        claim = t.htlcSettledLockId() != null ? t : claim;
      }
    }
    assertThat(ipfs).isNotNull();
    assertThat(claim).isNotNull();
    assertThat(store.queries().ipfsTransaction(ipfs.ipfsHash())).contains(ipfs.id());
    assertThat(store.queries().htlcSettlement(claim.htlcSettledLockId())).contains(claim.id());
  }

  @Test
  void roundsHoldTheRankedDelegates() {
    BlockCommit c = commits.get(101);
    assertThat(c.newRound()).isNotNull();
    assertThat(store.queries().round(c.newRound().round())).contains(c.newRound().delegates());
  }
}
