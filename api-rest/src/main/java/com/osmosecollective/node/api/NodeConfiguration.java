package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import java.util.Map;

/**
 * The body of {@code /node/configuration}: the node's version, the network's identity (ARK calls
 * the address byte {@code version}), the public ports by plugin name, the milestone in force at the
 * tip ({@code constants}) and the transaction pool settings.
 */
public final class NodeConfiguration {
  private NodeConfiguration() {}

  /**
   * The {@code data} of {@code /node/configuration}.
   *
   * @param coreVersion the version peers and wallets see (ARK's {@code core.version})
   * @param ports public port per plugin name, e.g. {@code @arkecosystem/core-api} → 4003, in the
   *     order to publish them
   */
  public static ObjectNode toJson(
      Network network,
      long tipHeight,
      String coreVersion,
      Map<String, Integer> ports,
      TransactionPoolSettings pool) {
    JsonNode definition = network.definition().get("network");
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.putObject("core").put("version", coreVersion);
    o.put("nethash", network.nethash());
    if (definition.has("slip44")) {
      o.set("slip44", definition.get("slip44"));
    }
    o.put("wif", network.wif());
    o.put("token", network.token());
    o.put("symbol", network.symbol());
    o.put("explorer", network.explorer());
    o.put("version", network.pubKeyHash());
    ObjectNode portsJson = o.putObject("ports");
    ports.forEach(portsJson::put);
    o.set(
        "constants",
        CryptoConfiguration.withArkKeys(network.milestones().at(Math.max(1, tipHeight))));
    o.set("transactionPool", pool.toJson());
    return o;
  }
}
