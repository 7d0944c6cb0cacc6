package com.osmosecollective.node.consensus.pool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one submitted batch, in the shape of ARK's {@code POST /api/transactions} answer:
 * entry ids accepted into the pool, to broadcast, refused for the sender limit ({@code excess},
 * which ARK also lists as invalid) and invalid, plus one error per refused entry. {@code
 * broadcastTransactions} are the transactions to relay to peers.
 */
public record AdmissionResult(
    List<String> accept,
    List<String> broadcast,
    List<String> excess,
    List<String> invalid,
    Map<String, PoolRejection> errors,
    List<Transaction> acceptedTransactions,
    List<Transaction> broadcastTransactions) {

  public AdmissionResult {
    accept = List.copyOf(accept);
    broadcast = List.copyOf(broadcast);
    excess = List.copyOf(excess);
    invalid = List.copyOf(invalid);
    errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    acceptedTransactions = List.copyOf(acceptedTransactions);
    broadcastTransactions = List.copyOf(broadcastTransactions);
  }

  /**
   * ARK's JSON body: {@code {"data":{"accept":[],"broadcast":[],"excess":[],"invalid":[]},
   * "errors":{"<id>":{"type":"ERR_…","message":"…"}}}}, {@code errors} omitted when empty.
   */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode data = root.putObject("data");
    array(data.putArray("accept"), accept);
    array(data.putArray("broadcast"), broadcast);
    array(data.putArray("excess"), excess);
    array(data.putArray("invalid"), invalid);
    if (!errors.isEmpty()) {
      ObjectNode errs = root.putObject("errors");
      errors.forEach(
          (id, r) -> errs.putObject(id).put("type", r.type()).put("message", r.message()));
    }
    return root;
  }

  private static void array(ArrayNode node, List<String> values) {
    values.forEach(node::add);
  }

  /** Collects results entry by entry, in submission order. */
  static final class Builder {
    private final List<String> accept = new ArrayList<>();
    private final List<String> broadcast = new ArrayList<>();
    private final List<String> excess = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();
    private final Map<String, PoolRejection> errors = new LinkedHashMap<>();
    private final List<Transaction> accepted = new ArrayList<>();
    private final List<Transaction> relayed = new ArrayList<>();

    void accepted(String entryId, Transaction tx, boolean broadcastIt) {
      accept.add(entryId);
      accepted.add(tx);
      if (broadcastIt) {
        broadcast.add(entryId);
        relayed.add(tx);
      }
    }

    void rejected(String entryId, PoolRejection rejection) {
      invalid.add(entryId);
      if (rejection.code() == RejectionCode.ERR_EXCEEDS_MAX_COUNT) {
        excess.add(entryId);
      }
      errors.put(entryId, rejection);
    }

    AdmissionResult build() {
      return new AdmissionResult(accept, broadcast, excess, invalid, errors, accepted, relayed);
    }
  }
}
