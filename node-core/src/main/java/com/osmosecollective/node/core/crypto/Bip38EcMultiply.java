package com.osmosecollective.node.core.crypto;

import com.osmosecollective.node.core.encoding.DecodeException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Decryption of BIP38 EC-multiply keys (prefix 0x0143), made by a "passphrase code" holder for an
 * owner. The key is passfactor × factorb mod n; only the owner's password yields passfactor.
 */
final class Bip38EcMultiply {
  private static final int FLAG_COMPRESSED = 0x20;
  private static final int FLAG_LOT_SEQUENCE = 0x04;

  private Bip38EcMultiply() {}

  static Bip38.Decrypted decrypt(byte[] payload, byte[] secret) throws DecodeException {
    int flag = payload[2] & 0xff;
    if ((flag & (FLAG_COMPRESSED | FLAG_LOT_SEQUENCE)) != flag) {
      throw new DecodeException("BIP38 EC-multiply flag has unknown bits: " + flag);
    }
    boolean compressed = (flag & FLAG_COMPRESSED) != 0;
    boolean lotSequence = (flag & FLAG_LOT_SEQUENCE) != 0;
    byte[] addressHash = Arrays.copyOfRange(payload, 3, 7);
    byte[] ownerEntropy = Arrays.copyOfRange(payload, 7, 15);
    byte[] encryptedPart1Head = Arrays.copyOfRange(payload, 15, 23);
    byte[] encryptedPart2 = Arrays.copyOfRange(payload, 23, 39);

    byte[] ownerSalt = lotSequence ? Arrays.copyOf(ownerEntropy, 4) : ownerEntropy;
    byte[] preFactor = SCrypt.generate(secret, ownerSalt, 16384, 8, 8, 32);
    byte[] passFactorBytes =
        lotSequence ? Hashes.hash256(concat(preFactor, ownerEntropy)) : preFactor;
    BigInteger passFactor = new BigInteger(1, passFactorBytes);
    if (passFactor.signum() == 0 || passFactor.compareTo(Secp256k1.N) >= 0) {
      throw new DecodeException("BIP38: passfactor out of range");
    }
    byte[] passPoint = Secp256k1.compress(Secp256k1.multiplyG(passFactor));

    byte[] derived = SCrypt.generate(passPoint, concat(addressHash, ownerEntropy), 1024, 1, 1, 64);
    byte[] half1 = Arrays.copyOf(derived, 32);
    byte[] aesKey = Arrays.copyOfRange(derived, 32, 64);

    // part 2 decrypts to the tail of encrypted part 1 followed by seedb[16..24)
    byte[] part2 =
        Bip38.xor(Bip38.aes(false, aesKey, encryptedPart2), Arrays.copyOfRange(half1, 16, 32));
    byte[] encryptedPart1 = concat(encryptedPart1Head, Arrays.copyOf(part2, 8));
    byte[] seedHead = Bip38.xor(Bip38.aes(false, aesKey, encryptedPart1), Arrays.copyOf(half1, 16));
    byte[] seedB = concat(seedHead, Arrays.copyOfRange(part2, 8, 16));

    BigInteger factorB = new BigInteger(1, Hashes.hash256(seedB));
    BigInteger key = passFactor.multiply(factorB).mod(Secp256k1.N);
    return Bip38.checked(Secp256k1.toBytes32(key), compressed, addressHash);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
