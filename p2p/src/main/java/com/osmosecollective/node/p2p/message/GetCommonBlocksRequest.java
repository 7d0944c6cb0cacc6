package com.osmosecollective.node.p2p.message;

import java.util.List;

/** {@code peer.GetCommonBlocksRequest}: 1 to 10 block ids; {@code headers} null when absent. */
public record GetCommonBlocksRequest(List<String> ids, Headers headers) {
  public static final int MAX_IDS = 10;

  public GetCommonBlocksRequest {
    ids = List.copyOf(ids);
  }
}
