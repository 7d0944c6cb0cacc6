package com.osmosecollective.node.storage;

import java.util.List;

/**
 * The outcome of {@link DatabaseChecker}: what was examined and every invariant violation found
 * (the first {@code problems} of {@code problemCount}).
 */
public record CheckReport(
    long tipHeight,
    long blocks,
    long transactions,
    long wallets,
    long undoRecords,
    List<String> problems,
    long problemCount) {
  public CheckReport {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problemCount == 0;
  }
}
