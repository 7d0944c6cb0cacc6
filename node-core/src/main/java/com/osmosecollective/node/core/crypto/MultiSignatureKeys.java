package com.osmosecollective.node.core.crypto;

import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The public key of an AIP-18 multi-signature wallet (spec §1.5): the key of the passphrase "min as
 * two-digit lowercase hex" plus the sum of the participants' keys. Point addition commutes, so the
 * order of the participants does not matter.
 */
public final class MultiSignatureKeys {
  /** AIP-18's limit; larger groups are rejected before any point arithmetic. */
  public static final int MAX_PARTICIPANTS = 16;

  private MultiSignatureKeys() {}

  public static byte[] publicKey(int min, List<byte[]> publicKeys) throws DecodeException {
    if (publicKeys == null || publicKeys.isEmpty() || publicKeys.size() > MAX_PARTICIPANTS) {
      throw new DecodeException(
          "multi-signature needs 1 to " + MAX_PARTICIPANTS + " participant public keys");
    }
    if (min < 1 || min > publicKeys.size()) {
      throw new DecodeException(
          "multi-signature min " + min + " is outside 1.." + publicKeys.size());
    }
    ECPoint sum = Secp256k1.decodePublicKey(minKey(min));
    for (byte[] key : publicKeys) {
      sum = sum.add(Secp256k1.decodePublicKey(key));
    }
    sum = sum.normalize();
    if (sum.isInfinity()) {
      throw new DecodeException("multi-signature public keys sum to the point at infinity");
    }
    return Secp256k1.compress(sum);
  }

  /** ARK's numberToHex: lowercase, zero-padded to at least two digits. */
  static byte[] minKey(int min) {
    String hex = Integer.toHexString(min).toLowerCase(Locale.ROOT);
    String passphrase = hex.length() < 2 ? "0" + hex : hex;
    return PrivateKey.fromPassphrase(passphrase).publicKey();
  }
}
