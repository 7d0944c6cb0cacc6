package com.osmosecollective.node.p2p.forger;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.consensus.forger.RelayRound;
import com.osmosecollective.node.consensus.netstate.NetworkState;
import com.osmosecollective.node.consensus.netstate.NetworkStateStatus;
import com.osmosecollective.node.consensus.netstate.QuorumDetails;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TxContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a relay's answers on the internal routes strictly: a field missing or of the wrong kind
 * fails the answer, so the forger never signs on a half-read round or state.
 */
final class RelayAnswers {
  /** ARK's maximum of delegates per round is far below this; a longer list is not a round. */
  private static final int MAX_DELEGATES = 1000;

  private RelayAnswers() {}

  static RelayRound round(JsonNode answer) throws DecodeException {
    JsonNode delegates = answer.path("delegates");
    if (!delegates.isArray() || delegates.size() > MAX_DELEGATES) {
      throw new DecodeException("getCurrentRound: no delegates list");
    }
    List<String> order = new ArrayList<>(delegates.size());
    for (JsonNode delegate : delegates) {
      order.add(publicKey(delegate, "delegates[]"));
    }
    JsonNode current = answer.path("currentForger");
    String currentForger = current.isMissingNode() ? null : publicKey(current, "currentForger");
    JsonNode last = answer.path("lastBlock");
    return new RelayRound(
        number(answer, "current"),
        order,
        currentForger,
        number(last, "height"),
        text(last, "id"),
        number(last, "timestamp"),
        number(answer, "timestamp"),
        bool(answer, "canForge"));
  }

  /**
   * The network state; ARK's test status (quorum 1 whatever the peers say) is never produced by a
   * relay and is read as unknown, which refuses forging. The over-height peers' headers are left
   * out (the relay logs them): their count already counts against the quorum.
   */
  static NetworkState networkState(JsonNode answer) throws DecodeException {
    int code = (int) number(answer, "status");
    NetworkStateStatus status =
        switch (code) {
          case 0 -> NetworkStateStatus.DEFAULT;
          case 1 -> NetworkStateStatus.BELOW_MINIMUM_PEERS;
          case 3 -> NetworkStateStatus.COLD_START;
          default -> NetworkStateStatus.UNKNOWN;
        };
    if (status == NetworkStateStatus.UNKNOWN || !answer.has("lastBlockId")) {
      return NetworkState.unknown();
    }
    JsonNode d = answer.path("quorumDetails");
    QuorumDetails details =
        new QuorumDetails(
            count(d, "peersQuorum"),
            count(d, "peersNoQuorum"),
            count(d, "peersOverHeight"),
            Map.of(),
            count(d, "peersForked"),
            count(d, "peersDifferentSlot"),
            count(d, "peersForgingNotAllowed"));
    return new NetworkState(
        status, number(answer, "nodeHeight"), text(answer, "lastBlockId"), details);
  }

  static List<Transaction> transactions(JsonNode answer, TxContext ctx) throws DecodeException {
    JsonNode list = answer.path("transactions");
    if (!list.isArray()) {
      throw new DecodeException("getUnconfirmedTransactions: no transactions list");
    }
    List<Transaction> out = new ArrayList<>(list.size());
    for (JsonNode hex : list) {
      if (!hex.isTextual()) {
        throw new DecodeException("getUnconfirmedTransactions: a transaction that is not hex");
      }
      out.add(TransactionDecoder.decodeHex(hex.asText(), ctx));
    }
    return out;
  }

  private static String publicKey(JsonNode delegate, String where) throws DecodeException {
    String key = text(delegate, "publicKey");
    if (!key.matches("0[23][0-9a-f]{64}")) {
      throw new DecodeException(where + ".publicKey is not a compressed public key");
    }
    return key;
  }

  private static long number(JsonNode node, String field) throws DecodeException {
    JsonNode value = node.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new DecodeException(field + " is not a whole number");
    }
    return value.asLong();
  }

  private static int count(JsonNode node, String field) throws DecodeException {
    long value = number(node, field);
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new DecodeException(field + " is not a count");
    }
    return (int) value;
  }

  private static String text(JsonNode node, String field) throws DecodeException {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new DecodeException(field + " is not a text");
    }
    return value.asText();
  }

  private static boolean bool(JsonNode node, String field) throws DecodeException {
    JsonNode value = node.path(field);
    if (!value.isBoolean()) {
      throw new DecodeException(field + " is not true or false");
    }
    return value.booleanValue();
  }
}
