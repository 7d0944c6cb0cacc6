package com.osmosecollective.node.p2p.message;

import java.util.Objects;

/**
 * {@code Config.Network}: name, nethash, explorer URL, token, and {@code version}, which is the
 * network's address byte (pubKeyHash).
 */
public record NetworkInfo(
    String name, String nethash, String explorer, TokenInfo token, long version) {
  public NetworkInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nethash, "nethash");
    Objects.requireNonNull(explorer, "explorer");
    Objects.requireNonNull(token, "token");
  }
}
