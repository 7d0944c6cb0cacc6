package com.osmosecollective.node.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Verifications per second of the benchmark thread's own CPU time. On a machine shared with other
 * jobs, JMH's wall-clock scores fall whenever the thread is descheduled; CPU time does not count
 * those pauses, so this gives the single-core figure the targets are stated in. Run with {@code
 * java -cp benchmarks/target/benchmarks.jar com.osmosecollective.node.benchmarks.CpuTimeThroughput
 * [seconds]}.
 */
public final class CpuTimeThroughput {
  private CpuTimeThroughput() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    SignatureBenchmark bench = new SignatureBenchmark();
    bench.setUp();
    Map<String, BooleanSupplier> cases = new LinkedHashMap<>();
    cases.put("ecdsaVerifyBouncyCastle", bench::ecdsaVerifyBouncyCastle);
    cases.put("ecdsaVerifyNative", bench::ecdsaVerifyNative);
    cases.put("schnorrVerifyBouncyCastle", bench::schnorrVerifyBouncyCastle);
    cases.put("schnorrVerifyNative", bench::schnorrVerifyNative);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (Map.Entry<String, BooleanSupplier> c : cases.entrySet()) {
      run(threads, c.getValue(), seconds / 2); // warm-up
      double perSecond = run(threads, c.getValue(), seconds);
      System.out.printf("%-28s %10.0f ops per CPU-second%n", c.getKey(), perSecond);
    }
  }

  private static double run(ThreadMXBean threads, BooleanSupplier op, double seconds) {
    long budget = (long) (seconds * 1e9);
    long start = threads.getCurrentThreadCpuTime();
    long ops = 0;
    long used;
    int failures = 0;
    do {
      for (int i = 0; i < 100; i++) {
        if (!op.getAsBoolean()) {
          failures++;
        }
      }
      ops += 100;
      used = threads.getCurrentThreadCpuTime() - start;
    } while (used < budget);
    if (failures > 0) {
      throw new IllegalStateException(failures + " verifications failed");
    }
    return ops / (used / 1e9);
  }
}
