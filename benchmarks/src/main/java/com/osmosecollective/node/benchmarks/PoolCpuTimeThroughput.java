package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.consensus.pool.BatchTooLargeException;
import com.osmosecollective.node.consensus.pool.PoolConfig;
import com.osmosecollective.node.consensus.pool.Submitted;
import com.osmosecollective.node.consensus.pool.TransactionPool;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Pool admission per CPU-second of one thread: the whole {@link PoolAdmissionBenchmark} workload
 * (10,000 transfers in batches of 40, signatures verified inline) on a single thread, timed with
 * the thread's own CPU clock, so time lost to other jobs on a shared machine does not count. With
 * the verification spread over more cores (as {@code PoolAdmission} does) admission goes faster.
 *
 * <p>Usage: {@code java -cp benchmarks.jar ...PoolCpuTimeThroughput [rounds]}.
 */
public final class PoolCpuTimeThroughput {
  private PoolCpuTimeThroughput() {}

  public static void main(String[] args) throws BatchTooLargeException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    PoolAdmissionBenchmark workload = new PoolAdmissionBenchmark();
    workload.verifierThreads = 1;
    workload.setup();
    workload.tearDown();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round <= rounds; round++) {
      TransactionPool pool =
          PoolAdmissionBenchmark.newPool(
              workload.network, workload.committed, PoolConfig.defaults());
      long start = threads.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      int accepted = 0;
      for (List<Submitted> batch : workload.batches) {
        accepted += pool.add(batch).accept().size();
      }
      long cpu = threads.getCurrentThreadCpuTime() - start;
      long wall = System.nanoTime() - wallStart;
      if (accepted != PoolAdmissionBenchmark.TOTAL) {
        throw new IllegalStateException("only " + accepted + " accepted");
      }
      System.out.printf(
          "%s round %d: %,.0f transactions per CPU-second (%,.0f per wall second)%n",
          round == 0 ? "warm-up" : "measured",
          round,
          accepted / (cpu / 1e9),
          accepted / (wall / 1e9));
    }
  }
}
