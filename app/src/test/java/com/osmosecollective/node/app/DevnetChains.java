package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.TransactionSource;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/** Devnet chains forged for tests, fast: a stepped clock, one slot per block. */
final class DevnetChains {
  private DevnetChains() {}

  /**
   * Forges empty blocks on the chain of {@code dataDir} from {@code firstSlot} until {@code
   * height}; returns the slot after the last block.
   */
  static long forge(Path dataDir, DevnetNetworkFile.Devnet devnet, long firstSlot, long height)
      throws Exception {
    Network network = devnet.network();
    int blocktime = network.milestones().at(1).blocktime();
    SteppedClock clock = new SteppedClock(network.epoch());
    ExecutorService verification = NodeAssembly.verificationPool();
    try (ChainStore store = ChainStore.open(StoreOptions.inDataDir(dataDir), network.nethash());
        Chain chain =
            NodeAssembly.newChain(
                network, store, verification, new NetworkTime(network.epoch(), clock))) {
      chain.start();
      Forger forger =
          new Forger(
              network,
              chain,
              new NetworkTime(network.epoch(), clock),
              NodeScenario.delegateKeys(devnet),
              ForgedSlots.inMemory(),
              TransactionSource.EMPTY);
      long slot = firstSlot;
      for (; chain.snapshot().height() < height; slot++) {
        clock.set(network.epoch().plusSeconds(slot * blocktime));
        var forged = forger.forgeIfDue().orElseThrow();
        if (!forged.outcome().isAccepted()) {
          throw new AssertionError("not accepted: " + forged.outcome().reason());
        }
      }
      return slot;
    } finally {
      verification.shutdown();
    }
  }
}
