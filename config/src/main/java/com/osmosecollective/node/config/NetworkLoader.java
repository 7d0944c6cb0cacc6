package com.osmosecollective.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads network definitions. Two shapes are understood: ARK 3's crypto.json ({@code network},
 * {@code milestones}, {@code genesisBlock}, {@code exceptions}) and ARK 2.0's network.json (network
 * fields at top level, a {@code constants} list, genesis block in a sibling genesisBlock.json).
 * Shipped networks are resources under {@code /networks/<name>.json}.
 */
public final class NetworkLoader {
  public static final List<String> SHIPPED = List.of("mainnet", "testnet", "devnet", "osmose-2018");

  /** Largest network file accepted (a genesis block with many transactions still fits). */
  private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final ObjectMapper mapper = new ObjectMapper();

  /** A shipped network by name, or a file path. */
  public Network load(String nameOrPath) throws NetworkConfigException {
    if (SHIPPED.contains(nameOrPath)) {
      return loadShipped(nameOrPath);
    }
    Path path = Path.of(nameOrPath);
    if (!Files.isRegularFile(path)) {
      throw new NetworkConfigException(
          "unknown network '"
              + nameOrPath
              + "' (shipped: "
              + String.join(", ", SHIPPED)
              + ", or a file path)");
    }
    return loadFile(path);
  }

  /**
   * A shipped network: {@code /networks/<name>/network.json} in either shape, with an optional
   * {@code genesisBlock.json} beside it.
   */
  public Network loadShipped(String name) throws NetworkConfigException {
    String base = "/networks/" + name + "/";
    try (InputStream in = NetworkLoader.class.getResourceAsStream(base + "network.json")) {
      if (in == null) {
        throw new NetworkConfigException("no shipped network named '" + name + "'");
      }
      ObjectNode root = (ObjectNode) mapper.readTree(in);
      try (InputStream genesis =
          NetworkLoader.class.getResourceAsStream(base + "genesisBlock.json")) {
        if (genesis != null && !root.has("genesisBlock")) {
          root.set("genesisBlock", mapper.readTree(genesis));
        }
      }
      return fromJson(root, null);
    } catch (IOException | ClassCastException e) {
      throw new NetworkConfigException(
          "cannot read shipped network " + name + ": " + e.getMessage());
    }
  }

