package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.tx.Transaction;
import java.util.Objects;

/**
 * One entry of a submitted batch as the API or P2P layer decoded it. {@code entryId} names the
 * entry in the result lists the way ARK does: the transaction id for JSON bodies, the index ("0",
 * "1", ...) for serialized P2P batches.
 */
public record Submitted(String entryId, Transaction tx, String decodeError) {
  public Submitted {
    Objects.requireNonNull(entryId, "entryId");
    if ((tx == null) == (decodeError == null)) {
      throw new IllegalArgumentException("either a transaction or a decode error");
    }
  }

  public static Submitted decoded(String entryId, Transaction tx) {
    return new Submitted(entryId, Objects.requireNonNull(tx), null);
  }

  /** An entry whose transaction id is its own. */
  public static Submitted decoded(Transaction tx) {
    return decoded(tx.id(), tx);
  }

  public static Submitted undecodable(String entryId, String reason) {
    return new Submitted(entryId, null, Objects.requireNonNull(reason));
  }
}
