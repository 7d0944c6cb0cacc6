package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.crypto.Hashes;

/** The digests that signatures sign (spec §2.3) and their preimages. */
public final class TransactionHashes {
  private TransactionHashes() {}

  /** Preimage of the sender's signature: legacy bytes (v1) or AIP-11 bytes (v2). */
  public static byte[] signaturePreimage(Transaction tx) {
    return tx.version() == 1
        ? LegacyBytes.of(tx, false, false)
        : TransactionSerializer.serialize(tx, SignatureSelection.FOR_SIGNATURE);
  }

  public static byte[] signatureHash(Transaction tx) {
    return Hashes.sha256(signaturePreimage(tx));
  }

  /** Digest of the second signature: the preimage includes the first signature. */
  public static byte[] secondSignatureHash(Transaction tx) {
    return Hashes.sha256(
        tx.version() == 1
            ? LegacyBytes.of(tx, true, false)
            : TransactionSerializer.serialize(tx, SignatureSelection.FOR_SECOND_SIGNATURE));
  }

  /**
   * Digest every multi-signature participant signs: v2 without any signature field; v1 legacy
   * multi-signatures sign the same digest as the sender.
   */
  public static byte[] multiSignatureHash(Transaction tx) {
    return tx.version() == 1
        ? signatureHash(tx)
        : Hashes.sha256(TransactionSerializer.serialize(tx, SignatureSelection.FOR_PARTICIPANTS));
  }
}
