package com.osmosecollective.node.consensus.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.NetworkGate;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
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
import com.osmosecollective.node.storage.WriteFaults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.UnaryOperator;

/** A devnet chain on a temp directory with all 51 delegate keys and a stepped clock. */
final class TestChain implements AutoCloseable {
  static final int BLOCKTIME = 8;

  /** Height where the test network's reward drops from 2000 to 1000 coins. */
  static final long REWARD_CHANGE = 60;

  static final long COIN = 100_000_000L;

  final Network network;
  final GenesisPlan plan;
  final SteppedClock clock;
  final ChainStore store;
  final Chain chain;
  final Forger forger;
  final List<Block> applied = new ArrayList<>();
  final List<AppliedBlockInfo> appliedInfo = new ArrayList<>();

  /** Transactions for the next forged block (all of them, then none until refilled). */
  final List<Transaction> pending = new ArrayList<>();

  /** A wallet that is not a genesis delegate; the forger holds its key too. */
  static final PrivateKey NEWCOMER = PrivateKey.fromPassphrase("osmose test newcomer");

  /** Another non-genesis wallet whose key the forger holds. */
  static final PrivateKey SECOND_NEWCOMER =
      PrivateKey.fromPassphrase("osmose test second newcomer");

  private TestChain(
      Network network,
      GenesisPlan plan,
      Path dir,
      RollbackPolicy rollback,
      WriteFaults faults,
      UnaryOperator<StateApplier> applier)
      throws Exception {
    this.network = network;
    this.plan = plan;
    this.clock = new SteppedClock(network.epoch());
    this.store = ChainStore.open(StoreOptions.inDataDir(dir), network.nethash(), faults);
    NetworkTime time = new NetworkTime(network.epoch(), clock);
    this.chain =
        new Chain(
            network,
            store,
            applier.apply(new CoreStateApplier(network, TransactionHandlers.withBestVerifier())),
            new BlockVerifier(network, SignatureVerifiers.best(), ForkJoinPool.commonPool()),
            time,
            rollback);
    chain.addListener(
        new ChainListener() {
          @Override
          public void blockApplied(Block block, AppliedBlockInfo info) {
            applied.add(block);
            appliedInfo.add(info);
          }
        });
    chain.start();
    this.forger =
        new Forger(
            network,
            chain,
            time,
            keys(plan),
            ForgedSlots.inMemory(),
            (maxTransactions, maxBytes) -> {
              List<Transaction> taken = List.copyOf(pending);
              pending.clear();
              return taken;
            });
  }

  /** Another forger on this chain, for all the test's delegate keys. */
  Forger forger(TransactionSource transactions, NetworkGate gate) {
    return new Forger(
        network,
        chain,
        new NetworkTime(network.epoch(), clock),
        keys(plan),
        ForgedSlots.inMemory(),
        transactions,
        gate);
  }

  private static DelegateKeys keys(GenesisPlan plan) {
    List<PrivateKey> keys = new ArrayList<>();
    plan.delegates().forEach(d -> keys.add(d.key()));
    keys.add(NEWCOMER);
    keys.add(SECOND_NEWCOMER);
    return new DelegateKeys(keys);
  }

  /** A signed v2 transaction of {@code sender} with its next nonce (from the committed state). */
  Transaction sign(PrivateKey sender, long fee, long amount, Asset asset) {
    String key = Hex.encode(sender.publicKey());
    long nonce = store.queries().walletByPublicKey(key).map(Wallet::nonce).orElse(0L) + 1;
    Transaction tx =
        Transaction.builder()
            .version(2)
            .network(network.pubKeyHash())
            .nonce(nonce)
            .senderPublicKey(Bytes.of(sender.publicKey()))
            .fee(fee)
            .amount(amount)
            .asset(asset)
            .build();
    return TransactionSigner.sign(tx, sender);
  }

  Bytes addressOf(PrivateKey key) {
    return Bytes.of(Address.payloadFromPublicKey(key.publicKey(), network.pubKeyHash()));
  }

  /** The devnet definition with an 8 s blocktime and a reward change at {@link #REWARD_CHANGE}. */
  static ObjectNode networkJson() throws Exception {
    ObjectNode root = new DevnetNetworkFile().shippedTemplate();
    var milestones = root.withArray("milestones");
    ((ObjectNode) milestones.get(0)).put("blocktime", BLOCKTIME);
    ObjectNode change = milestones.addObject();
    change.put("height", REWARD_CHANGE);
    change.put("reward", 1000 * COIN);
    return root;
  }

  static TestChain open(ObjectNode root, Path dir, RollbackPolicy rollback) throws Exception {
    return open(root, dir, rollback, WriteFaults.NONE, UnaryOperator.identity());
  }

  /**
   * @param faults fails the store's writes as a test asks
   * @param applier wraps the core state rules (to inject failures)
   */
  static TestChain open(
      ObjectNode root,
      Path dir,
      RollbackPolicy rollback,
      WriteFaults faults,
      UnaryOperator<StateApplier> applier)
      throws Exception {
    GenesisPlan plan = DevnetNetworkFile.withGenesis(root);
    Network network = new NetworkLoader().fromJson(root, null);
    return new TestChain(network, plan, dir, rollback, faults, applier);
  }

  /** Moves the clock to the first second of {@code slot}. */
  void atSlot(long slot) {
    clock.set(network.epoch().plusSeconds(slot * BLOCKTIME));
  }

  Instant now() {
    return clock.instant();
  }

  /** Forges in each of the slots {@code from, from + step, …} until the chain reaches height. */
  long forgeUntil(long height, long fromSlot, long step) {
    long slot = fromSlot;
    while (chain.snapshot().height() < height) {
      atSlot(slot);
      var forged = forger.forgeIfDue().orElseThrow();
      if (!forged.outcome().isAccepted()) {
        throw new AssertionError("not accepted: " + forged.outcome());
      }
      slot += step;
    }
    return slot;
  }

  Map<String, Wallet> wallets() {
    Map<String, Wallet> all = new TreeMap<>();
    store.queries().forEachWallet(w -> all.put(w.address(), w));
    return all;
  }

  Block block(long height) throws Exception {
    return new BlockCodec(network).decode(store.queries().block(height).orElseThrow().serialized());
  }

  @Override
  public void close() {
    chain.close();
    store.close();
  }
}
