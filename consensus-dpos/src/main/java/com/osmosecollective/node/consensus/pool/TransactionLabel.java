package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.tx.Transaction;

/**
 * How ARK names a transaction in pool messages ({@code Transaction.toString()} of ARK's crypto
 * library): {@code "<sender address>#<nonce> <last 8 of id> <Type> v<version>"}, e.g. {@code
 * "ANBkoGqWeTSiaEVgVzSKZd3jS7UWzv9PSo#3 fc118392 Transfer v2"}. Version 1 has no nonce.
 */
public final class TransactionLabel {
  private TransactionLabel() {}

  public static String of(Transaction tx) {
    StringBuilder s = new StringBuilder(80);
    s.append(Address.fromPublicKey(tx.senderPublicKey().toArray(), tx.network()));
    if (tx.version() >= 2) {
      s.append('#').append(Long.toUnsignedString(tx.nonce()));
    }
    String id = tx.id();
    s.append(' ').append(id, id.length() - 8, id.length());
    String key = tx.type().feeKey();
    s.append(' ').append(Character.toUpperCase(key.charAt(0))).append(key, 1, key.length());
    s.append(" v").append(tx.version());
    return s.toString();
  }
}
