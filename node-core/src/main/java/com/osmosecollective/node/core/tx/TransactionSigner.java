package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.crypto.Ecdsa;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.Schnorr;
import com.osmosecollective.node.core.encoding.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Signs transactions (tests, devnet, forger, genesis building). Version 1 is always ECDSA; version
 * 2 defaults to Schnorr like ARK's builder, ECDSA on request. Signatures are deterministic.
 */
public final class TransactionSigner {
  /** The signature scheme of a sender or second signature. */
  public enum Scheme {
    SCHNORR,
    ECDSA
  }

  private TransactionSigner() {}

  /** The sender's signature: ECDSA for v1, Schnorr for v2. */
  public static Transaction sign(Transaction tx, PrivateKey key) {
    return sign(tx, key, tx.version() == 1 ? Scheme.ECDSA : Scheme.SCHNORR);
  }

  public static Transaction sign(Transaction tx, PrivateKey key, Scheme scheme) {
    requireSender(tx, key);
    Transaction unsigned = tx.toBuilder().signature(null).secondSignature(null).build();
    byte[] digest = TransactionHashes.signatureHash(unsigned);
    return unsigned.toBuilder().signature(Bytes.of(signWith(tx, scheme, digest, key))).build();
  }

  /** Adds the second signature (over the bytes including the first signature). */
  public static Transaction secondSign(Transaction tx, PrivateKey secondKey) {
    return secondSign(tx, secondKey, tx.version() == 1 ? Scheme.ECDSA : Scheme.SCHNORR);
  }

  public static Transaction secondSign(Transaction tx, PrivateKey secondKey, Scheme scheme) {
    if (tx.signature() == null) {
      throw new IllegalStateException("sign before second-signing");
    }
    byte[] digest = TransactionHashes.secondSignatureHash(tx);
    return tx.toBuilder()
        .secondSignature(Bytes.of(signWith(tx, scheme, digest, secondKey)))
        .build();
  }

  /**
   * Appends a participant's signature (index byte + Schnorr) for a v2 multi-signature. Sign all
   * participants before the sender's {@link #sign} (a registration's sender signs over them).
   */
  public static Transaction multiSign(Transaction tx, PrivateKey participant, int index) {
    if (tx.version() != 2) {
      throw new IllegalArgumentException("participant signatures are version 2 only");
    }
    if (index < 0 || index > 255) {
      throw new IllegalArgumentException("participant index must fit one byte");
    }
    byte[] digest = TransactionHashes.multiSignatureHash(tx);
    byte[] entry = new byte[65];
    entry[0] = (byte) index;
    System.arraycopy(Schnorr.sign(digest, participant), 0, entry, 1, 64);
    List<Bytes> list = new ArrayList<>(tx.signatures());
    list.add(Bytes.of(entry));
    return tx.toBuilder().signatures(list).build();
  }

  private static byte[] signWith(Transaction tx, Scheme scheme, byte[] digest, PrivateKey key) {
    if (tx.version() == 1 && scheme != Scheme.ECDSA) {
      throw new IllegalArgumentException("version 1 transactions are ECDSA only");
    }
    return scheme == Scheme.SCHNORR ? Schnorr.sign(digest, key) : Ecdsa.sign(digest, key);
  }

  private static void requireSender(Transaction tx, PrivateKey key) {
    if (!Arrays.equals(tx.senderPublicKey().toArray(), key.publicKey())) {
      throw new IllegalArgumentException("senderPublicKey does not belong to the signing key");
    }
  }
}
