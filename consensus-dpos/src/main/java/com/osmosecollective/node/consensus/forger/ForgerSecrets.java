package com.osmosecollective.node.consensus.forger;

import java.nio.file.Path;
import java.util.List;

/**
 * What a secrets file holds: plain BIP39 passphrases and BIP38-encrypted keys (still encrypted;
 * {@link DelegateKeyLoader} decrypts them once at start-up).
 */
public record ForgerSecrets(Path file, List<String> passphrases, List<Bip38Line> encryptedKeys) {
  public ForgerSecrets {
    passphrases = List.copyOf(passphrases);
    encryptedKeys = List.copyOf(encryptedKeys);
  }

  /** A BIP38 key ({@code 6P…}) and its line number, so errors can point at it without echoing. */
  public record Bip38Line(int line, String encrypted) {
    @Override
    public String toString() {
      return "Bip38Line[line=" + line + "]";
    }
  }

  @Override
  public String toString() {
    // never print secrets, not even by accident in a log line
    return "ForgerSecrets["
        + file
        + ", "
        + passphrases.size()
        + " passphrase(s), "
        + encryptedKeys.size()
        + " BIP38 key(s)]";
  }
}
