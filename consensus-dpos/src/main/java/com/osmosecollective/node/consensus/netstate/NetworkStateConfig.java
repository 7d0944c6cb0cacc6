package com.osmosecollective.node.consensus.netstate;

/**
 * Settings of the network state.
 *
 * @param minimumNetworkReach fewer peers than this give {@link
 *     NetworkStateStatus#BELOW_MINIMUM_PEERS} (ARK core-p2p {@code minimumNetworkReach}, default 20
 *     on mainnet, devnet and testnet alike, env {@code CORE_P2P_MIN_NETWORK_REACH})
 * @param requestTimeoutMillis how long the forger waits for the state before taking it as {@link
 *     NetworkStateStatus#UNKNOWN} (ARK forger client: 4000 ms)
 */
public record NetworkStateConfig(int minimumNetworkReach, long requestTimeoutMillis) {
  public static final int DEFAULT_MINIMUM_NETWORK_REACH = 20;
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 4000;

  public NetworkStateConfig {
    if (minimumNetworkReach < 0) {
      throw new IllegalArgumentException("minimumNetworkReach must be >= 0");
    }
    if (requestTimeoutMillis <= 0) {
      throw new IllegalArgumentException("requestTimeoutMillis must be > 0");
    }
  }

  /** ARK's defaults. */
  public static NetworkStateConfig defaults() {
    return new NetworkStateConfig(DEFAULT_MINIMUM_NETWORK_REACH, DEFAULT_REQUEST_TIMEOUT_MILLIS);
  }
}
