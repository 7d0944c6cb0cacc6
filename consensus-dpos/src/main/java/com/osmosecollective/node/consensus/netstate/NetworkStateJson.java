package com.osmosecollective.node.consensus.netstate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockJson;
import java.util.Map;

/** The network state as JSON, with ARK's field names. */
public final class NetworkStateJson {
  private NetworkStateJson() {}

  /**
   * The answer of {@code p2p.internal.getNetworkState}: ARK serialises its {@code NetworkState}
   * object as it is, so {@code status} is the numeric code, there is no {@code quorum} field, and
   * an unknown state has no {@code nodeHeight} or {@code lastBlockId}.
   */
  public static ObjectNode wire(NetworkState state) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("status", state.status().code());
    putTip(out, state);
    out.set("quorumDetails", details(state.quorumDetails()));
    return out;
  }

  /**
   * ARK's {@code NetworkState.toJson()}, the form its forger logs when the quorum is too low: the
   * computed {@code quorum} in place of the status.
   */
  public static ObjectNode summary(NetworkState state) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("quorum", state.quorum());
    putTip(out, state);
    out.set("quorumDetails", details(state.quorumDetails()));
    return out;
  }

  private static void putTip(ObjectNode out, NetworkState state) {
    if (state.hasTip()) {
      out.put("nodeHeight", state.nodeHeight());
      out.put("lastBlockId", state.lastBlockId());
    }
  }

  private static ObjectNode details(QuorumDetails d) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("peersQuorum", d.peersQuorum());
    out.put("peersNoQuorum", d.peersNoQuorum());
    out.put("peersOverHeight", d.peersOverHeight());
    ObjectNode headers = out.putObject("peersOverHeightBlockHeaders");
    for (Map.Entry<String, Block> entry : d.peersOverHeightBlockHeaders().entrySet()) {
      headers.set(entry.getKey(), header(entry.getValue()));
    }
    out.put("peersForked", d.peersForked());
    out.put("peersDifferentSlot", d.peersDifferentSlot());
    out.put("peersForgingNotAllowed", d.peersForgingNotAllowed());
    return out;
  }

  /** A peer's tip header as {@code p2p.peer.getStatus} carries it: no transactions. */
  private static ObjectNode header(Block header) {
    ObjectNode json = BlockJson.toJson(header);
    json.remove("transactions");
    return json;
  }
}
