package com.osmosecollective.node.app;

import picocli.CommandLine.Option;

/** {@code --new-chain}: deliberately no environment variable, it is a one-time decision. */
final class NewChainOption {
  @Option(
      names = "--new-chain",
      description =
          "Start a new chain from the genesis block although the data dir holds this node's other"
              + " state (forger/last-forged-slot, pool.dat, network.json) but no chain database;"
              + " without it such a data dir is refused, since its chain was lost.")
  boolean newChain;
}
