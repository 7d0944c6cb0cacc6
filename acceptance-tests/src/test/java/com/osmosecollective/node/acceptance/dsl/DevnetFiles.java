package com.osmosecollective.node.acceptance.dsl;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code osmose devnet} leaves for other nodes to join its network: the network file (genesis
 * included), the 51 delegates' secrets and the funded wallets' passphrases (those of its banner).
 */
public record DevnetFiles(
    Path networkFile, Network network, List<String> delegateSecrets, List<String> funded) {
  public DevnetFiles {
    delegateSecrets = List.copyOf(delegateSecrets);
    funded = List.copyOf(funded);
  }

  /**
   * Writes a new devnet's network file and its delegates' secrets (owner-only, as forgers require)
   * into {@code dataDir}, as {@code osmose devnet} does on its first run.
   */
  static DevnetFiles create(Path dataDir, int blocktime) {
    try {
      DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dataDir, blocktime);
      List<String> secrets =
          devnet.plan().delegates().stream().map(GenesisAccount::passphrase).toList();
      SecretsFile.write(dataDir.resolve("delegates.secrets"), secrets);
      List<String> funded =
          devnet.plan().funded().stream().map(GenesisAccount::passphrase).toList();
      return new DevnetFiles(devnet.file(), devnet.network(), secrets, funded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NetworkConfigException | DecodeException e) {
      throw new IllegalStateException("cannot make the devnet's network file", e);
    }
  }

  /** The public keys (hex) of the delegates whose secrets are {@code secrets}. */
  public static Set<String> publicKeys(List<String> secrets) {
    Set<String> keys = new HashSet<>();
    for (String secret : secrets) {
      keys.add(Hex.encode(PrivateKey.fromPassphrase(secret).publicKey()));
    }
    return keys;
  }

  /** The delegates' secrets file beside the network file (owner-only). */
  public Path secretsFile() {
    return networkFile.resolveSibling("delegates.secrets");
  }

  /** {@code --network <file>}, as joining nodes take it. */
  public String networkArg() {
    return networkFile.toString();
  }

  /**
   * The delegates' secrets split into {@code parts} groups of consecutive lines (51 into 3 × 17).
   */
  public List<List<String>> splitSecrets(int parts) {
    List<List<String>> groups = new ArrayList<>();
    int size = delegateSecrets.size();
    for (int i = 0; i < parts; i++) {
      groups.add(delegateSecrets.subList(i * size / parts, (i + 1) * size / parts));
    }
    return groups;
  }
}
