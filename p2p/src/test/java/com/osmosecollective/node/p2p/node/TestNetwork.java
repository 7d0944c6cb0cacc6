package com.osmosecollective.node.p2p.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisPlan;

/**
 * One devnet for the in-process nodes of a test: the shipped devnet definition with an 8 s
 * blocktime, its genesis block built once, and one stepped clock all nodes read.
 */
public final class TestNetwork {
  public static final int BLOCKTIME = 8;

  public final Network network;
  public final GenesisPlan plan;
  public final SteppedClock clock;

  private TestNetwork(Network network, GenesisPlan plan) {
    this.network = network;
    this.plan = plan;
    this.clock = new SteppedClock(network.epoch());
  }

  public static TestNetwork create() throws Exception {
    ObjectNode root = new DevnetNetworkFile().shippedTemplate();
    ((ObjectNode) root.withArray("milestones").get(0)).put("blocktime", BLOCKTIME);
    GenesisPlan plan = DevnetNetworkFile.withGenesis(root);
    return new TestNetwork(new NetworkLoader().fromJson(root, null), plan);
  }

  /** Moves the shared clock to the first second of {@code slot}. */
  public void atSlot(long slot) {
    clock.set(network.epoch().plusSeconds(slot * BLOCKTIME));
  }
}
