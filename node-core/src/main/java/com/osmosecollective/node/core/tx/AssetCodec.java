package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Wire layouts of the assets (spec §3.4), identical in v1 and v2 except the legacy multisig. */
final class AssetCodec {
  /** ARK's schema allows at most two votes (unvote + vote); more is rejected while decoding. */
  static final int MAX_VOTES = 2;

  /** AIP-18: at most 16 participants. */
  static final int MAX_MULTISIG_KEYS = 16;

  private AssetCodec() {}

  static void write(Transaction tx, ByteWriter w) {
    Asset asset = tx.asset();
    if (asset instanceof Asset.Transfer t) {
      w.u64(tx.amount()).u32(t.expiration());
      t.recipient().writeTo(w);
    } else if (asset instanceof Asset.SecondSignature s) {
      s.publicKey().writeTo(w);
    } else if (asset instanceof Asset.DelegateRegistration d) {
      byte[] name = TransactionSerializer.utf8(d.username());
      w.u8(name.length).bytes(name);
    } else if (asset instanceof Asset.Vote v) {
      w.u8(v.votes().size());
      for (Asset.VoteEntry e : v.votes()) {
        w.u8(e.add() ? 1 : 0);
        e.delegatePublicKey().writeTo(w);
      }
    } else if (asset instanceof Asset.MultiSignature m) {
      w.u8(m.min()).u8(m.publicKeys().size());
      m.publicKeys().forEach(k -> k.writeTo(w));
    } else if (asset instanceof Asset.MultiSignatureLegacy m) {
      w.u8(m.min()).u8(m.keysgroup().size()).u8(m.lifetime());
      m.keysgroup().forEach(k -> k.writeTo(w));
    } else if (asset instanceof Asset.Ipfs i) {
      i.multihash().writeTo(w);
    } else if (asset instanceof Asset.MultiPayment mp) {
      w.u16(mp.payments().size());
      for (Asset.Payment p : mp.payments()) {
        w.u64(p.amount());
        p.recipient().writeTo(w);
      }
    } else if (asset instanceof Asset.HtlcLock l) {
      w.u64(tx.amount());
      l.secretHash().writeTo(w);
      w.u8(l.expirationType()).u32(l.expirationValue());
      l.recipient().writeTo(w);
    } else if (asset instanceof Asset.HtlcClaim c) {
      c.lockTransactionId().writeTo(w);
      c.unlockSecret().writeTo(w);
    } else if (asset instanceof Asset.HtlcRefund r) {
      r.lockTransactionId().writeTo(w);
    }
    // DelegateResignation has no asset bytes
  }

  /** What an asset decoder produced: the asset and, for transfers and locks, the amount. */
  record Decoded(Asset asset, long amount) {}

  static Decoded read(TransactionType type, int version, ByteReader r, TxContext ctx)
      throws DecodeException {
    switch (type) {
      case TRANSFER -> {
        long amount = r.u63("transfer amount");
        long expiration = r.u32("transfer expiration");
        Bytes recipient = recipient(r, ctx, "transfer recipient");
        return new Decoded(new Asset.Transfer(expiration, recipient), amount);
      }
      case SECOND_SIGNATURE -> {
        return none(new Asset.SecondSignature(Bytes.read(r, 33, "second public key")));
      }
      case DELEGATE_REGISTRATION -> {
        int length = r.u8("username length");
        return none(new Asset.DelegateRegistration(utf8(r.bytes(length, "username"))));
      }
      case VOTE -> {
        int count = r.u8("vote count");
        if (count > MAX_VOTES) {
          throw new DecodeException("too many votes: " + count + " (at most " + MAX_VOTES + ")");
        }
        List<Asset.VoteEntry> votes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          // ARK reads "+" when the low hex digit of the flag byte is 1; re-serialised canonically
          boolean add = (r.u8("vote flag") & 0x0f) == 1;
          votes.add(new Asset.VoteEntry(add, Bytes.read(r, 33, "vote public key")));
        }
        return none(new Asset.Vote(votes));
      }
      case MULTI_SIGNATURE -> {
        int min = r.u8("multi-signature min");
        int count = r.u8("multi-signature key count");
        int lifetime = version == 1 ? r.u8("multi-signature lifetime") : 0;
        if (count > MAX_MULTISIG_KEYS) {
          throw new DecodeException(
              "too many multi-signature keys: " + count + " (at most " + MAX_MULTISIG_KEYS + ")");
        }
        List<Bytes> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          keys.add(Bytes.read(r, 33, "multi-signature key"));
        }
        return none(
            version == 1
                ? new Asset.MultiSignatureLegacy(min, lifetime, keys)
                : new Asset.MultiSignature(min, keys));
      }
      case IPFS -> {
        int start = r.position();
        r.u8("ipfs hash function");
        int length = r.u8("ipfs digest length");
        r.skip(length, "ipfs digest");
        return none(new Asset.Ipfs(Bytes.of(r.array(), start, 2 + length)));
      }
      case MULTI_PAYMENT -> {
        int count = r.u16("payment count");
        if (count > ctx.milestone().multiPaymentLimit()) {
          throw new DecodeException(
              "too many payments: "
                  + count
                  + " (multiPaymentLimit "
                  + ctx.milestone().multiPaymentLimit()
                  + ")");
        }
        if ((long) count * 29 > r.remaining()) {
          throw new DecodeException("truncated input: " + count + " payments do not fit");
        }
        List<Asset.Payment> payments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          long amount = r.u63("payment amount");
          payments.add(new Asset.Payment(amount, recipient(r, ctx, "payment recipient")));
        }
        return none(new Asset.MultiPayment(payments));
      }
      case DELEGATE_RESIGNATION -> {
        return none(new Asset.DelegateResignation());
      }
      case HTLC_LOCK -> {
        long amount = r.u63("lock amount");
        Bytes secretHash = Bytes.read(r, 32, "lock secret hash");
        int expirationType = r.u8("lock expiration type");
        long expirationValue = r.u32("lock expiration value");
        Bytes recipient = recipient(r, ctx, "lock recipient");
        return new Decoded(
            new Asset.HtlcLock(secretHash, expirationType, expirationValue, recipient), amount);
      }
      case HTLC_CLAIM -> {
        Bytes lockId = Bytes.read(r, 32, "claim lock transaction id");
        return none(new Asset.HtlcClaim(lockId, Bytes.read(r, 32, "claim unlock secret")));
      }
      case HTLC_REFUND -> {
        return none(new Asset.HtlcRefund(Bytes.read(r, 32, "refund lock transaction id")));
      }
    }
    throw new DecodeException("unknown transaction type " + type);
  }

  private static Decoded none(Asset asset) {
    return new Decoded(asset, 0);
  }

  /** ARK fails the id computation for a recipient of another network; we fail at decoding. */
  private static Bytes recipient(ByteReader r, TxContext ctx, String what) throws DecodeException {
    Bytes payload = Bytes.read(r, 21, what);
    if (payload.get(0) != ctx.pubKeyHash()) {
      throw new DecodeException(
          what + " belongs to network " + payload.get(0) + ", expected " + ctx.pubKeyHash());
    }
    return payload;
  }

  /**
   * Decodes UTF-8 as Node's Buffer.toString does (malformed sequences become U+FFFD), so the id is
   * computed over the same canonical text as ARK's.
   */
  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
