package com.osmosecollective.node.acceptance.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of one test, each in its own folder under {@code root}. Closing it kills whatever still
 * runs, so a failed test leaves no process behind.
 */
public final class Cluster implements AutoCloseable {
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
