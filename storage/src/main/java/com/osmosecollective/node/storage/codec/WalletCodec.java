package com.osmosecollective.node.storage.codec;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Binary form of a {@link Wallet}: a format byte, then the fields in record order; optional parts
 * behind a presence byte; public keys as 33 raw bytes; numbers little-endian.
 */
public final class WalletCodec implements ValueCodec<Wallet> {
  static final int FORMAT = 1;
  private static final int MAX_SHORT = 255;
  private static final int MAX_VENDOR_FIELD = 1024;
  private static final int MAX_MULTISIG_KEYS = 255;
  private static final int MAX_IPFS_HASHES = 0xffff;
  private static final int MAX_LOCKS = 0xffff;

  @Override
  public byte[] encode(Wallet w) {
    ByteWriter out = new ByteWriter(128);
    out.u8(FORMAT);
    Fields.string(out, w.address());
    Fields.optionalHex(out, w.publicKey(), Fields.PUBLIC_KEY_BYTES, "public key");
    out.u64(w.balance());
    out.u64(w.nonce());
    Fields.optionalHex(out, w.secondPublicKey(), Fields.PUBLIC_KEY_BYTES, "second public key");
    MultiSignature multi = w.multiSignature();
    out.u8(multi == null ? 0 : 1);
    if (multi != null) {
      out.u8(multi.min());
      Fields.bool(out, multi.legacy());
      Fields.hexList(out, multi.publicKeys(), Fields.PUBLIC_KEY_BYTES, "multi-signature key");
    }
    DelegateAttributes d = w.delegate();
    out.u8(d == null ? 0 : 1);
    if (d != null) {
      encodeDelegate(out, d);
    }
    Fields.optionalHex(out, w.vote(), Fields.PUBLIC_KEY_BYTES, "vote");
    out.u16(w.ipfsHashes().size());
    for (String hash : sorted(w.ipfsHashes())) {
      Fields.string(out, hash);
    }
    out.u16(w.htlcLocks().size());
    for (Map.Entry<String, HtlcLock> e : sorted(w.htlcLocks()).entrySet()) {
      Fields.hex(out, e.getKey(), Fields.HASH_BYTES, "lock id");
      HtlcLock lock = e.getValue();
      out.u64(lock.amount());
      Fields.string(out, lock.recipientId());
      out.u64(lock.timestamp());
      Fields.optionalString(out, lock.vendorField());
      Fields.string(out, lock.secretHash());
      out.u8(lock.expirationType());
      out.u64(lock.expirationValue());
    }
    return out.toByteArray();
  }

  private static Iterable<String> sorted(java.util.Set<String> set) {
    return set.size() < 2 ? set : new TreeSet<>(set);
  }

  private static Map<String, HtlcLock> sorted(Map<String, HtlcLock> map) {
    return map.size() < 2 ? map : new TreeMap<>(map);
  }

  private static void encodeDelegate(ByteWriter out, DelegateAttributes d) {
    Fields.string(out, d.username());
    out.u64(d.voteBalance());
    out.u64(d.producedBlocks());
    out.u64(d.missedBlocks());
    out.u64(d.forgedFees());
    out.u64(d.forgedRewards());
    out.u32(d.rank());
    out.u64(d.round());
    LastBlock last = d.lastBlock();
    out.u8(last == null ? 0 : 1);
    if (last != null) {
      out.u64(last.height());
      Fields.string(out, last.id());
      out.u64(last.timestamp());
    }
    Fields.bool(out, d.resigned());
  }

