package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.Funding;
import com.osmosecollective.node.funding.payout.AccountPeriods;
import com.osmosecollective.node.funding.payout.AccountStatement;
import com.osmosecollective.node.funding.proposal.ProposalUnavailableException;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.ChainReader;
import com.osmosecollective.node.storage.RoundDelegate;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A data dir's chain, opened read-only (the node may be running). */
final class StoreDelegateView implements DelegateView {
  private final Path dataDir;
  private final ChainReader reader;
  private final ChainQueries queries;

  private final Funding funding;

  private StoreDelegateView(Path dataDir, ChainReader reader, Network network) {
    this.dataDir = dataDir;
    this.reader = reader;
    this.queries = reader.queries();
    this.funding = Funding.of(queries, network, dataDir);
  }

  static StoreDelegateView open(Path dataDir, Network network) throws StoreOpenException {
    return new StoreDelegateView(
        dataDir, ChainReader.open(StoreOptions.inDataDir(dataDir), network.nethash()), network);
  }

  /** The funding services over this data dir's chain and documents. */
  Funding funding() {
    return funding;
  }

  /** The committed chain data. */
  ChainQueries queries() {
    return queries;
  }

  @Override
  public long nonce(String address) {
    return queries.wallet(address).map(Wallet::nonce).orElse(0L);
  }

  @Override
  public List<AccountPeriod> accounts(String id, int periods) throws ViewException {
    Optional<Wallet> delegate = funding.payouts().find(id);
    if (delegate.isEmpty()) {
      return List.of();
    }
    try {
      Optional<AccountPeriods.Schedule> schedule = funding.periods().schedule(delegate.get());
      if (schedule.isEmpty() || schedule.get().periods() == 0) {
        return List.of();
      }
      long newest = schedule.get().periods();
      List<AccountPeriod> out = new ArrayList<>();
      for (AccountPeriods.Period p :
          funding.periods().periods(schedule.get(), newest, Math.max(1, newest - periods + 1))) {
        Optional<AccountStatement> s = funding.periods().account(delegate.get(), p);
        out.add(
            new AccountPeriod(
                p.number(),
                p.fromHeight(),
                p.toHeight(),
                p.complete(),
                s.map(a -> a.rewards() + a.fees()).orElse(0L),
                s.map(AccountStatement::promised).orElse(0L),
                s.map(AccountStatement::paid).orElse(0L),
                s.map(AccountStatement::difference).orElse(0L)));
      }
      return out;
    } catch (ProposalUnavailableException e) {
      throw new ViewException(e.getMessage());
    }
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
