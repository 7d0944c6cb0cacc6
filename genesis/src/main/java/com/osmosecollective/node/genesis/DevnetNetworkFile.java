package com.osmosecollective.node.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The network file of a local devnet, kept in its data directory: made once from the shipped {@code
 * devnet} definition plus a freshly built genesis block (nethash = its payloadHash) and {@code
 * "network": {"localDevnet": true}} (its forger needs no quorum of peers), then reused as is, so
 * restarting continues the same chain.
 */
public final class DevnetNetworkFile {
  public static final String FILE_NAME = "network.json";
  public static final int DELEGATES = 51;
  public static final int FUNDED_WALLETS = 5;

  private final ObjectMapper mapper = new ObjectMapper();

  /** The result: the loaded network, the accounts, and whether the file was just made. */
  public record Devnet(Network network, GenesisPlan plan, Path file, boolean created) {}

  /**
   * Loads {@code dataDir/network.json}, or makes it when absent.
   *
   * @param blocktime seconds per block written into a new file, or null for the shipped value;
   *     ignored (the file decides) when the file exists
   */
  public Devnet createOrLoad(Path dataDir, Integer blocktime)
      throws IOException, NetworkConfigException, DecodeException {
    Path file = dataDir.resolve(FILE_NAME);
    NetworkLoader loader = new NetworkLoader();
    if (Files.isRegularFile(file)) {
      Network network = loader.loadFile(file);
      if (!network.localDevnet()) {
        // made before the flag existed: this file is a local devnet's by construction
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        ((ObjectNode) root.get("network")).put(Network.LOCAL_DEVNET, true);
        write(dataDir, file, root);
        network = loader.loadFile(file);
      }
      return new Devnet(network, plan(network), file, false);
    }
    ObjectNode root = shippedTemplate();
    ((ObjectNode) root.get("network")).put(Network.LOCAL_DEVNET, true);
    if (blocktime != null) {
      if (blocktime < 1) {
        throw new IllegalArgumentException("blocktime must be at least 1 second");
      }
      ((ObjectNode) root.withArray("milestones").get(0)).put("blocktime", blocktime);
    }
    GenesisPlan plan = withGenesis(root);
    Files.createDirectories(dataDir);
    write(dataDir, file, root);
    return new Devnet(loader.loadFile(file), plan, file, true);
  }

  private void write(Path dataDir, Path file, ObjectNode root) throws IOException {
    Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
    mapper.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Builds the devnet genesis block for a network definition in ARK 3 shape and writes it in:
   * {@code genesisBlock} and {@code network.nethash}. Tests use it on modified milestones.
   */
  public static GenesisPlan withGenesis(ObjectNode root)
      throws NetworkConfigException, DecodeException {
    GenesisPlan plan = plan(new NetworkLoader().fromJson(root, null));
    GenesisBuilder.writeInto(root, plan);
    return plan;
  }

  private static GenesisPlan plan(Network network) {
    return GenesisPlan.devnet(network.premine(), DELEGATES, FUNDED_WALLETS);
  }

  /** A fresh copy of the shipped devnet definition (no genesis block). */
  public ObjectNode shippedTemplate() throws IOException {
    try (InputStream in =
        NetworkLoader.class.getResourceAsStream("/networks/devnet/network.json")) {
      if (in == null) {
        throw new IOException("the shipped devnet network is missing from the classpath");
      }
      JsonNode root = mapper.readTree(in);
      if (!(root instanceof ObjectNode object)) {
        throw new UncheckedIOException(new IOException("shipped devnet is not a JSON object"));
      }
      return object;
    }
  }
}
