package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.Secp256k1;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * AIP-18 multi-signature wallet key (spec §1.5): the key of passphrase hex(min) plus every
 * participant key. Package-private stand-in until {@code crypto.MultiSignatureKeys} lands.
 */
final class MultiSignatureKeys {
  private MultiSignatureKeys() {}

  static Bytes publicKey(int min, List<Bytes> publicKeys) throws DecodeException {
    String minText = String.format("%02x", min);
    ECPoint sum = Secp256k1.decodePublicKey(PrivateKey.fromPassphrase(minText).publicKey());
    for (Bytes key : publicKeys) {
      sum = sum.add(Secp256k1.decodePublicKey(key.toArray()));
    }
    sum = sum.normalize();
    if (sum.isInfinity()) {
      throw new DecodeException("multi-signature keys sum to the point at infinity");
    }
    return Bytes.of(Secp256k1.compress(sum));
  }
}
