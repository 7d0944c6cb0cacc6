package com.osmosecollective.node.p2p.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@code p2p.internal.*} routes (forger and relay on the same host) carry UTF-8 JSON instead of
 * protobuf ({@code codecs/internal.ts}). The frame limit already bounds the text; Jackson's default
 * stream constraints bound nesting and number sizes.
 */
public final class InternalJsonCodec {
  public static final String EMIT_EVENT = "p2p.internal.emitEvent";
  public static final String GET_UNCONFIRMED_TRANSACTIONS =
      "p2p.internal.getUnconfirmedTransactions";
  public static final String GET_CURRENT_ROUND = "p2p.internal.getCurrentRound";
  public static final String GET_NETWORK_STATE = "p2p.internal.getNetworkState";
  public static final String SYNC_BLOCKCHAIN = "p2p.internal.syncBlockchain";

  private final ObjectMapper mapper;
  private final ObjectReader reader;

  public InternalJsonCodec(ObjectMapper mapper) {
    this.mapper = mapper;
    // JSON.parse refuses text after the value; so do we.
    this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  public byte[] encode(JsonNode value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }

  public JsonNode decode(byte[] payload) throws DecodeException {
    try {
      JsonNode value = reader.readTree(payload);
      if (value == null || value.isMissingNode()) {
        throw new DecodeException("internal payload is empty");
      }
      return value;
    } catch (JacksonException e) {
      throw new DecodeException("internal payload is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DecodeException("internal payload is unreadable: " + e.getMessage());
    }
  }
}
