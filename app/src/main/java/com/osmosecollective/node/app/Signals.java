package com.osmosecollective.node.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT for a command that stops itself cleanly: the first signal calls {@code
 * onFirst} (which starts an orderly stop, so the command can exit 0), a second one ends the process
 * at once. The JVM's own handling would run the shutdown hooks and exit 143 or 130, and ignore a
 * second signal while they run. {@code sun.misc.Signal} (module jdk.unsupported) is reached by
 * reflection, which keeps javac's warning about internal API out of the build.
 */
final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  /** Exit code of a forced stop: 128 + SIGINT, as a shell reports a process ended by Ctrl-C. */
  static final int FORCED_EXIT = 130;

  /** Set by {@link OsmoseMain#main}: in-process runs (tests) leave the JVM's signals alone. */
  private static volatile boolean enabled;

  private Signals() {}

  /** Lets {@link #install} take over the signals: only the {@code osmose} process itself does. */
  static void enable() {
    enabled = true;
  }

  /**
   * Handles SIGTERM and SIGINT from now on.
   *
   * @param onFirst runs on the signal's thread at the first signal; must not block
   * @return false when signals are not handled here (not the osmose process, or no
   *     sun.misc.Signal): the JVM's default then applies
   */
  static boolean install(Runnable onFirst) {
    if (!enabled) {
      return false;
    }
    AtomicInteger received = new AtomicInteger();
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      InvocationHandler onSignal =
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              String name = String.valueOf(args[0]);
              if (received.incrementAndGet() == 1) {
                LOG.info("{} received: stopping (send it again to stop at once)", name);
                onFirst.run();
              } else {
                LOG.warn("{} received again: stopping at once", name);
                Runtime.getRuntime().halt(FORCED_EXIT);
              }
              return null;
            }
            return objectMethod(proxy, method, args);
          };
      Object proxy =
          Proxy.newProxyInstance(
              Signals.class.getClassLoader(), new Class<?>[] {handler}, onSignal);
      Method handle = signal.getMethod("handle", signal, handler);
      for (String name : new String[] {"TERM", "INT"}) {
        handle.invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("signals are left to the JVM: {}", e.toString());
      return false;
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      default -> "Signals handler";
    };
  }
}
