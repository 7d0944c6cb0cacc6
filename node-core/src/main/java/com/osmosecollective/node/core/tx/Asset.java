package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.encoding.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * The type-specific part of a transaction (spec §3.4). Sizes that the wire format fixes (33-byte
 * keys, 21-byte address payloads, 32-byte hashes) are checked on construction; decoders check them
 * before constructing, so these checks only catch programming errors.
 */
public sealed interface Asset
    permits Asset.Transfer,
        Asset.SecondSignature,
        Asset.DelegateRegistration,
        Asset.Vote,
        Asset.MultiSignature,
        Asset.MultiSignatureLegacy,
        Asset.Ipfs,
        Asset.MultiPayment,
        Asset.DelegateResignation,
        Asset.HtlcLock,
        Asset.HtlcClaim,
        Asset.HtlcRefund {

  int PUBLIC_KEY_LENGTH = 33;
  int ADDRESS_LENGTH = 21;
  int HASH_LENGTH = 32;

  TransactionType type();

  /** Transfer: the amount is the transaction's; {@code expiration} is a height, 0 = none. */
  record Transfer(long expiration, Bytes recipient) implements Asset {
    public Transfer {
      requireLength(recipient, ADDRESS_LENGTH, "recipient");
      requireU32(expiration, "expiration");
    }

    @Override
    public TransactionType type() {
      return TransactionType.TRANSFER;
    }
  }

  record SecondSignature(Bytes publicKey) implements Asset {
    public SecondSignature {
      requireLength(publicKey, PUBLIC_KEY_LENGTH, "second public key");
    }

    @Override
    public TransactionType type() {
      return TransactionType.SECOND_SIGNATURE;
    }
  }

  record DelegateRegistration(String username) implements Asset {
    public DelegateRegistration {
      Objects.requireNonNull(username, "username");
      if (username.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 0xff) {
        throw new IllegalArgumentException("username longer than 255 bytes");
      }
    }

    @Override
    public TransactionType type() {
      return TransactionType.DELEGATE_REGISTRATION;
    }
  }

  /** One vote entry: {@code add} is "+" (vote), otherwise "-" (unvote). */
  record VoteEntry(boolean add, Bytes delegatePublicKey) {
    public VoteEntry {
      requireLength(delegatePublicKey, PUBLIC_KEY_LENGTH, "vote public key");
    }

    /** ARK's JSON form: "+" or "-" then the 66-hex key. */
    public String text() {
      return (add ? "+" : "-") + delegatePublicKey.hex();
    }
  }

  record Vote(List<VoteEntry> votes) implements Asset {
    public Vote {
      votes = List.copyOf(votes);
      requireCount(votes.size(), 0xff, "votes");
    }

    @Override
    public TransactionType type() {
      return TransactionType.VOTE;
    }
  }

  /** AIP-18 (version 2) multi-signature registration. */
  record MultiSignature(int min, List<Bytes> publicKeys) implements Asset {
    public MultiSignature {
      publicKeys = List.copyOf(publicKeys);
      publicKeys.forEach(k -> requireLength(k, PUBLIC_KEY_LENGTH, "multi-signature key"));
      requireCount(publicKeys.size(), 0xff, "publicKeys");
      requireU8(min, "min");
    }

    @Override
    public TransactionType type() {
      return TransactionType.MULTI_SIGNATURE;
    }
  }

  /** Legacy (version 1, Lisk-style) multi-signature registration; keys without the "+". */
  record MultiSignatureLegacy(int min, int lifetime, List<Bytes> keysgroup) implements Asset {
    public MultiSignatureLegacy {
      keysgroup = List.copyOf(keysgroup);
      keysgroup.forEach(k -> requireLength(k, PUBLIC_KEY_LENGTH, "keysgroup key"));
      requireCount(keysgroup.size(), 0xff, "keysgroup");
      requireU8(min, "min");
      requireU8(lifetime, "lifetime");
    }

    @Override
    public TransactionType type() {
      return TransactionType.MULTI_SIGNATURE;
    }
  }

  /** The raw multihash: function code, digest length, digest. */
  record Ipfs(Bytes multihash) implements Asset {
    public Ipfs {
      if (multihash.length() < 2 || multihash.get(1) != multihash.length() - 2) {
        throw new IllegalArgumentException("multihash length byte does not match its digest");
      }
    }

    @Override
    public TransactionType type() {
      return TransactionType.IPFS;
    }
  }

  record Payment(long amount, Bytes recipient) {
    public Payment {
      requireLength(recipient, ADDRESS_LENGTH, "payment recipient");
    }
  }

  record MultiPayment(List<Payment> payments) implements Asset {
    public MultiPayment {
      payments = List.copyOf(payments);
      requireCount(payments.size(), 0xffff, "payments");
    }

    @Override
    public TransactionType type() {
      return TransactionType.MULTI_PAYMENT;
    }
  }

  record DelegateResignation() implements Asset {
    @Override
    public TransactionType type() {
      return TransactionType.DELEGATE_RESIGNATION;
    }
  }

  /**
   * HTLC lock: the amount is the transaction's; expiration type 1 = epoch seconds, 2 = height
   * (other values decode and are rejected by the schema, as in ARK).
   */
  record HtlcLock(Bytes secretHash, int expirationType, long expirationValue, Bytes recipient)
      implements Asset {
    public HtlcLock {
      requireLength(secretHash, HASH_LENGTH, "secret hash");
      requireLength(recipient, ADDRESS_LENGTH, "recipient");
      requireU8(expirationType, "expiration type");
      requireU32(expirationValue, "expiration value");
    }

    @Override
    public TransactionType type() {
      return TransactionType.HTLC_LOCK;
    }
  }

  record HtlcClaim(Bytes lockTransactionId, Bytes unlockSecret) implements Asset {
    public HtlcClaim {
      requireLength(lockTransactionId, HASH_LENGTH, "lock transaction id");
      requireLength(unlockSecret, HASH_LENGTH, "unlock secret");
    }

    @Override
    public TransactionType type() {
      return TransactionType.HTLC_CLAIM;
    }
  }

  record HtlcRefund(Bytes lockTransactionId) implements Asset {
    public HtlcRefund {
      requireLength(lockTransactionId, HASH_LENGTH, "lock transaction id");
    }

    @Override
    public TransactionType type() {
      return TransactionType.HTLC_REFUND;
    }
  }

  private static void requireLength(Bytes value, int length, String what) {
    Objects.requireNonNull(value, what);
    if (value.length() != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes");
    }
  }

  private static void requireCount(int count, int max, String what) {
    if (count > max) {
      throw new IllegalArgumentException("at most " + max + " " + what);
    }
  }

  private static void requireU8(int value, String what) {
    if (value < 0 || value > 0xff) {
      throw new IllegalArgumentException(what + " must fit one byte");
    }
  }

  private static void requireU32(long value, String what) {
    if (value < 0 || value > 0xffffffffL) {
      throw new IllegalArgumentException(what + " must fit 32 bits unsigned");
    }
  }
}
