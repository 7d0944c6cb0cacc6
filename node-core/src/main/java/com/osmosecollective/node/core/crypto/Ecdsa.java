package com.osmosecollective.node.core.crypto;

import com.osmosecollective.node.core.encoding.DecodeException;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/** ECDSA over secp256k1 as ARK uses it: RFC 6979 nonces, low-S, strict minimal DER. */
public final class Ecdsa {
  private Ecdsa() {}

  /** Signs a 32-byte digest; deterministic (RFC 6979), low-S, minimal DER. */
  public static byte[] sign(byte[] digest32, PrivateKey key) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(key.scalar(), Secp256k1.DOMAIN));
    BigInteger[] rs = signer.generateSignature(digest32);
    BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
    return DerSignature.encode(rs[0], s);
  }

  /** Verification with Bouncy Castle, after ARK's strict encoding checks. */
  public static boolean verify(byte[] digest32, byte[] der, byte[] publicKey33) {
    if (digest32 == null || digest32.length != 32) {
      return false;
    }
    BigInteger[] rs = DerSignature.decodeStrict(der);
    if (rs == null) {
      return false;
    }
    ECPoint point;
    try {
      point = Secp256k1.decodePublicKey(publicKey33);
    } catch (DecodeException e) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(point, Secp256k1.DOMAIN));
    return verifier.verifySignature(digest32, rs[0], rs[1]);
  }
}
