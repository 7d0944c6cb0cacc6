package com.osmosecollective.node.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a started node until it is asked to stop (SIGTERM, SIGINT) or a fatal failure stops it, then
 * stops its services in reverse order and returns the exit code: 0 after a signal, the failure's
 * own code after a fatal failure. A second signal ends the process at once ({@link Signals}).
 */
final class NodeRunner {
  private static final Logger LOG = LoggerFactory.getLogger(NodeRunner.class);

  private final CountDownLatch stop = new CountDownLatch(1);

  private NodeRunner() {}

  /**
   * Takes over SIGTERM and SIGINT from now on: created before the node starts, so that a signal
   * during the start (the forger may already forge) stops the node once it started instead of
   * ending the JVM with 143.
   */
  static NodeRunner onSignals() {
    NodeRunner runner = new NodeRunner();
    Signals.install(runner.stop::countDown);
    return runner;
  }

  /** Runs the started node until a signal or a fatal failure; returns the exit code. */
  int run(NodeAssembly node) {
    // an exit that is not a handled signal (System.exit elsewhere, or signals left to the JVM)
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              node.close();
            },
            "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = waitAndStop(node, stop);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs or ran; closing is idempotent
    }
    return code;
  }

  /**
   * Waits until {@code stop} opens or a fatal failure happens, then stops the node.
   *
   * @return 0, or the fatal failure's exit code
   */
  static int waitAndStop(NodeAssembly node, CountDownLatch stop) {
    node.onFatal(failure -> stop.countDown());
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long started = System.nanoTime();
    node.close();
    LOG.debug("stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    return node.fatal().map(FatalFailure::exitCode).orElse(0);
  }
}
