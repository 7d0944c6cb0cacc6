package com.osmosecollective.node.core.state;

import com.osmosecollective.node.core.wallet.Wallet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The secondary indexes of a set of wallets (usernames, HTLC locks, IPFS hashes, delegates), kept
 * up to date from each wallet's old and new value. Values are addresses; the caller resolves them.
 */
final class WalletIndex {
  private final Map<String, String> usernames = new HashMap<>();
  private final Map<String, String> locks = new HashMap<>();
  private final Map<String, String> ipfs = new HashMap<>();
  private final Set<String> delegates = new HashSet<>();

  void update(Wallet old, Wallet now) {
    if (old != null) {
      if (old.delegate() != null) {
        usernames.remove(old.delegate().username(), old.address());
        delegates.remove(old.address());
      }
      old.htlcLocks().keySet().forEach(id -> locks.remove(id, old.address()));
      old.ipfsHashes().forEach(hash -> ipfs.remove(hash, old.address()));
    }
    if (now.delegate() != null) {
      usernames.put(now.delegate().username(), now.address());
      delegates.add(now.address());
    }
    now.htlcLocks().keySet().forEach(id -> locks.put(id, now.address()));
    now.ipfsHashes().forEach(hash -> ipfs.put(hash, now.address()));
  }

  void clear() {
    usernames.clear();
    locks.clear();
    ipfs.clear();
    delegates.clear();
  }

  Optional<String> username(String username) {
    return Optional.ofNullable(usernames.get(username));
  }

  Optional<String> lock(String lockId) {
    return Optional.ofNullable(locks.get(lockId));
  }

  Optional<String> ipfs(String hash) {
    return Optional.ofNullable(ipfs.get(hash));
  }

  Set<String> delegateAddresses() {
    return delegates;
  }
}
