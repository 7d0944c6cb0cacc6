package com.osmosecollective.node.acceptance.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One real {@code osmose} process: the command's main class started in a new JVM on this test's
 * class path, its output (stdout and stderr) in a log file.
 */
public final class OsmoseProcess {
  private static final String MAIN = "com.osmosecollective.node.app.OsmoseMain";

  private final Process process;
  private final Path log;

  private OsmoseProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code osmose <args>} with extra environment variables, logging to {@code log}. */
  public static OsmoseProcess start(List<String> args, Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    // the build's options for test processes (the POM's osmose.childJvmOptions): half the CPU
    // time to start, which is most of what a test node spends
    String options = System.getProperty("osmose.childJvmOptions", "").strip();
    if (!options.isEmpty()) {
      command.addAll(List.of(options.split("\\s+")));
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MAIN);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // the node must see only what the test gives it
    builder.environment().keySet().removeIf(name -> name.startsWith("OSMOSE_"));
    builder.environment().putAll(environment);
    try {
      return new OsmoseProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start osmose " + args, e);
    }
  }

  public Path log() {
    return log;
  }

  /** The log so far ("" before the first line). */
  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** The exit code once the process ended; empty while it runs. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /** SIGTERM, then waits up to {@code timeout}; the exit code, or empty if it still runs. */
  public OptionalInt terminate(Duration timeout) {
    process.destroy();
    return waitFor(timeout);
  }

  /** SIGKILL: no shutdown hook runs, as in a crash or a power cut. */
  public int kill() {
    process.destroyForcibly();
    return waitFor(Duration.ofSeconds(30))
        .orElseThrow(() -> new IllegalStateException("osmose " + pid() + " survived SIGKILL"));
  }

  /** Waits up to {@code timeout} for the process to end; its exit code, or empty. */
  public OptionalInt waitFor(Duration timeout) {
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return OptionalInt.of(process.exitValue());
      }
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }
}
