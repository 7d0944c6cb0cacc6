package com.osmosecollective.node.app;

import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses to build a new chain silently in a data dir that already ran one: an emptied or deleted
 * {@code chain/} beside the node's other state (its forger's signed slot, its pool, a devnet's
 * network file) means the chain was lost, and rebuilding it from the genesis block would look like
 * "continuing" while the forger's memory says otherwise. {@code --new-chain} allows it.
 */
final class DataDirGuard {
  /** What a data dir holds besides the chain once a node ran in it. */
  static final List<String> NODE_STATE =
      List.of("forger/last-forged-slot", "pool.dat", "network.json");

  private DataDirGuard() {}

  /** Whether {@code dataDir} holds a chain database (its directory exists and is not empty). */
  static boolean hasChain(Path dataDir) throws IOException {
    Path chain = StoreOptions.inDataDir(dataDir).directory();
    if (!Files.isDirectory(chain)) {
      return Files.exists(chain);
    }
    try (Stream<Path> entries = Files.list(chain)) {
      return entries.findAny().isPresent();
    }
  }

  /** The node state files present in {@code dataDir}. */
  static List<String> nodeState(Path dataDir) {
    List<String> found = new ArrayList<>();
    for (String name : NODE_STATE) {
      if (Files.exists(dataDir.resolve(name))) {
        found.add(name);
      }
    }
    return found;
  }

  /**
   * @param newChain the operator asked for a new chain ({@code --new-chain})
   * @throws StoreOpenException (exit code 2) when the chain is missing but other state is there
   */
  static void requireChainOrNew(Path dataDir, boolean newChain)
      throws IOException, StoreOpenException {
    if (newChain || hasChain(dataDir)) {
      return;
    }
    List<String> state = nodeState(dataDir);
    if (!state.isEmpty()) {
      throw new StoreOpenException(
          StoreOpenException.Reason.MISSING,
          "the chain database "
              + StoreOptions.inDataDir(dataDir).directory()
              + " is missing or empty, but "
              + dataDir
              + " holds this node's other state ("
              + String.join(", ", state)
              + "): if the chain was lost, restore it from a backup (or osmose db replay from a"
              + " copy); to start a new chain from the genesis block here, add --new-chain");
    }
  }
}
