package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The REST answers recorded from a real ARK Core 3.9.1 testnet node ({@code testdata/ark-samples});
 * a missing file fails the test.
 */
final class ArkSamples {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ArkSamples() {}

  static JsonNode load(String file) {
    Path path = TestData.arkSample(file);
    try {
      return MAPPER.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** ARK's testnet as the node itself served it ({@code /node/configuration/crypto}). */
  static Network testnet() {
    try {
      return new NetworkLoader().fromJson(load("node_configuration_crypto.json").get("data"), null);
    } catch (Exception e) {
      throw new IllegalStateException("the recorded testnet configuration loads", e);
    }
  }

  /**
   * {@code /node/configuration/crypto} as this node serves ARK's testnet: ARK's answer, with the
   * milestone flags the testnet file leaves out at its first heights ({@code block.idFullSha256},
   * {@code aip11}, {@code htlcEnabled}, {@code aip36}) published as false, after the file's keys.
   */
  static JsonNode cryptoConfigurationWithFlags() {
    JsonNode answer = load("node_configuration_crypto.json");
    for (JsonNode m : answer.at("/data/milestones")) {
      var o = (com.fasterxml.jackson.databind.node.ObjectNode) m;
      var block = (com.fasterxml.jackson.databind.node.ObjectNode) o.get("block");
      if (!block.has("idFullSha256")) {
        block.put("idFullSha256", false);
      }
      for (String flag : java.util.List.of("aip11", "htlcEnabled", "aip36")) {
        if (!o.has(flag)) {
          o.put(flag, false);
        }
      }
    }
    return answer;
  }

  /** The chain height the sample was captured at ({@code _index.tsv}). */
  static long capturedHeight(String file) {
    return Long.parseLong(indexRow(file)[4]);
  }

  /** The request path the sample answers, with its query ({@code _index.tsv}). */
  static String requestPath(String file) {
    return indexRow(file)[2];
  }

  private static String[] indexRow(String file) {
    Path index = TestData.arkSample("_index.tsv");
    try {
      for (String line : Files.readAllLines(index)) {
        String[] cols = line.split("\t");
        if (cols[0].equals(file)) {
          return cols;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException(file + " is not in _index.tsv");
  }
}
