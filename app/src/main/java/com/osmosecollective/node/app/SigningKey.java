package com.osmosecollective.node.app;

import com.osmosecollective.node.consensus.forger.DelegateKeyLoader;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.nio.file.Path;

/** The delegate's key a transaction is signed with, from a secrets file as the forger reads it. */
final class SigningKey {
  private SigningKey() {}

  /**
   * The key of {@code secrets} whose public key or address is {@code wanted}; with {@code wanted}
   * null, the file's only key.
   *
   * @throws SecretsFile.SecretsException an unreadable file, or no (single) matching key
   */
  static PrivateKey load(
      Path secrets, KeysCommand.PasswordOptions password, String wanted, int pubKeyHash)
      throws SecretsFile.SecretsException {
    DelegateKeys keys =
        new DelegateKeyLoader(password.source("BIP38 password of the keys: "), password.howToGive())
            .load(SecretsFile.read(secrets));
    if (wanted == null) {
      if (keys.size() != 1) {
        throw new SecretsFile.SecretsException(
            secrets
                + " holds "
                + keys.size()
                + " keys; name the delegate to sign for (--delegate, an address or public key)");
      }
      return keys.key(keys.publicKeys().get(0)).orElseThrow();
    }
    for (String publicKey : keys.publicKeys()) {
      if (publicKey.equalsIgnoreCase(wanted) || address(publicKey, pubKeyHash).equals(wanted)) {
        return keys.key(publicKey).orElseThrow();
      }
    }
    throw new SecretsFile.SecretsException(secrets + " holds no key of " + wanted);
  }

  static String address(String publicKey, int pubKeyHash) {
    try {
      return Address.fromPublicKey(Hex.decode(publicKey), pubKeyHash);
    } catch (DecodeException e) {
      throw new IllegalStateException("a key's own public key is hex", e);
    }
  }
}
