package com.osmosecollective.node.core.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for the tests that read the ARK-generated vectors. */
final class TxVectors {
  private TxVectors() {}

  static Network network() {
    try {
      return new NetworkLoader().loadFile(TestData.vectors().resolve("osm-network.json"));
    } catch (NetworkConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  static TxContext context(long height) {
    return TxContext.of(network(), height);
  }

  static Bytes hex(String hex) {
    try {
      return Bytes.fromHex(hex);
    } catch (DecodeException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Asset.MultiSignature multiSignature(JsonNode asset) {
    List<Bytes> keys = new ArrayList<>();
    asset.get("publicKeys").forEach(k -> keys.add(hex(k.asText())));
    return new Asset.MultiSignature(asset.get("min").asInt(), keys);
  }
}
