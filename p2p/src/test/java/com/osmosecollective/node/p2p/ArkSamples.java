package com.osmosecollective.node.p2p;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The P2P exchanges recorded from a real ARK Core 3.9.1 node by {@code p2p-probe.js} ({@code
 * testdata/ark-samples/p2p_*.json}); a missing file fails the test.
 */
public final class ArkSamples {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Length of the fixed nes header before path, socket and payload. */
  public static final int NES_HEADER = 14;

  private ArkSamples() {}

  public static JsonNode load(String name) {
    try {
      return MAPPER.readTree(TestData.arkSample(name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] requestFrame(String name) {
    return Hex.decodeOrThrow(load(name).path("request").path("frame_hex").asText());
  }

  /** The recorded answer frame; the probe truncated those above 4096 bytes, so they are refused. */
  public static byte[] responseFrame(String name) {
    JsonNode response = load(name).path("response");
    String hex = response.path("frame_hex").asText();
    if (hex.endsWith("(truncated)")) {
      throw new IllegalArgumentException(name + " has a truncated answer frame");
    }
    return Hex.decodeOrThrow(hex);
  }

  public static JsonNode decodedResponse(String name) {
    return load(name).path("response").path("decoded");
  }

  /** The codec payload of a recorded request: what follows the header and the route id. */
  public static byte[] requestPayload(String name) {
    byte[] frame = requestFrame(name);
    int pathLength = frame[8] & 0xff;
    int socketLength = frame[9] & 0xff;
    return Arrays.copyOfRange(frame, NES_HEADER + pathLength + socketLength, frame.length);
  }

  public static byte[] responsePayload(String name) {
    byte[] frame = responseFrame(name);
    int pathLength = frame[8] & 0xff;
    int socketLength = frame[9] & 0xff;
    return Arrays.copyOfRange(frame, NES_HEADER + pathLength + socketLength, frame.length);
  }
}
