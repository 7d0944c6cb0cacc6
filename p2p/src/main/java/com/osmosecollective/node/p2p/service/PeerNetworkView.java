package com.osmosecollective.node.p2p.service;

import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.consensus.network.PeerSummary;
import com.osmosecollective.node.p2p.message.PluginInfo;
import com.osmosecollective.node.p2p.peer.NetworkMonitor;
import com.osmosecollective.node.p2p.peer.Peer;
import com.osmosecollective.node.p2p.peer.PeerTable;
import com.osmosecollective.node.p2p.sync.BlockSync;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The consensus-owned {@link NetworkView} over the verified peers and the sync. */
final class PeerNetworkView implements NetworkView {
  private final PeerTable table;
  private final NetworkMonitor monitor;
  private final BlockSync sync;

  PeerNetworkView(PeerTable table, NetworkMonitor monitor, BlockSync sync) {
    this.table = table;
    this.monitor = monitor;
    this.sync = sync;
  }

  @Override
  public List<PeerSummary> peers() {
    List<PeerSummary> out = new ArrayList<>();
    for (Peer peer : table.all()) {
      if (peer.state() == null) {
        continue;
      }
      Map<String, PeerSummary.PeerPlugin> plugins = new LinkedHashMap<>();
      Map<String, Integer> ports = peer.ports();
      for (Map.Entry<String, PluginInfo> plugin : peer.plugins().entrySet()) {
        PluginInfo info = plugin.getValue();
        plugins.put(
            plugin.getKey(),
            new PeerSummary.PeerPlugin(
                (int) info.port(), info.enabled(), info.estimateTotalCount()));
      }
      out.add(
          new PeerSummary(
              peer.key().ipText(),
              peer.key().port(),
              peer.version(),
              peer.height(),
              peer.latencyMillis(),
              ports,
              plugins));
    }
    return out;
  }

  @Override
  public OptionalLong networkHeight() {
    return monitor.networkHeight();
  }

  @Override
  public boolean syncing() {
    return sync.syncing();
  }
}
