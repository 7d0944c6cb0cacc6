package com.osmosecollective.node.consensus.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TxContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns request bodies into batch entries the way ARK names them: a JSON transaction by its {@code
 * id} (its index when it has none), a serialized one from P2P by its index. A decoding failure
 * becomes an entry refused with {@code ERR_BAD_DATA}, never an exception.
 */
public final class Submissions {
  private Submissions() {}

  /** The {@code transactions} array of a {@code POST /api/transactions} body. */
  public static List<Submitted> fromJson(JsonNode transactions, int pubKeyHash) {
    List<Submitted> out = new ArrayList<>(transactions.size());
    for (int i = 0; i < transactions.size(); i++) {
      JsonNode node = transactions.get(i);
      JsonNode idNode = node.get("id");
      String entryId = idNode != null && idNode.isTextual() ? idNode.asText() : String.valueOf(i);
      try {
        Transaction tx = TransactionJson.parse(node, pubKeyHash);
        if (idNode != null && !tx.id().equals(idNode.asText())) {
          // stricter than ARK, which silently replaces it: an id that names nothing helps no one
          out.add(
              Submitted.undecodable(
                  entryId, "id " + idNode.asText() + " does not match the transaction " + tx.id()));
        } else {
          out.add(Submitted.decoded(entryId, tx));
        }
      } catch (DecodeException e) {
        out.add(Submitted.undecodable(entryId, e.getMessage()));
      }
    }
    return out;
  }

  /** The transactions of a P2P {@code p2p.transactions.postTransactions} request. */
  public static List<Submitted> fromSerialized(List<byte[]> transactions, TxContext ctx) {
    List<Submitted> out = new ArrayList<>(transactions.size());
    for (int i = 0; i < transactions.size(); i++) {
      try {
        out.add(
            Submitted.decoded(
                String.valueOf(i), TransactionDecoder.decode(transactions.get(i), ctx)));
      } catch (DecodeException e) {
        out.add(Submitted.undecodable(String.valueOf(i), e.getMessage()));
      }
    }
    return out;
  }
}
