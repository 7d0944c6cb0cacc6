package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The delegate keys this node forges with, by public key (lowercase hex). */
public final class DelegateKeys {
  private final Map<String, PrivateKey> byPublicKey = new LinkedHashMap<>();

  public DelegateKeys(Collection<PrivateKey> keys) {
    for (PrivateKey key : keys) {
      byPublicKey.put(Hex.encode(key.publicKey()), key);
    }
  }

  public static DelegateKeys fromPassphrases(Collection<String> passphrases) {
    return new DelegateKeys(passphrases.stream().map(PrivateKey::fromPassphrase).toList());
  }

  public Optional<PrivateKey> key(String publicKey) {
    return Optional.ofNullable(byPublicKey.get(publicKey));
  }

  /** The public keys, in the order the keys were given. */
  public List<String> publicKeys() {
    return List.copyOf(byPublicKey.keySet());
  }

  public int size() {
    return byPublicKey.size();
  }

  public boolean isEmpty() {
    return byPublicKey.isEmpty();
  }
}
