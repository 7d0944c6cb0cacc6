package com.osmosecollective.node.core.crypto;

import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An address: network byte and ripemd160 of the compressed public key (21 bytes), shown in
 * Base58Check. Validation is stricter than ARK's: the payload must be exactly 21 bytes.
 */
public final class Address {
  public static final int PAYLOAD_LENGTH = 21;

  /**
   * Encoded addresses by payload. Applying a block encodes the same recipients several times
   * (handler, vote balances, index entries) and Base58Check costs two hashes and a division per
   * call; the mapping is a pure function, so a bounded memo is safe to share.
   */
  private static final int CACHE_LIMIT = 100_000;

  private static final ConcurrentHashMap<Bytes, String> ENCODED = new ConcurrentHashMap<>();

  private Address() {}

  public static byte[] payloadFromPublicKey(byte[] publicKey33, int pubKeyHash) {
    byte[] payload = new byte[PAYLOAD_LENGTH];
    payload[0] = (byte) pubKeyHash;
    System.arraycopy(Hashes.ripemd160(publicKey33), 0, payload, 1, 20);
    return payload;
  }

  public static String fromPublicKey(byte[] publicKey33, int pubKeyHash) {
    return fromPayload(payloadFromPublicKey(publicKey33, pubKeyHash));
  }

  public static String fromPayload(byte[] payload21) {
    if (payload21.length != PAYLOAD_LENGTH) {
      throw new IllegalArgumentException("address payload must be 21 bytes");
    }
    Bytes key = Bytes.of(payload21);
    String known = ENCODED.get(key);
    if (known != null) {
      return known;
    }
    String address = Base58.encodeCheck(payload21);
    if (ENCODED.size() >= CACHE_LIMIT) {
      ENCODED.clear();
    }
    ENCODED.put(key, address);
    return address;
  }

  /** Decodes and validates an address of the given network; returns the 21-byte payload. */
  public static byte[] decode(String address, int pubKeyHash) throws DecodeException {
    if (address == null || address.length() != 34 || !Base58.isBase58(address)) {
      throw new DecodeException("address must be 34 base58 characters");
    }
    byte[] payload = Base58.decodeCheck(address);
    if (payload.length != PAYLOAD_LENGTH) {
      throw new DecodeException("address payload must be 21 bytes, got " + payload.length);
    }
    if ((payload[0] & 0xff) != pubKeyHash) {
      throw new DecodeException(
          "address belongs to network " + (payload[0] & 0xff) + ", expected " + pubKeyHash);
    }
    return payload;
  }

  public static boolean isValid(String address, int pubKeyHash) {
    try {
      decode(address, pubKeyHash);
      return true;
    } catch (DecodeException e) {
      return false;
    }
  }

  public static boolean samePayload(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }
}
