package com.osmosecollective.node.acceptance.dsl;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code osmose devnet} leaves for other nodes to join its network: the network file (genesis
 * included), the 51 delegates' secrets and the funded wallets' passphrases of its banner.
 */
public record DevnetFiles(
    Path networkFile, Network network, List<String> delegateSecrets, List<String> funded) {
  private static final Pattern FUNDED = Pattern.compile("(?m)^\\s+\\S+\\s+\\d+ \\S+\\s+\"(.+)\"$");

  public DevnetFiles {
    delegateSecrets = List.copyOf(delegateSecrets);
    funded = List.copyOf(funded);
  }

  /** Reads the files of a devnet data dir and the passphrases of its banner ({@code log}). */
  static DevnetFiles read(Path dataDir, String log) {
    try {
      Path file = dataDir.resolve("network.json");
      List<String> secrets =
          Files.readAllLines(dataDir.resolve("delegates.secrets")).stream()
              .filter(line -> !line.isBlank())
              .toList();
      List<String> funded = new ArrayList<>();
      Matcher m = FUNDED.matcher(log);
      while (m.find()) {
        funded.add(m.group(1));
      }
      return new DevnetFiles(file, new NetworkLoader().loadFile(file), secrets, funded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NetworkConfigException e) {
      throw new IllegalStateException("the devnet's network file does not load", e);
    }
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
