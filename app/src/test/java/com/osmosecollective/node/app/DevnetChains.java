package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ChainSnapshot;
import com.osmosecollective.node.consensus.chain.ReplayResult;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Devnet chains forged for tests, fast: a stepped clock, one slot per block, and each round's
 * blocks applied as one replay (bulk commits, one fsync per round: forging block by block, each
 * fsynced, took most of a 10,000-block source's 8–47 s).
 */
final class DevnetChains {
  private DevnetChains() {}

  /**
   * Forges empty blocks on the chain of {@code dataDir} from {@code firstSlot} until {@code
   * height}, each signed by the delegate of its slot in the round's forging order; returns the slot
   * after the last block.
   */
  static long forge(Path dataDir, DevnetNetworkFile.Devnet devnet, long firstSlot, long height)
      throws Exception {
    Network network = devnet.network();
    int blocktime = network.milestones().at(1).blocktime();
    SteppedClock clock = new SteppedClock(network.epoch());
    DelegateKeys keys = NodeScenario.delegateKeys(devnet);
    BlockFactory factory = new BlockFactory(new BlockCodec(network));
    ExecutorService verification = NodeAssembly.verificationPool();
    try (ChainStore store = ChainStore.open(StoreOptions.inDataDir(dataDir), network.nethash());
        Chain chain =
            NodeAssembly.newChain(
                network, store, verification, new NetworkTime(network.epoch(), clock))) {
      chain.start();
      long slot = firstSlot;
      while (chain.snapshot().height() < height) {
        // one round at a time: its forging order is fixed once its first block is due
        ChainSnapshot tip = chain.snapshot();
        List<String> order = tip.nextForgingOrder();
        int active = network.milestones().at(tip.height() + 1).activeDelegates();
        long last = Math.min((tip.height() / active + 1) * active, height);
        List<Block> round = new ArrayList<>();
        String previous = tip.lastBlock().id();
        for (long h = tip.height() + 1; h <= last; h++, slot++) {
          Milestone milestone = network.milestones().at(h);
          String delegate = order.get((int) (slot % order.size()));
          Block block =
              factory.make(
                  h,
                  slot * blocktime,
                  previous,
                  milestone.reward(),
                  List.of(),
                  keys.key(delegate).orElseThrow());
          round.add(block);
          previous = block.id();
        }
        clock.set(network.epoch().plusSeconds((slot - 1) * blocktime));
        ReplayResult result = chain.replay(round);
        if (!result.complete()) {
          throw new AssertionError("not accepted: " + result.outcome().reason());
        }
      }
      return slot;
    } finally {
      verification.shutdown();
    }
  }
}
