package com.osmosecollective.node.app;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.ChainReader;
import com.osmosecollective.node.storage.RoundDelegate;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A data dir's chain, opened read-only (the node may be running). */
final class StoreDelegateView implements DelegateView {
  private final Path dataDir;
  private final ChainReader reader;
  private final ChainQueries queries;

  private StoreDelegateView(Path dataDir, ChainReader reader) {
    this.dataDir = dataDir;
    this.reader = reader;
    this.queries = reader.queries();
  }

  static StoreDelegateView open(Path dataDir, String nethash) throws StoreOpenException {
    return new StoreDelegateView(
        dataDir, ChainReader.open(StoreOptions.inDataDir(dataDir), nethash));
  }

  @Override
  public long tipHeight() throws ViewException {
    return reader.tip().orElseThrow(() -> new ViewException(dataDir + " holds no blocks")).height();
  }

  @Override
  public long blockTimestamp(long height) throws ViewException {
    return queries
        .block(height)
        .map(BlockData::timestamp)
        .orElseThrow(() -> new ViewException("no block " + height + " in " + dataDir));
  }

  @Override
  public Optional<Delegate> delegate(String id) {
    Optional<Wallet> wallet = queries.walletByUsername(id);
    if (wallet.isEmpty()) {
      wallet = queries.wallet(id);
    }
    if (wallet.isEmpty() && id.matches("0[23][0-9a-f]{64}")) {
      wallet = queries.walletByPublicKey(id);
    }
    return wallet.filter(w -> w.delegate() != null).map(StoreDelegateView::toDelegate);
  }

  private static Delegate toDelegate(Wallet w) {
    var d = w.delegate();
    return new Delegate(
        d.username(),
        w.address(),
        w.publicKey(),
        d.voteBalance(),
        d.rank(),
        d.resigned(),
        d.producedBlocks(),
        d.missedBlocks(),
        d.lastBlock());
  }

  @Override
  public List<String> roundDelegates(long round) {
    return queries.round(round).orElse(List.of()).stream().map(RoundDelegate::publicKey).toList();
  }

  @Override
  public String source() {
    return "data dir " + dataDir;
  }

  @Override
  public void close() {
    reader.close();
  }
}
