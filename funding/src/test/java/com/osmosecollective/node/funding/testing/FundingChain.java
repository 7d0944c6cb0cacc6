package com.osmosecollective.node.funding.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.CoreStateApplier;
import com.osmosecollective.node.consensus.chain.RollbackPolicy;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.genesis.GenesisPlan;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * A real devnet chain for funding tests: RocksDB in a directory, the chain thread, and a forger
 * holding every delegate key, driven by a stepped clock. Few active delegates (so the delegate
 * under test forges often); {@link #delegate()} and {@link #otherDelegate()} have the lowest public
 * keys, so they stay in the active set whatever the votes.
 */
public final class FundingChain implements AutoCloseable {
  public static final int BLOCKTIME = 8;
  public static final int ACTIVE_DELEGATES = 3;
  public static final long COIN = 100_000_000L;

  public final Network network;
  public final GenesisPlan plan;
  public final ChainStore store;
  public final Chain chain;
  private final SteppedClock clock;
  private final Forger forger;
  private final List<Transaction> pending = new ArrayList<>();
  private final List<GenesisAccount> byKey;
  private long slot = 10;

  private FundingChain(Network network, GenesisPlan plan, Path dir) throws Exception {
    this.network = network;
    this.plan = plan;
    this.clock = new SteppedClock(network.epoch());
    this.store = ChainStore.open(StoreOptions.inDataDir(dir), network.nethash());
    NetworkTime time = new NetworkTime(network.epoch(), clock);
    this.chain =
        new Chain(
            network,
            store,
            new CoreStateApplier(network, TransactionHandlers.withBestVerifier()),
            new BlockVerifier(network, SignatureVerifiers.best(), ForkJoinPool.commonPool()),
            time,
            RollbackPolicy.fixed(5));
    chain.start();
    List<PrivateKey> keys = new ArrayList<>();
    plan.delegates().forEach(d -> keys.add(d.key()));
    this.forger =
        new Forger(
            network,
            chain,
            time,
            new DelegateKeys(keys),
            ForgedSlots.inMemory(),
            (maxTransactions, maxBytes) -> {
              List<Transaction> taken = List.copyOf(pending);
              pending.clear();
              return taken;
            });
    this.byKey =
        plan.delegates().stream().sorted(Comparator.comparing(GenesisAccount::publicKey)).toList();
  }

  public static FundingChain open(Path dir) throws Exception {
    ObjectNode root = new DevnetNetworkFile().shippedTemplate();
    ObjectNode first = (ObjectNode) root.withArray("milestones").get(0);
    first.put("blocktime", BLOCKTIME);
    first.put("activeDelegates", ACTIVE_DELEGATES);
    GenesisPlan plan = DevnetNetworkFile.withGenesis(root);
    return new FundingChain(new NetworkLoader().fromJson(root, null), plan, dir);
  }

  /** The delegate under test: the lowest public key. */
  public GenesisAccount delegate() {
    return byKey.get(0);
  }

  public GenesisAccount otherDelegate() {
    return byKey.get(1);
  }

  public PrivateKey rich() {
    return plan.funded().get(0).key();
  }

  public String address(PrivateKey key) {
    return Address.fromPublicKey(key.publicKey(), network.pubKeyHash());
  }

  public Bytes addressBytes(String address) {
    return Bytes.of(decode(address));
  }

  private byte[] decode(String address) {
    try {
      return Address.decode(address, network.pubKeyHash());
    } catch (com.osmosecollective.node.core.encoding.DecodeException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public long height() {
    return chain.snapshot().height();
  }

  public Wallet wallet(String address) {
    return store.queries().wallet(address).orElse(Wallet.empty(address));
  }

  /** A signed v2 transaction of {@code sender} with nonce = committed nonce + 1 + {@code ahead}. */
  public Transaction sign(
      PrivateKey sender, long fee, long amount, Asset asset, String vendorField) {
    long nonce =
        store
                .queries()
                .walletByPublicKey(Hex.encode(sender.publicKey()))
                .map(Wallet::nonce)
                .orElse(0L)
            + 1;
    var builder =
        Transaction.builder()
            .version(2)
            .network(network.pubKeyHash())
            .nonce(nonce)
            .senderPublicKey(Bytes.of(sender.publicKey()))
            .fee(fee)
            .amount(amount)
            .asset(asset);
    if (vendorField != null) {
      builder.vendorField(vendorField);
    }
    return TransactionSigner.sign(builder.build(), sender);
  }

  public long fee(String key) {
    return network.milestones().at(height() + 1).staticFee(key, 0);
  }

  /** Forges the next block with {@code transactions}; fails if the chain refuses it. */
  public void forge(List<Transaction> transactions) {
    pending.addAll(transactions);
    while (true) {
      clock.set(network.epoch().plusSeconds(slot * BLOCKTIME));
      slot++;
      var forged = forger.forgeIfDue();
      if (forged.isPresent()) {
        if (!forged.get().outcome().isAccepted()) {
          throw new AssertionError("not accepted: " + forged.get().outcome());
        }
        return;
      }
    }
  }

  /** Every wallet voting for {@code delegatePublicKey}: address → balance + locked balance. */
  public Map<String, Long> votersOf(String delegatePublicKey) {
    Map<String, Long> out = new HashMap<>();
    store
        .queries()
        .forEachWallet(
            w -> {
              if (delegatePublicKey.equals(w.vote())) {
                out.put(w.address(), w.votingWeight());
              }
            });
    return out;
  }

  @Override
  public void close() {
    chain.close();
    store.close();
  }
}
