package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.consensus.pool.BatchTooLargeException;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.consensus.pool.TransactionPool;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pool work a block causes on the chain thread, with 10,000 transfers pending (100 senders ×
 * 100 nonces, see {@link PoolAdmissionBenchmark}): re-validating the whole pool after a block (a
 * block whose transactions came from elsewhere forces the full rebuild), and choosing 150
 * transactions for a block on a fresh view.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PoolBlockBenchmark {
  PoolAdmissionBenchmark source = new PoolAdmissionBenchmark();
  TransactionPool pool;
  long height = 1;

  @Setup(Level.Trial)
  public void fill() throws BatchTooLargeException {
    source.verifierThreads = 1;
    source.setup();
    // no ageing out while the benchmark advances the height block after block
    pool =
        PoolAdmissionBenchmark.newPool(
            source.network,
            source.committed,
            PoolConfig.defaults().withMaxTransactionAge(Integer.MAX_VALUE));
    for (List<Submitted> b : source.batches) {
      pool.add(b);
    }
    source.tearDown();
    if (pool.size() != PoolAdmissionBenchmark.TOTAL) {
      throw new IllegalStateException("pool holds " + pool.size());
    }
  }

  @Benchmark
  public int revalidateAfterBlock() {
    height++;
    // an unrelated transaction id: nothing leaves the pool, everything is re-checked
    BlockHeader header =
        new BlockHeader(
            0, 0, height, "p", 0, 0, 0, 0, 0, new byte[32], new byte[33], new byte[] {1});
    List<Transaction> dropped =
        pool.onBlockApplied(new Block(header, List.of(source.foreign), "b"));
    if (!dropped.isEmpty()) {
      throw new IllegalStateException(dropped.size() + " dropped");
    }
    return pool.size();
  }

  @Benchmark
  public int collect150() {
    return pool.collectForBlock(150, 6_300_000).size();
  }
}
