package com.osmosecollective.node.consensus.netstate;

/**
 * How the network state was reached (ARK {@code core-p2p enums.ts NetworkStateStatus}); the codes
 * are the numbers ARK puts in the {@code status} field of {@code p2p.internal.getNetworkState}.
 */
public enum NetworkStateStatus {
  /** Enough peers: the quorum was computed from them. */
  DEFAULT(0),
  /** Fewer peers than the minimum network reach: no quorum computed. */
  BELOW_MINIMUM_PEERS(1),
  /** ARK's test environment ({@code CORE_ENV=test}): quorum 1 whatever the peers say. */
  TEST(2),
  /** The first state asked for after a genesis-mode (network start) status update. */
  COLD_START(3),
  /** The state could not be obtained (failure or timeout). */
  UNKNOWN(4);

  private final int code;

  NetworkStateStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
