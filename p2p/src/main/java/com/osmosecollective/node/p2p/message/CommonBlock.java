package com.osmosecollective.node.p2p.message;

import java.util.Objects;

/** {@code peer.GetCommonBlocksResponse.Common}: the highest requested block both nodes have. */
public record CommonBlock(long height, String id) {
  public CommonBlock {
    Objects.requireNonNull(id, "id");
  }
}
