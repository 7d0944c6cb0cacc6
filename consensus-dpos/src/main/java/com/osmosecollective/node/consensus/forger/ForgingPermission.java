package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.core.block.Block;
import java.util.List;

/**
 * ARK's forger rule on the network state ({@code forger-service.ts isForgingAllowed}): no forging
 * on an unknown state, a cold start or too few peers, nor below a quorum of 0.66. Over-height peer
 * headers signed by the delegate about to forge are reported: the same key may be forging
 * elsewhere.
 */
public final class ForgingPermission {
  /** ARK's minimum share of agreeing peers. */
  public static final double MINIMUM_QUORUM = 0.66;

  private ForgingPermission() {}

  /**
   * Whether the network state lets a delegate forge.
   *
   * @param allowed whether the delegate may forge
   * @param reason why not (empty when allowed)
   * @param possibleDoubleForging over-height blocks that the delegate itself signed
   */
  public record Verdict(boolean allowed, String reason, List<Block> possibleDoubleForging) {
    public Verdict {
      possibleDoubleForging = List.copyOf(possibleDoubleForging);
    }
  }

  public static Verdict judge(NetworkState state, String delegatePublicKey) {
    String refusal =
        switch (state.status()) {
          case UNKNOWN -> "the network state is unknown";
          case COLD_START -> "cold start: this slot is skipped";
          case BELOW_MINIMUM_PEERS -> "the network reach is not sufficient to get a quorum";
          default -> null;
        };
    if (refusal != null) {
      return new Verdict(false, refusal, List.of());
    }
    List<Block> ownOverHeight =
        state.overHeightBlockHeaders().stream()
            .filter(h -> h.header().generatorPublicKeyHex().equals(delegatePublicKey))
            .toList();
    if (state.quorum() < MINIMUM_QUORUM) {
      return new Verdict(false, "not enough quorum (" + state.quorum() + ")", ownOverHeight);
    }
    return new Verdict(true, "", ownOverHeight);
  }
}