  public Network loadFile(Path path) throws NetworkConfigException {
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new NetworkConfigException("network file " + path + " is larger than 64 MiB");
      }
      return fromJson(mapper.readTree(path.toFile()), path.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new NetworkConfigException("cannot read network file " + path + ": " + e.getMessage());
    }
  }

  /** Builds a network from parsed JSON; {@code directory} resolves a sibling genesisBlock.json. */
  public Network fromJson(JsonNode root, Path directory) throws NetworkConfigException {
    if (root == null || !root.isObject()) {
      throw new NetworkConfigException("network definition must be a JSON object");
    }
    JsonNode network;
    JsonNode milestones;
    JsonNode genesis;
    if (root.has("network")) {
      network = root.get("network");
      milestones = root.get("milestones");
      genesis = root.get("genesisBlock");
    } else {
      network = root;
      milestones = root.has("milestones") ? root.get("milestones") : root.get("constants");
      genesis = root.get("genesisBlock");
    }
    if (genesis == null && directory != null) {
      Path sibling = directory.resolve(root.path("genesisBlockFile").asText("genesisBlock.json"));
      if (Files.isRegularFile(sibling)) {
        try {
          genesis = mapper.readTree(sibling.toFile());
        } catch (IOException e) {
          throw new NetworkConfigException("cannot read " + sibling + ": " + e.getMessage());
        }
      }
    }
    if (network == null || !network.isObject()) {
      throw new NetworkConfigException("missing 'network' object");
    }
    if (milestones == null || !milestones.isArray() || milestones.isEmpty()) {
      throw new NetworkConfigException("missing 'milestones' (or 2.0 'constants') list");
    }
    JsonNode exceptions =
        root.has("exceptions") ? root.get("exceptions") : network.get("exceptions");
    JsonNode client = network.path("client");
    boolean hasGenesis = genesis != null && genesis.isObject();
    String nethash =
        hasGenesis ? requiredText(network, "nethash") : network.path("nethash").asText("");
    if (hasGenesis && !nethash.matches("[0-9a-f]{64}")) {
      throw new NetworkConfigException(
          "network field 'nethash' must be 64 lowercase hex characters");
    }
    return new Network(
        requiredText(network, "name"),
        requiredByte(network, "pubKeyHash"),
        requiredByte(network, "wif"),
        nethash,
        network.path("messagePrefix").asText(""),
        client.path("token").asText(""),
        client.path("symbol").asText(""),
        client.path("explorer").asText(""),
        new Milestones(merge(milestones)),
        hasGenesis ? genesis : null,
        NetworkExceptions.parse(exceptions),
        premine(network, hasGenesis ? genesis : null),
        definition(network, exceptions));
  }

  /** The file's network and exceptions objects; a 2.0 file's network object minus its lists. */
  private static JsonNode definition(JsonNode network, JsonNode exceptions) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode copy = ((ObjectNode) network).deepCopy();
    copy.remove(List.of("milestones", "constants", "genesisBlock", "exceptions"));
    out.set("network", copy);
    out.set(
        "exceptions",
        exceptions != null && exceptions.isObject()
            ? exceptions.deepCopy()
            : JsonNodeFactory.instance.objectNode());
    return out;
  }

  /**
   * The planned premine ({@code network.premine}, arktoshi) or the genesis block's total amount.
   */
  private static long premine(JsonNode network, JsonNode genesis) throws NetworkConfigException {
    JsonNode value = network.get("premine");
    if (value == null && genesis != null) {
      value = genesis.get("totalAmount");
    }
    if (value == null) {
      return 0;
    }
    try {
      return nonNegative(value.asText());
    } catch (NumberFormatException e) {
      throw new NetworkConfigException(
          "premine / genesis totalAmount must be a non-negative integer");
    }
  }

  /**
   * A non-negative decimal of ASCII digits only: no sign, no whitespace, no other script's digits
   * (which {@code Long.parseLong} would take).
   */
  static long nonNegative(String text) {
    if (text == null || !text.matches("[0-9]{1,19}")) {
      throw new NumberFormatException("not ASCII decimal digits: " + text);
    }
    return Long.parseLong(text);
  }

  /** Sorts by height and deep-merges each entry onto the previous one (arrays replaced). */
  List<Milestone> merge(JsonNode list) throws NetworkConfigException {
    List<JsonNode> entries = new ArrayList<>();
    for (JsonNode entry : list) {
      if (!entry.isObject()) {
        throw new NetworkConfigException("every milestone must be an object");
      }
      entries.add(entry);
    }
    entries.sort(Comparator.comparingLong(e -> e.path("height").asLong(1)));
    List<Milestone> merged = new ArrayList<>();
    ObjectNode current = JsonNodeFactory.instance.objectNode();
    for (JsonNode entry : entries) {
      current = current.deepCopy();
      deepMerge(current, (ObjectNode) entry);
      Milestone milestone = toMilestone(current);
      if (!merged.isEmpty() && merged.get(merged.size() - 1).height() == milestone.height()) {
        merged.set(merged.size() - 1, milestone);
      } else {
        merged.add(milestone);
      }
    }
    return merged;
  }

  private static void deepMerge(ObjectNode target, ObjectNode source) {
    for (Map.Entry<String, JsonNode> field : source.properties()) {
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode existingObject
          && field.getValue() instanceof ObjectNode value) {
        deepMerge(existingObject, value);
      } else {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }

  private static Milestone toMilestone(ObjectNode m) throws NetworkConfigException {
    JsonNode block = m.path("block");
    String epochText = m.path("epoch").asText(null);
    if (epochText == null) {
      throw new NetworkConfigException("the first milestone must define 'epoch'");
    }
    Instant epoch;
    try {
      epoch = Instant.parse(epochText);
    } catch (DateTimeParseException e) {
      throw new NetworkConfigException("milestone epoch is not an ISO-8601 instant: " + epochText);
    }
    int blocktime = m.path("blocktime").asInt(0);
    int activeDelegates = m.path("activeDelegates").asInt(0);
    if (blocktime <= 0 || activeDelegates <= 0) {
      throw new NetworkConfigException(
          "milestones need positive 'blocktime' and 'activeDelegates'");
    }
    return new Milestone(
        m.path("height").asLong(1),
        m.path("reward").asLong(0),
        activeDelegates,
        blocktime,
        epoch,
        block.path("version").asInt(0),
        block.path("maxTransactions").asInt(50),
        block.path("maxPayload").asLong(2_097_152),
        block.path("idFullSha256").asBoolean(false),
        block.path("acceptExpiredTransactionTimestamps").asBoolean(false),
        staticFees(m.path("fees")),
        m.path("vendorFieldLength").asInt(Milestone.DEFAULT_VENDOR_FIELD_LENGTH),
        m.path("multiPaymentLimit").asInt(Milestone.DEFAULT_MULTI_PAYMENT_LIMIT),
        m.path("aip11").asBoolean(false),
        m.path("htlcEnabled").asBoolean(false),
        m.path("aip37").asBoolean(false),
        m);
  }

  /** ARK 3 keeps fees under {@code fees.staticFees}; the 2018 OSMOSE file lists them directly. */
  private static Map<String, Long> staticFees(JsonNode fees) {
    Map<String, Long> out = new HashMap<>();
    JsonNode table = fees.has("staticFees") ? fees.get("staticFees") : fees;
    table
        .properties()
        .forEach(
            f -> {
              if (f.getValue().isNumber() || f.getValue().isTextual()) {
                try {
                  out.put(f.getKey(), nonNegative(f.getValue().asText()));
                } catch (NumberFormatException ignored) {
                  // not a fee entry (e.g. "dynamic": false)
                }
              }
            });
    return out;
  }

  private static String requiredText(JsonNode node, String field) throws NetworkConfigException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new NetworkConfigException("network field '" + field + "' is missing");
    }
    return value.asText();
  }

  private static int requiredByte(JsonNode node, String field) throws NetworkConfigException {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() > 255) {
      throw new NetworkConfigException("network field '" + field + "' must be a byte (0-255)");
    }
    return value.asInt();
  }
}
