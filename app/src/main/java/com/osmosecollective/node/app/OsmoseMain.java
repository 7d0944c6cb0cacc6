package com.osmosecollective.node.app;

/** Entry point of the {@code osmose} command. */
public final class OsmoseMain {
  private OsmoseMain() {}

  public static void main(String[] args) {
    Signals.enable();
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (README.md, "Exit codes"). */
  public static int run(String... args) {
    return CommandLines.create().execute(args);
  }
}
