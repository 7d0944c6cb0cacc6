package com.osmosecollective.node.core.block;

import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.tx.LegacyBytes;
import com.osmosecollective.node.core.tx.Transaction;
import java.security.MessageDigest;
import java.util.List;

/** The two payload hash rules of spec §5.5. */
public final class PayloadHash {
  private PayloadHash() {}

  /** Normal blocks: sha256 of the 32-byte transaction ids in block order. */
  public static byte[] ofIds(List<Transaction> transactions) {
    MessageDigest sha = Hashes.newSha256();
    for (Transaction tx : transactions) {
      sha.update(tx.idBytes());
    }
    return sha.digest();
  }

  /**
   * Genesis blocks: sha256 of the transactions' full bytes (legacy bytes with signatures for v1,
   * AIP-11 bytes for v2); the result is the network's nethash.
   */
  public static byte[] ofGenesis(List<Transaction> transactions) {
    MessageDigest sha = Hashes.newSha256();
    for (Transaction tx : transactions) {
      sha.update(genesisBytes(tx));
    }
    return sha.digest();
  }

  /** Total length of the genesis payload, the genesis block's payloadLength. */
  public static long genesisLength(List<Transaction> transactions) {
    long total = 0;
    for (Transaction tx : transactions) {
      total += genesisBytes(tx).length;
    }
    return total;
  }

  private static byte[] genesisBytes(Transaction tx) {
    return tx.version() == 1 ? LegacyBytes.of(tx) : tx.serialized();
  }
}
