package com.osmosecollective.node.app;

/** Entry point of the {@code osmose} command. */
public final class OsmoseMain {
  private OsmoseMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (0 ok, 1 check failed, 2 bad input). */
  public static int run(String... args) {
    return CommandLines.create().execute(args);
  }
}
