package com.osmosecollective.node.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A real {@code osmose} process for the process tests, its output in a log file. */
final class OsmoseProcess {
  private final Process process;
  private final Path log;

  private OsmoseProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static OsmoseProcess start(Path log, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(ChildJava.osmose(args));
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("OSMOSE_"));
    return new OsmoseProcess(builder.start(), log);
  }

  /**
   * {@code devnet --data-dir <data> --blocktime 2 --p2p-port 0 <more>}: the process tests' devnet,
   * with the shortest blocktime a devnet takes, on a P2P port the node picks (other nodes on this
   * machine may hold devnet's 4002).
   */
  static String[] devnetArgs(Path data, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "devnet", "--data-dir", data.toString(), "--blocktime", "2", "--p2p-port", "0"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The process tests' devnet on {@code data}, its API on a port it picks too. */
  static OsmoseProcess devnet(Path data, Path log) throws Exception {
    return start(log, devnetArgs(data, "--api-port", "0"));
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM (what systemd and Ctrl-C-like stops send). */
  void terminate() {
    process.destroy();
  }

  /** SIGKILL: no hook, no handler runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Waits for the process to end; returns its exit code, or -1 if it still runs after timeout. */
  int waitForExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return -1;
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the process if a test left it running. */
  void ensureStopped() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Waits until {@code pattern}'s first group reaches {@code atLeast}; returns the highest. */
  long waitFor(Pattern pattern, long atLeast, Duration timeout) throws Exception {
    try {
      return Awaitility.await("'" + pattern + "' >= " + atLeast)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> highest(pattern), highest -> highest >= atLeast);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + ", the process's output:\n" + output(), e);
    }
  }

  /** Waits until the output contains {@code text}. */
  void waitFor(String text, Duration timeout) throws Exception {
    try {
      Awaitility.await("'" + text + "'")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> output().contains(text));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + ", the process's output:\n" + output(), e);
    }
  }

  /** The highest number {@code pattern}'s first group matched so far, -1 if none. */
  long highest(Pattern pattern) throws Exception {
    return numbers(pattern).stream().mapToLong(Long::longValue).max().orElse(-1);
  }

  List<Long> numbers(Pattern pattern) throws Exception {
    List<Long> found = new ArrayList<>();
    Matcher m = pattern.matcher(output());
    while (m.find()) {
      found.add(Long.parseLong(m.group(1)));
    }
    return found;
  }

  String output() throws Exception {
    File file = log.toFile();
    return file.exists() ? Files.readString(log) : "";
  }
}
