package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.consensus.forger.SecretsFile.SecretsException;
import com.osmosecollective.node.core.crypto.Bip38;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a secrets file's contents into the forger's keys: passphrases directly, BIP38 keys
 * decrypted once here (scrypt makes each take about a second) with one password for all of them,
 * asked only when the file holds BIP38 keys. As ARK's forger, the decrypted key is the delegate's
 * private key; a wrong password is told by BIP38's address-hash check.
 */
public final class DelegateKeyLoader {
  private static final Logger LOG = LoggerFactory.getLogger(DelegateKeyLoader.class);

  private final PasswordSource passwords;
  private final String howToGivePassword;

  /**
   * @param howToGivePassword completes "no BIP38 password: …" (e.g. "set OSMOSE_BIP38_PASSWORD")
   */
  public DelegateKeyLoader(PasswordSource passwords, String howToGivePassword) {
    this.passwords = passwords;
    this.howToGivePassword = howToGivePassword;
  }

  public DelegateKeys load(ForgerSecrets secrets) throws SecretsException {
    List<PrivateKey> keys = new ArrayList<>();
    secrets.passphrases().forEach(p -> keys.add(PrivateKey.fromPassphrase(p)));
    if (!secrets.encryptedKeys().isEmpty()) {
      keys.addAll(decryptAll(secrets));
    }
    return new DelegateKeys(keys);
  }

  private List<PrivateKey> decryptAll(ForgerSecrets secrets) throws SecretsException {
    Optional<char[]> given = passwords.password();
    if (given.isEmpty()) {
      throw new SecretsException(
          "secrets file "
              + secrets.file()
              + " holds BIP38 keys but no password was given: "
              + howToGivePassword);
    }
    char[] chars = given.get();
    String password = new String(chars);
    Arrays.fill(chars, '\0');
    LOG.info("decrypting {} BIP38 key(s)", secrets.encryptedKeys().size());
    List<PrivateKey> keys = new ArrayList<>();
    for (ForgerSecrets.Bip38Line line : secrets.encryptedKeys()) {
      try {
        keys.add(Bip38.decrypt(line.encrypted(), password).key());
      } catch (DecodeException e) {
        // Bip38's messages never contain the password or the key
        throw new SecretsException(
            "BIP38 key on line " + line.line() + " of " + secrets.file() + ": " + e.getMessage());
      }
    }
    return keys;
  }
}
