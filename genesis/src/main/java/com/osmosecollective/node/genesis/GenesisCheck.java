package com.osmosecollective.node.genesis;

/** One named check of a genesis block and its outcome. */
public record GenesisCheck(String name, boolean passed, String detail) {
  public static GenesisCheck pass(String name, String detail) {
    return new GenesisCheck(name, true, detail);
  }

  public static GenesisCheck fail(String name, String detail) {
    return new GenesisCheck(name, false, detail);
  }
}
