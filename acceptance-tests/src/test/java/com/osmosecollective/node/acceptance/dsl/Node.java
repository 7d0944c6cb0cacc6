package com.osmosecollective.node.acceptance.dsl;

import com.osmosecollective.node.consensus.forger.SecretsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One node of a test network: a name, a data dir, the {@code osmose} command line that runs it, and
 * its current process. Start, stop, kill and restart it; read its API; wait for a height.
 */
public final class Node implements AutoCloseable {
  private static final Pattern API_PORT = Pattern.compile("REST API listening on \\S*:(\\d+)");
  private static final Pattern P2P_PORT = Pattern.compile("P2P listening on \\S*:(\\d+)");
  private static final Pattern FORGER_STARTED = Pattern.compile("forger process started");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final String name;
  private final Path home;
  private final List<String> args;
  private final Map<String, String> environment;
  private OsmoseProcess process;
  private NodeApi api;
  private int p2pPort;
  private int runs;

  Node(String name, Path home, List<String> args, Map<String, String> environment) {
    this.name = name;
    this.home = home;
    this.args = new ArrayList<>(args);
    this.environment = Map.copyOf(environment);
  }

  /** Describes a node to start: {@code osmose <command> ...}. */
  public static final class Spec {
    private final Cluster cluster;
    private final String name;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final java.util.Set<String> defaulted =
        new java.util.HashSet<>(List.of("--data-dir", "--api-port", "--p2p-port"));

    Spec(Cluster cluster, String name, String command) {
      this.cluster = cluster;
      this.name = name;
      args.add(command);
      args.add("--data-dir");
      args.add(cluster.root().resolve(name).resolve("data").toString());
      if (command.equals("forger")) {
        return; // no API, no P2P server
      }
      args.add("--api-port");
      args.add("0");
      args.add("--p2p-port");
      args.add("0");
    }

    /**
     * More command-line arguments, as {@code osmose} takes them. A data dir or port given here
     * replaces the spec's default one: osmose refuses an option given twice.
     */
    public Spec args(String... more) {
      for (String arg : more) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (defaulted.remove(name)) {
          int at = args.indexOf(name);
          args.subList(at, at + 2).clear();
        }
      }
      args.addAll(List.of(more));
      return this;
    }

    /**
     * Forges for the delegates whose secrets are {@code secrets} (one per line, as {@code
     * --secrets} takes them): writes them owner-only into the node's folder and adds {@code --forge
     * --secrets <file>}.
     */
    public Spec forging(List<String> secrets) {
      Path file = cluster.root().resolve(name).resolve("delegates.secrets");
      try {
        SecretsFile.write(file, secrets);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return args("--forge", "--secrets", file.toString());
    }

    /**
     * An environment variable of the process ({@code OSMOSE_*} from the test's own are removed).
     */
    public Spec env(String variable, String value) {
      environment.put(variable, value);
      return this;
    }

    /** Creates the node without starting it. */
    public Node create() {
      return cluster.add(new Node(name, cluster.root().resolve(name), args, environment));
    }

    /** Creates the node and starts it; returns once its REST API answers. */
    public Node start() {
      return create().start();
    }
  }

  public String name() {
    return name;
  }

  /** The node's data dir ({@code --data-dir}). */
  public Path dataDir() {
    return home.resolve("data");
  }

  /** The folder of the node (data dir, logs, secrets). */
  public Path home() {
    return home;
  }

  /** Whether this is an {@code osmose forger} process (no API, no P2P server). */
  public boolean isForgerProcess() {
    return args.get(0).equals("forger");
  }

