package com.osmosecollective.node.core.crypto;

import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP38 passphrase-protected private keys (spec §1.6), used only for a forger's configured key.
 * Decrypts both kinds (0x0142 plain and 0x0143 EC-multiply) and encrypts the plain kind, as ARK
 * does. The address hash uses Bitcoin's addressing (version 0x00, hash160), so the standard BIP38
 * vectors apply.
 *
 * <p>Like ARK, the password is taken as its UTF-8 bytes without Unicode normalisation; callers that
 * want BIP38's NFC rule normalise first. Unlike ARK, an EC-multiply key whose address hash does not
 * match is refused (ARK returns a wrong key silently).
 */
public final class Bip38 {
  static final int PAYLOAD_LENGTH = 39;
  private static final int SCRYPT_N = 16384;
  private static final int SCRYPT_R = 8;
  private static final int SCRYPT_P = 8;
  private static final int FLAG_PLAIN_UNCOMPRESSED = 0xc0;
  private static final int FLAG_PLAIN_COMPRESSED = 0xe0;

  private Bip38() {}

  /** A decrypted key and whether its address used the compressed public key. */
  public record Decrypted(PrivateKey key, boolean compressed) {}

  public static Decrypted decrypt(String encrypted, String password) throws DecodeException {
    if (password == null) {
      throw new DecodeException("BIP38 password is missing");
    }
    byte[] payload = Base58.decodeCheck(encrypted);
    if (payload.length != PAYLOAD_LENGTH) {
      throw new DecodeException(
          "BIP38 payload must be " + PAYLOAD_LENGTH + " bytes, got " + payload.length);
    }
    if (payload[0] != 0x01) {
      throw new DecodeException("BIP38 prefix must start with 0x01");
    }
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    return switch (payload[1]) {
      case 0x42 -> decryptPlain(payload, secret);
      case 0x43 -> Bip38EcMultiply.decrypt(payload, secret);
      default -> throw new DecodeException("BIP38 type must be 0x42 or 0x43");
    };
  }

  /** Non-EC-multiply encryption (the only kind ARK writes). */
  public static String encrypt(PrivateKey key, boolean compressed, String password) {
    byte[] salt = addressHash(key, compressed);
    byte[] derived = scrypt(password.getBytes(StandardCharsets.UTF_8), salt);
    byte[] block = xor(key.toBytes(), Arrays.copyOfRange(derived, 0, 32));
    byte[] cipherText = aes(true, Arrays.copyOfRange(derived, 32, 64), block);
    byte[] payload = new byte[PAYLOAD_LENGTH];
    payload[0] = 0x01;
    payload[1] = 0x42;
    payload[2] = (byte) (compressed ? FLAG_PLAIN_COMPRESSED : FLAG_PLAIN_UNCOMPRESSED);
    System.arraycopy(salt, 0, payload, 3, 4);
    System.arraycopy(cipherText, 0, payload, 7, 32);
    return Base58.encodeCheck(payload);
  }

  private static Decrypted decryptPlain(byte[] payload, byte[] secret) throws DecodeException {
    int flag = payload[2] & 0xff;
    if (flag != FLAG_PLAIN_COMPRESSED && flag != FLAG_PLAIN_UNCOMPRESSED) {
      throw new DecodeException("BIP38 flag must be 0xc0 or 0xe0, got " + flag);
    }
    boolean compressed = flag == FLAG_PLAIN_COMPRESSED;
    byte[] salt = Arrays.copyOfRange(payload, 3, 7);
    byte[] derived = scrypt(secret, salt);
    byte[] plain =
        aes(false, Arrays.copyOfRange(derived, 32, 64), Arrays.copyOfRange(payload, 7, 39));
    byte[] keyBytes = xor(plain, Arrays.copyOfRange(derived, 0, 32));
    return checked(keyBytes, compressed, salt);
  }

  /** Accepts the key only if it reproduces the address hash: a wrong password fails here. */
  static Decrypted checked(byte[] keyBytes, boolean compressed, byte[] addressHash)
      throws DecodeException {
    PrivateKey key;
    try {
      key = PrivateKey.fromBytes(keyBytes);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("BIP38: wrong password (key out of range)");
    }
    if (!Arrays.equals(addressHash(key, compressed), addressHash)) {
      throw new DecodeException("BIP38: wrong password (address hash mismatch)");
    }
    return new Decrypted(key, compressed);
  }

  /** First 4 bytes of hash256 of the Bitcoin address (ASCII) of the key. */
  static byte[] addressHash(PrivateKey key, boolean compressed) {
    byte[] publicKey =
        compressed ? key.publicKey() : Secp256k1.multiplyG(key.scalar()).getEncoded(false);
    byte[] payload = new byte[21];
    System.arraycopy(Hashes.hash160(publicKey), 0, payload, 1, 20);
    String address = Base58.encodeCheck(payload);
    return Arrays.copyOf(Hashes.hash256(address.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  static byte[] scrypt(byte[] secret, byte[] salt) {
    return SCrypt.generate(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, 64);
  }

  /** AES-256 in ECB mode over whole 16-byte blocks (BIP38 never pads). */
  static byte[] aes(boolean encrypt, byte[] key32, byte[] data) {
    BlockCipher engine = AESEngine.newInstance();
    engine.init(encrypt, new KeyParameter(key32));
    byte[] out = new byte[data.length];
    for (int offset = 0; offset < data.length; offset += 16) {
      engine.processBlock(data, offset, out, offset);
    }
    return out;
  }

  static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }
}
