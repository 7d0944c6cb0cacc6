package com.osmosecollective.node.core.crypto;

import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.Arrays;

/** Wallet Import Format: Base58Check(wif byte, 32-byte key, 0x01 for a compressed key). */
public final class Wif {
  private Wif() {}

  public static String encode(PrivateKey key, int wifByte) {
    byte[] payload = new byte[34];
    payload[0] = (byte) wifByte;
    System.arraycopy(key.toBytes(), 0, payload, 1, 32);
    payload[33] = 0x01;
    return Base58.encodeCheck(payload);
  }

  public static PrivateKey decode(String wif, int wifByte) throws DecodeException {
    byte[] payload = Base58.decodeCheck(wif);
    if (payload.length != 34 && payload.length != 33) {
      throw new DecodeException("WIF payload must be 33 or 34 bytes");
    }
    if ((payload[0] & 0xff) != wifByte) {
      throw new DecodeException(
          "WIF version byte " + (payload[0] & 0xff) + ", expected " + wifByte);
    }
    if (payload.length == 34 && payload[33] != 0x01) {
      throw new DecodeException("WIF compression flag must be 01");
    }
    try {
      return PrivateKey.fromBytes(Arrays.copyOfRange(payload, 1, 33));
    } catch (IllegalArgumentException e) {
      throw new DecodeException("WIF key is out of range");
    }
  }
}
