package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.state.BlockApplier;
import com.osmosecollective.node.core.state.InMemoryWallets;
import com.osmosecollective.node.core.state.StateContext;
import com.osmosecollective.node.core.state.TransactionHandlers;
import com.osmosecollective.node.core.state.WalletOverlay;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wallet-state part of applying a 150-transaction block (no signature checks: those run in
 * parallel before the chain thread): every transaction's checks and effects, vote balances, the
 * generator's credit, on an overlay over an in-memory state of the senders, recipients and 51
 * delegates. Senders vote, so every transaction also moves a delegate's vote balance.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockStateBenchmark {
  private static final int TRANSACTIONS = 150;
  private static final long OSM = 100_000_000L;

  /** transfers: 150 transfers from 150 senders; mixed: transfers, votes switches, payments. */
  @Param({"transfers", "mixed"})
  public String kind;

  private InMemoryWallets base;
  private BlockApplier applier;
  private Block block;
  private StateContext ctx;

  @Setup
  public void setup() throws Exception {
    Network network = new NetworkLoader().loadShipped("devnet");
    int net = network.pubKeyHash();
    base = new InMemoryWallets(net);
    List<PrivateKey> delegates = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      PrivateKey d = PrivateKey.fromPassphrase("bench delegate " + i);
      delegates.add(d);
      base.put(
          base.byPublicKey(hex(d))
              .withDelegate(DelegateAttributes.registered("d" + i).withVoteBalance(1000 * OSM)));
    }
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < TRANSACTIONS; i++) {
      PrivateKey sender = PrivateKey.fromPassphrase("bench sender " + i);
      String vote = hex(delegates.get(i % 51));
      Wallet w = base.byPublicKey(hex(sender)).withBalance(1000 * OSM).withVote(vote);
      base.put(w);
      Wallet d = base.byPublicKey(vote);
      base.put(
          d.withDelegate(d.delegate().withVoteBalance(d.delegate().voteBalance() + 1000 * OSM)));
      Bytes recipient =
          Bytes.of(
              Address.payloadFromPublicKey(
                  PrivateKey.fromPassphrase("bench recipient " + i).publicKey(), net));
      Asset asset;
      long amount = 0;
      int pick = kind.equals("mixed") ? i % 3 : 0;
      if (pick == 0) {
        asset = new Asset.Transfer(0, recipient);
        amount = 10 * OSM;
      } else if (pick == 1) {
        asset =
            new Asset.Vote(
                List.of(
                    new Asset.VoteEntry(false, Bytes.of(delegates.get(i % 51).publicKey())),
                    new Asset.VoteEntry(true, Bytes.of(delegates.get((i + 1) % 51).publicKey()))));
      } else {
        asset =
            new Asset.MultiPayment(
                List.of(
                    new Asset.Payment(OSM, recipient),
                    new Asset.Payment(2 * OSM, recipient),
                    new Asset.Payment(3 * OSM, recipient)));
      }
      Transaction tx =
          Transaction.builder()
              .version(2)
              .network(net)
              .nonce(1)
              .senderPublicKey(Bytes.of(sender.publicKey()))
              .fee(asset.type().defaultStaticFee())
              .amount(amount)
              .asset(asset)
              .build();
      txs.add(TransactionSigner.sign(tx, sender));
    }
    long height = 1000;
    ctx = StateContext.forBlock(network, height, 80_000, 79_992);
    block =
        new BlockFactory(new BlockCodec(network))
            .make(
                height,
                80_000,
                "0".repeat(64),
                network.milestones().at(height).reward(),
                txs,
                delegates.get(0));
    applier = new BlockApplier(TransactionHandlers.withBestVerifier());
  }

  private static String hex(PrivateKey key) {
    return Bytes.of(key.publicKey()).hex();
  }

  @Benchmark
  public WalletOverlay applyBlock() throws Exception {
    WalletOverlay overlay = new WalletOverlay(base);
    applier.apply(block, overlay, ctx);
    return overlay;
  }
}
