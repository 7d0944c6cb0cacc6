package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainPool;
import com.osmosecollective.node.consensus.chain.CoreStateApplier;
import com.osmosecollective.node.consensus.chain.RollbackPolicy;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.NetworkGate;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.pool.PoolConfig;
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
import com.osmosecollective.node.genesis.GenesisPlan;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * A devnet chain as the node runs it: real RocksDB, the chain thread, the transaction pool joined
 * to it and a forger collecting from that pool, with a clock the test moves slot by slot.
 */
final class LiveChain implements AutoCloseable {
  static final int BLOCKTIME = 8;
  static final long COIN = 100_000_000L;

  final Network network;
  final GenesisPlan plan;
  final ChainStore store;
  final Chain chain;
  final ChainPool pool;
  private final SteppedClock clock;
  private final NetworkTime time;
  private final Forger forger;
  private long slot = 1000;

  LiveChain(Path dir) throws Exception {
    ObjectNode root = new DevnetNetworkFile().shippedTemplate();
    ((ObjectNode) root.withArray("milestones").get(0)).put("blocktime", BLOCKTIME);
    this.plan = DevnetNetworkFile.withGenesis(root);
    this.network = new NetworkLoader().fromJson(root, null);
    this.clock = new SteppedClock(network.epoch());
    this.store = ChainStore.open(StoreOptions.inDataDir(dir), network.nethash());
    this.time = new NetworkTime(network.epoch(), clock);
    this.chain =
        new Chain(
            network,
            store,
            new CoreStateApplier(network, TransactionHandlers.withBestVerifier()),
            new BlockVerifier(network, SignatureVerifiers.best(), ForkJoinPool.commonPool()),
            time,
            RollbackPolicy.fixed(5));
    chain.start();
    this.pool = ChainPool.attach(chain, network, store, time, PoolConfig.defaults());
    List<PrivateKey> keys = new ArrayList<>();
    plan.delegates().forEach(d -> keys.add(d.key()));
    this.forger =
        new Forger(
            network,
            chain,
            time,
            new DelegateKeys(keys),
            ForgedSlots.inMemory(),
            pool,
            NetworkGate.ALONE);
    clock.set(network.epoch().plusSeconds(slot * BLOCKTIME));
  }

  /** Forges the next block (with whatever the pool holds). */
  void forge() {
    long before = chain.snapshot().height();
    while (chain.snapshot().height() == before) {
      slot++;
      clock.set(network.epoch().plusSeconds(slot * BLOCKTIME));
      var forged = forger.forgeIfDue();
      if (forged.isPresent() && !forged.get().outcome().isAccepted()) {
        throw new AssertionError("not accepted: " + forged.get().outcome());
      }
    }
  }

  /** The static fee of {@code type} at the next height (the pool takes exactly that). */
  long fee(com.osmosecollective.node.core.tx.TransactionType type) {
    return network.milestones().at(height() + 1).staticFee(type.feeKey(), type.defaultStaticFee());
  }

  long height() {
    return chain.snapshot().height();
  }

  PrivateKey funded(int i) {
    return plan.funded().get(i).key();
  }

  String address(PrivateKey key) {
    return Address.fromPublicKey(key.publicKey(), network.pubKeyHash());
  }

  Bytes payload(PrivateKey key) {
    return Bytes.of(Address.payloadFromPublicKey(key.publicKey(), network.pubKeyHash()));
  }

  /** A signed v2 transaction with the sender's next nonce after {@code pending} pool ones. */
  Transaction sign(PrivateKey sender, long fee, long amount, Asset asset, int pending) {
    return sign(sender, fee, amount, asset, pending, null);
  }

  Transaction sign(
      PrivateKey sender, long fee, long amount, Asset asset, int pending, String vendorField) {
    String key = Hex.encode(sender.publicKey());
    long nonce = store.queries().walletByPublicKey(key).map(Wallet::nonce).orElse(0L) + 1 + pending;
    Transaction tx =
        Transaction.builder()
            .version(2)
            .network(network.pubKeyHash())
            .nonce(nonce)
            .senderPublicKey(Bytes.of(sender.publicKey()))
            .fee(fee)
            .amount(amount)
            .asset(asset)
            .vendorField(vendorField)
            .build();
    return TransactionSigner.sign(tx, sender);
  }

  ApiServices services() {
    return new ApiServices(
        network,
        store.queries(),
        PendingTransactions.of(pool, ForkJoinPool.commonPool()),
        PoolConfig.defaults(),
        NetworkView.none(),
        time::now,
        new SimpleMeterRegistry(),
        4001,
        4003);
  }

  @Override
  public void close() {
    chain.close();
    store.close();
  }
}
