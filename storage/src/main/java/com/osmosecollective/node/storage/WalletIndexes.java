package com.osmosecollective.node.storage;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.codec.Keys;
import java.util.HashMap;
import java.util.Map;

/**
 * The index entries a wallet's state implies: public key → address, username → address, the
 * delegate ranking entry, and the voter entry. Each entry belongs to exactly one wallet, so the
 * entries to write for a wallet change are the difference between its old and new sets, and their
 * prior values are known without reading.
 */
final class WalletIndexes {
  private static final byte[] EMPTY = new byte[0];

  private WalletIndexes() {}

  static Map<ColumnKey, byte[]> of(Wallet w) {
    Map<ColumnKey, byte[]> out = new HashMap<>(8);
    if (w == null) {
      return out;
    }
    byte[] address = Keys.address(w.address());
    if (w.publicKey() != null) {
      out.put(new ColumnKey(ColumnFamily.WALLET_KEYS, Keys.publicKey(w.publicKey())), address);
    }
    if (w.delegate() != null) {
      out.put(
          new ColumnKey(ColumnFamily.USERNAMES, Keys.username(w.delegate().username())), address);
      if (w.publicKey() != null) {
        out.put(
            new ColumnKey(
                ColumnFamily.DELEGATE_RANKING,
                Keys.ranking(w.delegate().resigned(), w.delegate().voteBalance(), w.publicKey())),
            address);
      }
    }
    if (w.vote() != null) {
      out.put(new ColumnKey(ColumnFamily.VOTERS, Keys.voter(w.vote(), w.address())), EMPTY);
    }
    return out;
  }

  private static boolean sameIndexedFields(Wallet a, Wallet b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    if (!java.util.Objects.equals(a.publicKey(), b.publicKey())
        || !java.util.Objects.equals(a.vote(), b.vote())) {
      return false;
    }
    if (a.delegate() == null || b.delegate() == null) {
      return a.delegate() == null && b.delegate() == null;
    }
    return a.delegate().username().equals(b.delegate().username())
        && a.delegate().resigned() == b.delegate().resigned()
        && a.delegate().voteBalance() == b.delegate().voteBalance();
  }

  /** Adds to the batch the index writes that turn {@code before}'s entries into {@code after}'s. */
  static void update(PendingBatch batch, Wallet before, Wallet after)
      throws org.rocksdb.RocksDBException {
    if (sameIndexedFields(before, after)) {
      return; // the common case: a balance or nonce change
    }
    Map<ColumnKey, byte[]> old = of(before);
    Map<ColumnKey, byte[]> now = of(after);
    for (Map.Entry<ColumnKey, byte[]> e : old.entrySet()) {
      if (!now.containsKey(e.getKey())) {
        batch.deleteKnown(e.getKey().column(), e.getKey().key(), e.getValue());
      }
    }
    for (Map.Entry<ColumnKey, byte[]> e : now.entrySet()) {
      byte[] prior = old.get(e.getKey());
      if (prior == null || !java.util.Arrays.equals(prior, e.getValue())) {
        batch.putKnown(e.getKey().column(), e.getKey().key(), e.getValue(), prior);
      }
    }
  }
}
