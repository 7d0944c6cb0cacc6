package com.osmosecollective.node.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.nio.file.Path;

/** Networks and keys the node tests share. */
final class NodeScenario {
  private NodeScenario() {}

  /**
   * The network of a devnet file without its local-devnet flag: the same rules, but a network on
   * which a forger needs its peers' quorum (as on any real network).
   */
  static Network withoutLocalFlag(Path networkFile) throws Exception {
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(networkFile.toFile());
    ((ObjectNode) root.get("network")).remove(Network.LOCAL_DEVNET);
    return new NetworkLoader().fromJson(root, null);
  }

  /** All 51 genesis delegates' keys of a devnet. */
  static DelegateKeys delegateKeys(DevnetNetworkFile.Devnet devnet) {
    return DelegateKeys.fromPassphrases(
        devnet.plan().delegates().stream().map(GenesisAccount::passphrase).toList());
  }
}
