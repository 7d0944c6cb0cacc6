package com.osmosecollective.node.acceptance.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The nodes of one test, each in its own folder under {@code root}. Closing it kills whatever still
 * runs, so a failed test leaves no process behind.
 */
public final class Cluster implements AutoCloseable {
  /**
   * The blocktime of the tests' devnets, in seconds: the shortest a devnet takes (a third of it is
   * the forger's margin, consensus' ForgingMargin), so that tests wait as little as they can.
   */
  public static final int BLOCKTIME = 2;

  private final Path root;
  private final List<Node> nodes = new ArrayList<>();

  private Cluster(Path root) {
    this.root = root;
  }

  public static Cluster in(Path root) {
    return new Cluster(root);
  }

  Path root() {
    return root;
  }

  /** {@code n} blocktimes of the tests' devnets. */
  public static Duration blocktimes(long n) {
    return Duration.ofSeconds(n * BLOCKTIME);
  }

  /** {@code --blocktime} with the tests' blocktime, for {@code osmose devnet}. */
  public static String[] blocktimeArgs() {
    return new String[] {"--blocktime", Integer.toString(BLOCKTIME)};
  }

  /** A node running {@code osmose devnet}: a whole local chain in one process. */
  public Node.Spec devnet(String name) {
    return new Node.Spec(this, name, "devnet");
  }

  /** A node running {@code osmose start}. */
  public Node.Spec start(String name) {
    return new Node.Spec(this, name, "start");
  }

  /** A forger process ({@code osmose forger}): give it {@code --relay}, the network and secrets. */
  public Node.Spec forger(String name) {
    return new Node.Spec(this, name, "forger");
  }

  /**
   * Makes a devnet's network without running it: in {@code <root>/<name>/data}, the network file
   * (BLOCKTIME) and delegates' secrets {@code osmose devnet} would write (the same library call;
   * DevnetAcceptanceIT runs the command itself). Nodes started with {@code --network} on its file
   * form the network. A node process less to start: half a minute of CPU on a loaded machine.
   */
  public DevnetFiles createDevnet(String name) {
    return DevnetFiles.create(root.resolve(name).resolve("data"), BLOCKTIME);
  }

  /**
   * Starts {@code osmose start --forge} nodes named {@code forger-a}, {@code forger-b}, … on the
   * devnet's network, one per group of delegate secrets, each given the nodes started before it as
   * peers (as operators joining one after another would).
   */
  public List<Node> startForgers(DevnetFiles devnet, List<List<String>> secretGroups) {
    List<Node> started = new ArrayList<>();
    for (List<String> secrets : secretGroups) {
      Node.Spec spec =
          start("forger-" + (char) ('a' + started.size()))
              .args("--network", devnet.networkArg())
              .forging(secrets);
      if (!started.isEmpty()) {
        spec.args("--peers", String.join(",", started.stream().map(Node::peerAddress).toList()));
      }
      started.add(spec.start());
    }
    return List.copyOf(started);
  }

  /**
   * Waits until every node holds the same block at the same height {@code >= height} (the lowest
   * tip among them, so that a node still catching up is waited for); returns that height.
   */
  public static long awaitSameBlock(long height, Duration timeout, Node... nodes) {
    try {
      return Awaitility.await("the same block at height >= " + height + " on " + names(nodes))
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptionsInstanceOf(UncheckedIOException.class)
          .until(() -> agreedHeight(nodes), agreed -> agreed >= height);
    } catch (ConditionTimeoutException e) {
      StringBuilder logs = new StringBuilder(e.getMessage());
      for (Node node : nodes) {
        logs.append("\n--- ").append(node.name()).append(" (height ");
        try {
          logs.append(node.height());
        } catch (RuntimeException unreachable) {
          logs.append('?');
        }
        logs.append("):\n").append(node.tail());
      }
      throw new AssertionError(logs.toString(), e);
    }
  }

  /** The lowest tip of {@code nodes} if they all hold the same block there, else -1. */
  private static long agreedHeight(Node... nodes) {
    long lowest = Long.MAX_VALUE;
    for (Node node : nodes) {
      lowest = Math.min(lowest, node.height());
    }
    String id = null;
    for (Node node : nodes) {
      String other = node.blockId(lowest).orElse(null);
      if (other == null || (id != null && !id.equals(other))) {
        return -1;
      }
      id = other;
    }
    return lowest;
  }

  private static String names(Node... nodes) {
    return String.join(", ", java.util.Arrays.stream(nodes).map(Node::name).toList());
  }

  Node add(Node node) {
    try {
      Files.createDirectories(root.resolve(node.name()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    nodes.add(node);
    return node;
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  @Override
  public void close() {
    nodes.forEach(Node::close);
  }
}