  @Override
  public Wallet decode(byte[] bytes) throws DecodeException {
    ByteReader in = new ByteReader(bytes);
    int format = in.u8("wallet format");
    if (format != FORMAT) {
      throw new DecodeException("unknown wallet format " + format);
    }
    String address = Fields.string(in, MAX_SHORT, "address");
    String publicKey = Fields.optionalHex(in, Fields.PUBLIC_KEY_BYTES, "public key");
    long balance = Fields.i64(in, "balance");
    long nonce = Fields.nonNegative(in, "nonce");
    String second = Fields.optionalHex(in, Fields.PUBLIC_KEY_BYTES, "second public key");
    MultiSignature multi = null;
    if (Fields.presence(in, "multi-signature")) {
      int min = in.u8("multi-signature min");
      boolean legacy = Fields.bool(in, "legacy");
      List<String> keys =
          Fields.hexList(in, MAX_MULTISIG_KEYS, Fields.PUBLIC_KEY_BYTES, "multi-signature key");
      if (min < 1 || min > keys.size()) {
        throw new DecodeException("multi-signature min " + min + " of " + keys.size() + " keys");
      }
      multi = new MultiSignature(min, keys, legacy);
    }
    DelegateAttributes delegate = Fields.presence(in, "delegate") ? decodeDelegate(in) : null;
    String vote = Fields.optionalHex(in, Fields.PUBLIC_KEY_BYTES, "vote");
    int hashCount = Fields.count(in, MAX_IPFS_HASHES, 2, "ipfs hashes");
    java.util.Set<String> hashes = new java.util.HashSet<>();
    for (int i = 0; i < hashCount; i++) {
      hashes.add(Fields.string(in, MAX_SHORT, "ipfs hash"));
    }
    int lockCount = Fields.count(in, MAX_LOCKS, Fields.HASH_BYTES + 8, "htlc locks");
    Map<String, HtlcLock> locks = new java.util.HashMap<>();
    long locked = 0;
    for (int i = 0; i < lockCount; i++) {
      String id = Fields.hex(in, Fields.HASH_BYTES, "lock id");
      long amount = Fields.nonNegative(in, "lock amount");
      String recipient = Fields.string(in, MAX_SHORT, "lock recipient");
      long timestamp = in.u64("lock timestamp");
      String vendorField = Fields.optionalString(in, MAX_VENDOR_FIELD, "lock vendor field");
      String secretHash = Fields.string(in, MAX_SHORT, "secret hash");
      int expirationType = in.u8("expiration type");
      if (expirationType != 1 && expirationType != 2) {
        throw new DecodeException("expiration type " + expirationType);
      }
      long expirationValue = in.u64("expiration value");
      if (Long.MAX_VALUE - locked < amount) {
        throw new DecodeException("htlc locked balance overflows");
      }
      locked += amount;
      locks.put(
          id,
          new HtlcLock(
              amount,
              recipient,
              timestamp,
              vendorField,
              secretHash,
              expirationType,
              expirationValue));
    }
    Fields.requireEnd(in, "wallet");
    if (address.isEmpty()) {
      throw new DecodeException("empty wallet address");
    }
    if (hashes.size() != hashCount || locks.size() != lockCount) {
      throw new DecodeException("duplicate ipfs hash or lock id in wallet " + address);
    }
    return new Wallet(
        address, publicKey, balance, nonce, second, multi, delegate, vote, hashes, locked, locks);
  }

  private static DelegateAttributes decodeDelegate(ByteReader in) throws DecodeException {
    String username = Fields.string(in, MAX_SHORT, "username");
    if (username.isEmpty()) {
      throw new DecodeException("empty delegate username");
    }
    long voteBalance = Fields.i64(in, "vote balance");
    long produced = Fields.nonNegative(in, "produced blocks");
    long missed = Fields.nonNegative(in, "missed blocks");
    long fees = Fields.i64(in, "forged fees");
    long rewards = Fields.i64(in, "forged rewards");
    int rank = in.u32AsInt("rank");
    long round = Fields.nonNegative(in, "round");
    LastBlock last = null;
    if (Fields.presence(in, "last block")) {
      long height = Fields.nonNegative(in, "last block height");
      String id = Fields.string(in, MAX_SHORT, "last block id");
      long timestamp = in.u64("last block timestamp");
      if (height < 1) {
        throw new DecodeException("last block height " + height);
      }
      last = new LastBlock(height, id, timestamp);
    }
    boolean resigned = Fields.bool(in, "resigned");
    return new DelegateAttributes(
        username, voteBalance, produced, missed, fees, rewards, rank, round, last, resigned);
  }
}
