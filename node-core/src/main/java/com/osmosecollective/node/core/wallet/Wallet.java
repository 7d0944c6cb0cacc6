package com.osmosecollective.node.core.wallet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of one address (ARK Core's wallet with its attributes), immutable. State changes
 * produce new values through the {@code with…} methods. Public keys are lowercase hex strings.
 *
 * <p>The balance may be negative only for genesis senders and whitelisted exceptions; the
 * transaction handlers decide that, not this record. Collections are immutable copies (unordered;
 * codecs sort them so equal wallets always encode to the same bytes).
 *
 * @param publicKey null until the wallet is first seen as a sender or looked up by key
 * @param nonce the last used nonce, 0 for a new wallet
 * @param secondPublicKey the second-signature key, or null
 * @param multiSignature the multi-signature registration, or null
 * @param delegate the delegate attributes when this wallet registered as a delegate, or null
 * @param vote public key of the delegate this wallet votes for, or null
 * @param ipfsHashes IPFS hashes registered by this wallet
 * @param htlcLockedBalance sum of the amounts of {@code htlcLocks}
 * @param htlcLocks open HTLC locks by lock transaction id
 */
public record Wallet(
    String address,
    String publicKey,
    long balance,
    long nonce,
    String secondPublicKey,
    MultiSignature multiSignature,
    DelegateAttributes delegate,
    String vote,
    Set<String> ipfsHashes,
    long htlcLockedBalance,
    Map<String, HtlcLock> htlcLocks) {

  public Wallet {
    Objects.requireNonNull(address, "address");
    if (address.isEmpty()) {
      throw new IllegalArgumentException("empty address");
    }
    if (nonce < 0) {
      throw new IllegalArgumentException("negative nonce: " + nonce);
    }
    if (htlcLockedBalance < 0) {
      throw new IllegalArgumentException("negative locked balance: " + htlcLockedBalance);
    }
    // copyOf returns an already immutable argument as is, so with-methods do not copy
    ipfsHashes = Set.copyOf(ipfsHashes);
    htlcLocks = Map.copyOf(htlcLocks);
  }

  /** A wallet never seen before: zero balance and nonce, no attributes. */
  public static Wallet empty(String address) {
    return new Wallet(address, null, 0, 0, null, null, null, null, Set.of(), 0, Map.of());
  }

  public boolean isDelegate() {
    return delegate != null;
  }

  /** Balance plus locked HTLC funds: what a vote of this wallet weighs. */
  public long votingWeight() {
    return Math.addExact(balance, htlcLockedBalance);
  }

  public Wallet withPublicKey(String value) {
    return new Wallet(
        address,
        value,
        balance,
        nonce,
        secondPublicKey,
        multiSignature,
        delegate,
        vote,
        ipfsHashes,
        htlcLockedBalance,
        htlcLocks);
  }

  public Wallet withBalance(long value) {
    return new Wallet(
        address,
        publicKey,
        value,
        nonce,
        secondPublicKey,
        multiSignature,
        delegate,
        vote,
        ipfsHashes,
        htlcLockedBalance,
        htlcLocks);
  }

  /** Adds {@code delta} (negative to debit) with an overflow check. */
  public Wallet plusBalance(long delta) {
    return withBalance(Math.addExact(balance, delta));
  }

  public Wallet withNonce(long value) {
    return new Wallet(
        address,
        publicKey,
        balance,
        value,
        secondPublicKey,
        multiSignature,
        delegate,
        vote,
        ipfsHashes,
        htlcLockedBalance,
        htlcLocks);
  }

  public Wallet withSecondPublicKey(String value) {
    return new Wallet(
        address,
        publicKey,
        balance,
        nonce,
        value,
        multiSignature,
        delegate,
        vote,
        ipfsHashes,
        htlcLockedBalance,
        htlcLocks);
  }

  public Wallet withMultiSignature(MultiSignature value) {
    return new Wallet(
        address,
        publicKey,
        balance,
        nonce,
        secondPublicKey,
        value,
        delegate,
        vote,
        ipfsHashes,
        htlcLockedBalance,
        htlcLocks);
  }

  public Wallet withDelegate(DelegateAttributes value) {
    return new Wallet(
        address,
        publicKey,
        balance,
        nonce,
        secondPublicKey,
        multiSignature,
        value,
        vote,
        ipfsHashes,
        htlcLockedBalance,
        htlcLocks);
  }

  public Wallet withVote(String delegatePublicKey) {
    return new Wallet(
        address,
        publicKey,
        balance,
        nonce,
        secondPublicKey,
        multiSignature,
        delegate,
        delegatePublicKey,
        ipfsHashes,
        htlcLockedBalance,
        htlcLocks);
  }

  public Wallet withIpfsHashes(Set<String> value) {
    return new Wallet(
        address,
        publicKey,
        balance,
        nonce,
        secondPublicKey,
        multiSignature,
        delegate,
        vote,
        value,
        htlcLockedBalance,
        htlcLocks);
  }

  public Wallet withIpfsHash(String hash) {
    Set<String> hashes = new HashSet<>(ipfsHashes);
    hashes.add(hash);
    return withIpfsHashes(hashes);
  }

  /** Replaces the locks; the locked balance follows as the sum of their amounts. */
  public Wallet withHtlcLocks(Map<String, HtlcLock> value) {
    long locked = 0;
    for (HtlcLock lock : value.values()) {
      locked = Math.addExact(locked, lock.amount());
    }
    return new Wallet(
        address,
        publicKey,
        balance,
        nonce,
        secondPublicKey,
        multiSignature,
        delegate,
        vote,
        ipfsHashes,
        locked,
        value);
  }

  public Wallet withHtlcLock(String lockId, HtlcLock lock) {
    Map<String, HtlcLock> locks = new HashMap<>(htlcLocks);
    locks.put(lockId, lock);
    return withHtlcLocks(locks);
  }

  public Wallet withoutHtlcLock(String lockId) {
    Map<String, HtlcLock> locks = new HashMap<>(htlcLocks);
    locks.remove(lockId);
    return withHtlcLocks(locks);
  }
}
