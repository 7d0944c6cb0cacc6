package com.osmosecollective.node.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a started node running until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes it
 * from the shutdown hook so the chain database is closed cleanly.
 */
final class NodeRunner {
  private static final Logger LOG = LoggerFactory.getLogger(NodeRunner.class);

  private NodeRunner() {}

  static int runUntilStopped(NodeAssembly node) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              LOG.info("stopping");
              node.close();
              stopped.countDown();
            },
            "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      node.close();
    }
    return 0;
  }
}
