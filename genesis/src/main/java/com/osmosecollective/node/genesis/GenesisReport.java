package com.osmosecollective.node.genesis;

import java.util.List;

/** Everything checked about a genesis block; it is valid when every check passed. */
public record GenesisReport(String blockId, int transactionCount, List<GenesisCheck> checks) {
  public GenesisReport {
    checks = List.copyOf(checks);
  }

  public boolean valid() {
    return checks.stream().allMatch(GenesisCheck::passed);
  }

  public List<GenesisCheck> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
