package com.osmosecollective.node.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.block.BlockVerification;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.SignatureVerifier;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full verification in isolation of a 150-transaction block (150 distinct senders, Schnorr
 * signatures, block signature, totals, payload hash) with the transaction signatures checked in
 * parallel on a pool of {@code threads} workers. Target: ≤ 10 ms using both cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockVerifyBenchmark {
  private static final int NETWORK = 115;

  @Param({"native", "bouncycastle"})
  public String verifier;

  @Param({"2", "1"})
  public int threads;

  private Block block;
  private BlockVerifier blockVerifier;
  private ForkJoinPool pool;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Network network =
        new NetworkLoader()
            .fromJson(
                new ObjectMapper()
                    .readTree(
                        "{\"network\": {\"name\": \"bench\", \"pubKeyHash\": 115, \"wif\": 44,"
                            + " \"nethash\": \"\"}, \"milestones\": [{\"height\": 1, \"reward\":"
                            + " 200000000000, \"activeDelegates\": 51, \"blocktime\": 20, \"epoch\":"
                            + " \"2017-02-21T13:00:00.000Z\", \"aip11\": true, \"block\": {\"version\":"
                            + " 0, \"maxTransactions\": 150, \"maxPayload\": 6300000}}]}"),
                null);
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      PrivateKey sender = PrivateKey.fromPassphrase("block benchmark sender " + i);
      Bytes recipient =
          Bytes.of(
              Address.payloadFromPublicKey(
                  PrivateKey.fromPassphrase("block benchmark recipient " + i).publicKey(),
                  NETWORK));
      Transaction unsigned =
          Transaction.builder()
              .version(2)
              .network(NETWORK)
              .nonce(1)
              .senderPublicKey(Bytes.of(sender.publicKey()))
              .fee(100_000_000)
              .amount(1 + i)
              .asset(new Asset.Transfer(0, recipient))
              .build();
      txs.add(TransactionSigner.sign(unsigned, sender));
    }
    block =
        new BlockFactory(new BlockCodec(network))
            .make(
                2,
                20,
                "12345678901234567890",
                200_000_000_000L,
                txs,
                PrivateKey.fromPassphrase("block benchmark generator"));
    SignatureVerifier signatures =
        verifier.equals("native") ? SignatureVerifiers.best() : new BouncyCastleVerifier();
    pool = new ForkJoinPool(threads);
    blockVerifier = new BlockVerifier(network, signatures, pool);
    BlockVerification check = blockVerifier.verify(block, 1_000_000);
    if (!check.verified()) {
      throw new IllegalStateException("benchmark block must verify: " + check.errors());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdown();
  }

  @Benchmark
  public BlockVerification verify150() {
    return blockVerifier.verify(block, 1_000_000);
  }
}
