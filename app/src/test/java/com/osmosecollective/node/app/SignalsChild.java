package com.osmosecollective.node.app;

import java.util.concurrent.CountDownLatch;

/**
 * A process for {@code SignalsIT}: takes over the signals as {@code osmose} does, but its first
 * signal only prints a line (as if the stop hung), so the second one must end it.
 */
public final class SignalsChild {
  private SignalsChild() {}

  public static void main(String[] args) throws InterruptedException {
    Signals.enable();
    boolean installed = Signals.install(() -> System.out.println("first signal handled"));
    System.out.println(installed ? "ready" : "signals not handled");
    new CountDownLatch(1).await();
  }
}