  /**
   * Starts (or restarts) the process; returns once the REST API answers (a forger process: once it
   * logged that it started).
   */
  public Node start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    runs++;
    process =
        OsmoseProcess.start(runArguments(), environment, home.resolve("run-" + runs + ".log"));
    if (isForgerProcess()) {
      awaitLog(FORGER_STARTED, START_TIMEOUT);
      return this;
    }
    int port = Integer.parseInt(awaitLog(API_PORT, START_TIMEOUT));
    api = new NodeApi(URI.create("http://127.0.0.1:" + port + "/"));
    p2pPort = args.contains("--no-p2p") ? 0 : Integer.parseInt(awaitLog(P2P_PORT, START_TIMEOUT));
    return this;
  }

  /**
   * The command line of this run: after the first run the node keeps the P2P port it was given, so
   * that peers which know it find it again after a restart.
   */
  private List<String> runArguments() {
    List<String> run = new ArrayList<>(args);
    int at = run.indexOf("--p2p-port");
    if (p2pPort != 0 && at >= 0 && at + 1 < run.size()) {
      run.set(at + 1, Integer.toString(p2pPort));
    }
    return run;
  }

  /**
   * Sets {@code flag}'s value for the next runs (replacing it, or adding the flag): e.g. a new
   * {@code --peers} list to heal a partition.
   */
  public Node set(String flag, String value) {
    int at = args.indexOf(flag);
    if (at >= 0 && at + 1 < args.size()) {
      args.set(at + 1, value);
    } else {
      args.add(flag);
      args.add(value);
    }
    return this;
  }

  /** The P2P port of the current run (chosen by the node: every test node asks for any port). */
  public int p2pPort() {
    if (p2pPort == 0) {
      throw new IllegalStateException(name + " has no P2P server running");
    }
    return p2pPort;
  }

  /** {@code 127.0.0.1:<p2p port>}, as {@code --peers} takes it. */
  public String peerAddress() {
    return "127.0.0.1:" + p2pPort();
  }

  /** The REST API of the running process. */
  public NodeApi api() {
    if (api == null) {
      throw new IllegalStateException(name + " has not been started");
    }
    return api;
  }

  /** The process of the current (or last) run. */
  public OsmoseProcess process() {
    if (process == null) {
      throw new IllegalStateException(name + " has not been started");
    }
    return process;
  }

  /** The current run's log. */
  public String log() {
    return process().logText();
  }

  /** Waits until {@code pattern} appears in the current run's log; its first group (or all). */
  public String awaitLog(Pattern pattern, Duration timeout) {
    try {
      return Awaitility.await(name + " logs " + pattern)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                if (!process.isAlive() && !pattern.matcher(process.logText()).find()) {
                  throw new AssertionError(
                      name + " exited with " + process.exitCode() + ":\n" + tail());
                }
                Matcher m = pattern.matcher(process.logText());
                return m.find() ? (m.groupCount() > 0 ? m.group(1) : m.group()) : null;
              },
              found -> found != null);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; " + name + "'s log:\n" + tail(), e);
    }
  }

  /** The height of the node's last block, from its API. */
  public long height() {
    return api().height();
  }

  /** The id of the node's block at {@code height} (empty while it has none). */
  public java.util.Optional<String> blockId(long height) {
    NodeApi.Answer answer = api().get("/blocks/" + height);
    return answer.status() == 200
        ? java.util.Optional.of(answer.data().path("id").asText())
        : java.util.Optional.empty();
  }

  /** Whether the process runs. */
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Waits until the node's API reports at least {@code height}; returns the height reached. */
  public long awaitHeight(long height, Duration timeout) {
    return awaitAtLeast(name + " reaches height " + height, this::height, height, timeout);
  }

  long awaitAtLeast(String what, LongSupplier value, long atLeast, Duration timeout) {
    try {
      return Awaitility.await(what)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
          .until(value::getAsLong, v -> v >= atLeast);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; " + name + "'s log:\n" + tail(), e);
    }
  }

  /** SIGTERM; the exit code once stopped within {@code timeout}, empty if it still runs. */
  public OptionalInt stop(Duration timeout) {
    return process().terminate(timeout);
  }

  /** SIGKILL, as a crash. */
  public int kill() {
    return process().kill();
  }

  /** The last lines of the current run's log, for failure messages. */
  public String tail() {
    String text = process == null ? "" : process.logText();
    String[] lines = text.split("\n");
    int from = Math.max(0, lines.length - 60);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
  }

  /** Kills the process if it still runs (the end of a test). */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.kill();
    }
  }
}
