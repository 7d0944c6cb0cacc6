package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.SlotInfo;
import com.osmosecollective.node.consensus.Slots;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.p2p.codec.WireBlocks;
import com.osmosecollective.node.p2p.message.GetStatusResponse;
import com.osmosecollective.node.p2p.message.NetworkInfo;
import com.osmosecollective.node.p2p.message.PeerConfig;
import com.osmosecollective.node.p2p.message.PeerState;
import com.osmosecollective.node.p2p.message.PluginInfo;
import com.osmosecollective.node.p2p.message.TokenInfo;
import java.util.Map;

/** What this node says about itself in {@code p2p.peer.getStatus} (spec §7.2, §7.3). */
public final class LocalStatus {
  private final Chain chain;
  private final NetworkTime time;
  private final Slots slots;
  private volatile PeerConfig config;

  /**
   * @param appVersion the semver ARK peers check (e.g. "3.9.1")
   * @param plugins the public ports to announce by plugin name (this node's name among them)
   */
  public LocalStatus(
      Chain chain,
      Network network,
      NetworkTime time,
      String appVersion,
      Map<String, PluginInfo> plugins) {
    this.chain = chain;
    this.time = time;
    this.slots = new Slots(network.milestones());
    this.config =
        new PeerConfig(
            appVersion,
            new NetworkInfo(
                network.name(),
                network.nethash(),
                network.explorer() == null ? "" : network.explorer(),
                new TokenInfo(network.token(), network.symbol()),
                network.pubKeyHash()),
            plugins);
  }

  public PeerConfig config() {
    return config;
  }

  /**
   * Announces other plugins from now on: the API binds after P2P starts, and with port 0 its port
   * is known only then.
   */
  public void plugins(Map<String, PluginInfo> plugins) {
    PeerConfig old = config;
    config = new PeerConfig(old.version(), old.network(), plugins);
  }

  public GetStatusResponse status() {
    PeerConfig current = config;
    Block tip = chain.snapshot().lastBlock();
    SlotInfo slot = slots.info(time.now(), tip.height(), chain.timestampLookup());
    return new GetStatusResponse(
        new PeerState(
            tip.height(), slot.forgingAllowed(), slot.slotNumber(), WireBlocks.statusHeader(tip)),
        current);
  }
}
