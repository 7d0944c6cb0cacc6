package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Names the network of a nethash: a data dir's own network file, else a shipped network. */
final class KnownNetworks {
  private KnownNetworks() {}

  /**
   * E.g. {@code "testnet"}, or {@code "devnet (network file D/network.json)"}; empty if unknown.
   */
  static Optional<String> name(String nethash, Path dataDir) {
    if (nethash == null || nethash.isEmpty()) {
      return Optional.empty();
    }
    NetworkLoader loader = new NetworkLoader();
    Path file = dataDir.resolve("network.json");
    if (Files.isRegularFile(file)) {
      try {
        Network own = loader.loadFile(file);
        if (nethash.equals(own.nethash())) {
          return Optional.of(own.name() + " (network file " + file + ")");
        }
      } catch (NetworkConfigException | RuntimeException e) {
        // an unreadable file names nothing; the shipped networks may
      }
    }
    return shipped(nethash);
  }

  /** The shipped network of a nethash (networks awaiting their genesis have none). */
  static Optional<String> shipped(String nethash) {
    if (nethash == null || nethash.isEmpty()) {
      return Optional.empty();
    }
    NetworkLoader loader = new NetworkLoader();
    for (String shipped : NetworkLoader.SHIPPED) {
      try {
        if (nethash.equals(loader.loadShipped(shipped).nethash())) {
          return Optional.of(shipped);
        }
      } catch (NetworkConfigException e) {
        // a shipped network always loads; nothing to name if it did not
      }
    }
    return Optional.empty();
  }

  /**
   * What to tell an operator who started {@code asked} on a data dir of another network.
   *
   * @param storedNethash the network the data dir's chain is stamped with
   */
  static String mismatch(Path dataDir, String storedNethash, Network asked) {
    String holder =
        name(storedNethash, dataDir)
            .map(n -> "network " + n + ", nethash " + storedNethash)
            .orElse("another network, nethash " + storedNethash);
    String askedName = shipped(asked.nethash()).orElse(asked.name());
    return "data dir "
        + dataDir
        + " holds the chain of "
        + holder
        + "; this node was asked to run "
        + askedName
        + " (nethash "
        + asked.nethash()
        + "). Start it with the data dir's network, or give "
        + askedName
        + " a data dir of its own (by default ~/.osmose/"
        + asked.name()
        + ")";
  }
}
