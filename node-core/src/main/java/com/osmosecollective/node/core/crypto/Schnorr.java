package com.osmosecollective.node.core.crypto;

import com.osmosecollective.node.core.encoding.DecodeException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ARK's Schnorr signatures: the pre-BIP340 bip-schnorr draft of bcrypto's schnorr-legacy (spec
 * §2.2). The challenge commits to the 33-byte compressed key and R has a quadratic-residue y;
 * BIP340 code will not verify these signatures.
 */
public final class Schnorr {
  private Schnorr() {}

  public static byte[] sign(byte[] digest32, PrivateKey key) {
    byte[] d32 = Secp256k1.toBytes32(key.scalar());
    MessageDigest sha = Hashes.newSha256();
    sha.update(d32);
    sha.update(digest32);
    BigInteger k0 = new BigInteger(1, sha.digest()).mod(Secp256k1.N);
    if (k0.signum() == 0) {
      throw new IllegalStateException("schnorr nonce is zero");
    }
    ECPoint r = Secp256k1.multiplyG(k0);
    BigInteger k =
        isQuadraticResidue(r.getAffineYCoord().toBigInteger()) ? k0 : Secp256k1.N.subtract(k0);
    byte[] r32 = Secp256k1.toBytes32(r.getAffineXCoord().toBigInteger());
    byte[] publicKey = key.publicKey();
    BigInteger e = challenge(r32, publicKey, digest32);
    BigInteger s = k.add(e.multiply(key.scalar())).mod(Secp256k1.N);
    byte[] out = Arrays.copyOf(r32, 64);
    System.arraycopy(Secp256k1.toBytes32(s), 0, out, 32, 32);
    return out;
  }

  public static boolean verify(byte[] digest32, byte[] signature64, byte[] publicKey33) {
    if (digest32 == null
        || digest32.length != 32
        || signature64 == null
        || signature64.length != 64) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature64, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature64, 32, 64));
    if (r.compareTo(Secp256k1.P) >= 0 || s.compareTo(Secp256k1.N) >= 0) {
      return false;
    }
    ECPoint p;
    try {
      p = Secp256k1.decodePublicKey(publicKey33);
    } catch (DecodeException ex) {
      return false;
    }
    BigInteger e = challenge(Arrays.copyOfRange(signature64, 0, 32), publicKey33, digest32);
    ECPoint big =
        ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, s, p, Secp256k1.N.subtract(e)).normalize();
    if (big.isInfinity()) {
      return false;
    }
    return isQuadraticResidue(big.getAffineYCoord().toBigInteger())
        && big.getAffineXCoord().toBigInteger().equals(r);
  }

  static BigInteger challenge(byte[] r32, byte[] publicKey33, byte[] digest32) {
    MessageDigest sha = Hashes.newSha256();
    sha.update(r32);
    sha.update(publicKey33);
    sha.update(digest32);
    return new BigInteger(1, sha.digest()).mod(Secp256k1.N);
  }

  static boolean isQuadraticResidue(BigInteger y) {
    return QuadraticResidue.isQuadraticResidue(y);
  }
}
