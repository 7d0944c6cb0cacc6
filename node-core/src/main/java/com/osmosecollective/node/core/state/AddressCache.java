package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.LinkedHashMap;
import java.util.Map;

/** Public key to address derivation with a bounded cache (hot senders repeat within blocks). */
final class AddressCache {
  private static final int MAX_ENTRIES = 100_000;

  private final int pubKeyHash;
  private final Map<String, String> cache =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  AddressCache(int pubKeyHash) {
    this.pubKeyHash = pubKeyHash;
  }

  int pubKeyHash() {
    return pubKeyHash;
  }

  String addressOf(String publicKeyHex) {
    String known = cache.get(publicKeyHex);
    if (known != null) {
      return known;
    }
    byte[] key;
    try {
      key = Hex.decode(publicKeyHex);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("not a hex public key: " + publicKeyHex, e);
    }
    if (key.length != 33) {
      throw new IllegalArgumentException("public key must be 33 bytes: " + publicKeyHex);
    }
    String address = Address.fromPublicKey(key, pubKeyHash);
    cache.put(publicKeyHex, address);
    return address;
  }
}
