package com.osmosecollective.node.acceptance.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ARK Core's configuration folder ({@code CORE_PATH_CONFIG}) for one of our networks, written from
 * the network file {@code osmose devnet} makes ({@code D/network.json}): {@code crypto/} (network,
 * milestones, exceptions and genesis block, which ARK then prefers to its presets), {@code
 * app.json}, {@code .env}, {@code peers.json} and {@code delegates.json}. The genesis block goes
 * unchanged: {@code osmose devnet} writes its previousBlock as ARK 3.9 reads it (64 zeros where ids
 * are full SHA-256 from height 1; see genesis' {@code GenesisBuilder}).
 */
record ArkNetworkConfig(Path folder, Ports ports, String host) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String DATABASE = "ark_devnet";
  static final String DB_USER = "ark";
  static final String DB_PASSWORD = "password";

  /** The ports ARK listens on (all on loopback) and the one of its PostgreSQL. */
  record Ports(int p2p, int api, int webhooks, int manager, int postgres) {}

  /**
   * Writes the folder. ARK listens on {@code host} (a loopback address of its own, with the same
   * P2P port number as its peers: ARK dials every peer on its own port), and dials {@code peers}
   * (IPs).
   */
  static ArkNetworkConfig write(
      Path folder, Path ourNetworkFile, Ports ports, String host, List<String> peerIps) {
    ArkNetworkConfig config = new ArkNetworkConfig(folder, ports, host);
    try {
      JsonNode network = JSON.readTree(ourNetworkFile.toFile());
      Path crypto = Files.createDirectories(folder.resolve("crypto"));
      ObjectNode definition = ((ObjectNode) network.path("network")).deepCopy();
      definition.remove(List.of("localDevnet", "premine")); // ours, unknown to ARK
      write(crypto.resolve("network.json"), definition);
      write(crypto.resolve("milestones.json"), network.path("milestones"));
      write(
          crypto.resolve("exceptions.json"),
          network.has("exceptions") ? network.get("exceptions") : JSON.createObjectNode());
      // as written: its previousBlock is what ARK 3.9 reads (64 zeros with full ids from height 1)
      write(crypto.resolve("genesisBlock.json"), network.path("genesisBlock"));
      ObjectNode peers = JSON.createObjectNode();
      ArrayNode list = peers.putArray("list");
      for (String ip : peerIps) {
        list.addObject().put("ip", ip).put("port", ports.p2p());
      }
      write(folder.resolve("peers.json"), peers);
      config.delegates(List.of());
      write(folder.resolve("app.json"), config.app());
      Files.writeString(folder.resolve(".env"), config.dotEnv());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config;
  }

  /** The delegates ARK's forger forges for: their BIP39 passphrases. */
  void delegates(List<String> secrets) {
    ObjectNode delegates = JSON.createObjectNode();
    secrets.forEach(delegates.putArray("secrets")::add);
    write(folder.resolve("delegates.json"), delegates);
  }

  Path cryptoFolder() {
    return folder.resolve("crypto");
  }

  /** The process kinds ARK's CLI starts: {@code relay:run} and {@code forger:run}. */
  private ObjectNode app() {
    List<String> relay =
        List.of(
            "core-logger-pino",
            "core-state",
            "core-database",
            "core-transactions",
            "core-magistrate-transactions",
            "core-transaction-pool",
            "core-p2p",
            "core-blockchain",
            "core-api");
    List<String> forger =
        List.of(
            "core-logger-pino", "core-transactions", "core-magistrate-transactions", "core-forger");
    ObjectNode app = JSON.createObjectNode();
    app.set("relay", plugins(relay));
    app.set("forger", plugins(forger));
    ArrayNode both = JSON.createArrayNode();
    both.addAll((ArrayNode) plugins(relay).get("plugins"));
    both.add(plugin("core-forger"));
    app.putObject("core").set("plugins", both);
    return app;
  }

  private ObjectNode plugins(List<String> names) {
    ObjectNode process = JSON.createObjectNode();
    ArrayNode plugins = process.putArray("plugins");
    names.forEach(name -> plugins.add(plugin(name)));
    return process;
  }

  private ObjectNode plugin(String name) {
    ObjectNode plugin = JSON.createObjectNode().put("package", "@arkecosystem/" + name);
    if (name.equals("core-p2p")) {
      // internal routes for ARK's own forger only, which connects from ARK's address
      plugin.putObject("options").putArray("remoteAccess").add(host);
    } else if (name.equals("core-forger")) {
      plugin
          .putObject("options")
          .putArray("hosts")
          .addObject()
          .put("hostname", host)
          .put("port", ports.p2p());
    }
    return plugin;
  }

  /**
   * ARK's settings as environment variables: written to {@code .env}, and also given to the process
   * (some of ARK's plugins read their defaults from the environment before {@code .env} is loaded).
   */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CORE_LOG_LEVEL", "info");
    env.put("CORE_LOG_LEVEL_FILE", "debug");
    env.put("CORE_DB_HOST", "127.0.0.1");
    env.put("CORE_DB_PORT", Integer.toString(ports.postgres()));
    env.put("CORE_DB_DATABASE", DATABASE);
    env.put("CORE_DB_USERNAME", DB_USER);
    env.put("CORE_DB_PASSWORD", DB_PASSWORD);
    env.put("CORE_P2P_HOST", host);
    env.put("CORE_P2P_PORT", Integer.toString(ports.p2p()));
    env.put("CORE_P2P_MIN_NETWORK_REACH", "1");
    env.put("CORE_API_HOST", "127.0.0.1");
    env.put("CORE_API_PORT", Integer.toString(ports.api()));
    env.put("CORE_API_RATE_LIMIT_DISABLED", "true");
    env.put("CORE_WEBHOOKS_HOST", "127.0.0.1");
    env.put("CORE_WEBHOOKS_PORT", Integer.toString(ports.webhooks()));
    env.put("CORE_MANAGER_HOST", "127.0.0.1");
    env.put("CORE_MANAGER_PORT", Integer.toString(ports.manager()));
    return env;
  }

  private String dotEnv() {
    StringBuilder out = new StringBuilder();
    environment().forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
    return out.toString();
  }

  private static void write(Path file, JsonNode json) {
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
