package com.osmosecollective.node.p2p.message;

import java.util.Objects;

/** {@code Config.Network.Token}: token name and symbol. */
public record TokenInfo(String name, String symbol) {
  public TokenInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(symbol, "symbol");
  }
}
