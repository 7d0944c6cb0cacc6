package com.osmosecollective.node.genesis;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Hex;

/**
 * A key the genesis block uses: a delegate, a funded wallet or the premine sender.
 *
 * @param username the delegate name, or null for a plain wallet
 * @param amount what the genesis block transfers to it (arktoshi)
 */
public record GenesisAccount(String passphrase, String username, long amount) {
  public PrivateKey key() {
    return PrivateKey.fromPassphrase(passphrase);
  }

  public String publicKey() {
    return Hex.encode(key().publicKey());
  }

  public String address(int pubKeyHash) {
    return Address.fromPublicKey(key().publicKey(), pubKeyHash);
  }
}
