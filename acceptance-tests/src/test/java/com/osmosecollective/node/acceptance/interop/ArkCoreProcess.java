package com.osmosecollective.node.acceptance.interop;

import com.osmosecollective.node.acceptance.dsl.NodeApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One ARK Core process ({@code relay:run} or {@code forger:run}) on a configuration folder, in its
 * own process group (ARK starts worker processes; a crash can orphan them), its console output in a
 * file. Closing it kills the whole group.
 */
final class ArkCoreProcess implements AutoCloseable {
  /** ARK's terminate() lines: it logs them, but its workers can keep the process alive. */
  private static final Pattern GAVE_UP =
      Pattern.compile("Failed to start|Exiting ARK Core|Failed to startup|Failed to initialize");

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

  private final String name;
  private final Process process;
  private final Path output;
  private final Path logFolder;

  private ArkCoreProcess(String name, Process process, Path output, Path logFolder) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.logFolder = logFolder;
  }

  /**
   * Starts {@code ark <command> --network=devnet} with {@code config}; the state (data, cache, log,
   * temp) goes under {@code config}'s parent folder. {@code devnet} is only ARK's name for paths
   * and the database; the crypto comes from the config's {@code crypto/} folder. {@code peerIps}
   * are the local addresses ARK may accept as peers.
   */
  static ArkCoreProcess start(
      ArkCoreInstall install, ArkNetworkConfig config, String command, List<String> peerIps) {
    Path state = config.folder().getParent();
    String name = command.replace(":run", "");
    List<String> line = new ArrayList<>();
    line.add("setsid"); // own process group, so that close() reaches ARK's workers too
    line.add("node");
    line.add(install.coreRun().toString());
    line.addAll(List.of(command, "--network=devnet", "--token=ark", "--skipPrompts"));
    ProcessBuilder builder = new ProcessBuilder(line).directory(install.home().toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("CORE_") || key.startsWith("OSMOSE_"));
    env.putAll(config.environment());
    env.put("CORE_PATH_CONFIG", config.folder().toString());
    env.put("CORE_PATH_DATA", state.resolve("data").toString());
    env.put("CORE_PATH_CACHE", state.resolve("cache").toString());
    env.put("CORE_PATH_LOG", state.resolve("log").toString());
    env.put("CORE_PATH_TEMP", state.resolve("tmp").toString());
    env.put("XDG_CONFIG_HOME", state.resolve("xdg/config").toString());
    env.put("XDG_DATA_HOME", state.resolve("xdg/data").toString());
    env.put("XDG_CACHE_HOME", state.resolve("xdg/cache").toString());
    env.put("NODE_OPTIONS", "--require " + install.script("ark-same-host.cjs"));
    env.put("OSMOSE_INTEROP_PEER_IPS", String.join(",", peerIps));
    env.put("OSMOSE_INTEROP_BIND", config.host());
    env.put("OSMOSE_INTEROP_P2P_PORT", Integer.toString(config.ports().p2p()));
    Path output = state.resolve(name + ".out");
    builder.redirectErrorStream(true).redirectOutput(output.toFile());
    try {
      return new ArkCoreProcess(name, builder.start(), output, state.resolve("log"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start ARK Core " + command, e);
    }
  }

  /** The console output so far, without colour codes. */
  String output() {
    try {
      return Files.exists(output)
          ? ANSI.matcher(Files.readString(output, StandardCharsets.UTF_8)).replaceAll("")
          : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every match of {@code pattern} in the output so far: the first group of each. */
  List<String> all(Pattern pattern) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(output());
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** Waits until {@code pattern} appears in the output; its first group (or all of it). */
  String awaitLog(Pattern pattern, Duration timeout) {
    try {
      return Awaitility.await("ARK " + name + " logs " + pattern)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                Matcher m = pattern.matcher(output());
                if (m.find()) {
                  return m.groupCount() > 0 ? m.group(1) : m.group();
                }
                if (!process.isAlive()) {
                  throw new AssertionError(
                      "ARK " + name + " exited with " + process.exitValue() + ":\n" + tail());
                }
                if (GAVE_UP.matcher(output()).find()) {
                  throw new AssertionError("ARK " + name + " gave up:\n" + tail());
                }
                return null;
              },
              found -> found != null);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; ARK " + name + "'s output:\n" + tail(), e);
    }
  }

  /** ARK's public REST API (the relay's), on 127.0.0.1. */
  static NodeApi api(ArkNetworkConfig config) {
    return new NodeApi(URI.create("http://127.0.0.1:" + config.ports().api() + "/"));
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the console output, for failure messages. */
  String tail() {
    String[] lines = output().split("\n");
    return String.join(
            "\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 60), lines.length))
        + "\n(full logs: "
        + output
        + " and "
        + logFolder
        + ")";
  }

  /** SIGTERM to the process group (ARK 3.9 has no handler: it ends at once), then SIGKILL. */
  @Override
  public void close() {
    long group = process.pid(); // setsid made the process its group's leader
    Commands.run(null, 30, "kill", "-TERM", "--", "-" + group);
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !groupAlive(group));
    } catch (ConditionTimeoutException e) {
      Commands.run(null, 30, "kill", "-KILL", "--", "-" + group);
    }
  }

  private static boolean groupAlive(long group) {
    return Commands.run(null, 30, "kill", "-0", "--", "-" + group).ok();
  }
}
