package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.crypto.Secp256k1;
import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.Bytes;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * ARK 3's strict transaction schema (spec §7.2–7.3), checked on the model. Address formats and
 * wire-level sizes are already guaranteed by the decoders; what remains are the value rules.
 */
public final class TransactionSchema {
  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9!@$&_.]{1,20}$");
  private static final int MAX_PARTICIPANTS = 16;

  private TransactionSchema() {}

  /** Checks an ordinary transaction. */
  public static void check(Transaction tx, TxContext ctx) throws TransactionSchemaException {
    check(tx, ctx, false);
  }

  /**
   * Checks a transaction; {@code genesis} applies ARK's bypassGenesis (fee and amount may be 0 for
   * the genesis block's transactions).
   */
  public static void check(Transaction tx, TxContext ctx, boolean genesis)
      throws TransactionSchemaException {
    if (tx.network() != ctx.pubKeyHash()) {
      fail("network", "must be " + ctx.pubKeyHash() + ", got " + tx.network());
    }
    if (tx.signature() == null && tx.signatures().isEmpty()) {
      fail("signature", "a signature or multi-signatures are required");
    }
    if (tx.vendorField() != null
        && TransactionSerializer.utf8(tx.vendorField()).length
            > ctx.milestone().vendorFieldLength()) {
      fail("vendorField", "longer than " + ctx.milestone().vendorFieldLength() + " bytes");
    }
    checkSignatureList(tx);
    checkFeeAndAmount(tx, genesis);
    checkAsset(tx, ctx);
  }

  private static void checkSignatureList(Transaction tx) throws TransactionSchemaException {
    List<Bytes> signatures = tx.signatures();
    if (signatures.isEmpty()) {
      return;
    }
    if (signatures.size() > MAX_PARTICIPANTS) {
      fail("signatures", "at most " + MAX_PARTICIPANTS + " entries");
    }
    if (new HashSet<>(signatures).size() != signatures.size()) {
      fail("signatures", "entries must be unique");
    }
  }

  private static void checkFeeAndAmount(Transaction tx, boolean genesis)
      throws TransactionSchemaException {
    TransactionType type = tx.type();
    if (type == TransactionType.HTLC_CLAIM || type == TransactionType.HTLC_REFUND) {
      if (tx.fee() != 0) {
        fail("fee", "must be 0 for " + type.feeKey());
      }
    } else if (tx.fee() < 1 && !genesis) {
      fail("fee", "must be at least 1");
    }
    if (type == TransactionType.TRANSFER || type == TransactionType.HTLC_LOCK) {
      boolean bypass = genesis && type == TransactionType.TRANSFER;
      if (tx.amount() < 1 && !bypass) {
        fail("amount", "must be at least 1");
      }
    } else if (tx.amount() != 0) {
      fail("amount", "must be 0 for " + type.feeKey());
    }
  }

  private static void checkAsset(Transaction tx, TxContext ctx) throws TransactionSchemaException {
    Asset asset = tx.asset();
    if (asset instanceof Asset.SecondSignature s) {
      if (tx.secondSignature() != null) {
        fail("secondSignature", "must be absent on a second-signature registration");
      }
      validKey(s.publicKey(), "asset.signature.publicKey");
    } else if (asset instanceof Asset.DelegateRegistration d) {
      if (!USERNAME.matcher(d.username()).matches()) {
        fail("asset.delegate.username", "must be 1-20 characters of [a-z0-9!@$&_.]");
      }
    } else if (asset instanceof Asset.Vote v) {
      if (v.votes().isEmpty() || v.votes().size() > 2) {
        fail("asset.votes", "must hold 1 or 2 votes");
      }
    } else if (asset instanceof Asset.MultiSignature m) {
      checkKeys(m.publicKeys(), "asset.multiSignature.publicKeys");
      if (m.min() < 1 || m.min() > m.publicKeys().size()) {
        fail("asset.multiSignature.min", "must be within 1..number of keys");
      }
      int count = tx.signatures().size();
      if (count < m.min() || count > m.publicKeys().size()) {
        fail("signatures", "a registration needs min..number of keys participant signatures");
      }
    } else if (asset instanceof Asset.MultiSignatureLegacy m) {
      checkKeys(m.keysgroup(), "asset.multiSignatureLegacy.keysgroup");
      if (m.min() < 1 || m.min() > m.keysgroup().size()) {
        fail("asset.multiSignatureLegacy.min", "must be within 1..number of keys");
      }
      if (m.lifetime() < 1 || m.lifetime() > 72) {
        fail("asset.multiSignatureLegacy.lifetime", "must be within 1..72");
      }
      if (tx.signatures().size() != 1) {
        fail("signatures", "a legacy registration carries exactly one signatures entry");
      }
    } else if (asset instanceof Asset.Ipfs i) {
      int length = Base58.encode(i.multihash().toArray()).length();
      if (length < 2 || length > 90) {
        fail("asset.ipfs", "must be 2-90 base58 characters");
      }
    } else if (asset instanceof Asset.MultiPayment mp) {
      int limit = ctx.milestone().multiPaymentLimit();
      if (mp.payments().size() < 2) {
        fail("asset.payments", "needs at least 2 payments");
      }
      if (mp.payments().size() > limit) {
        fail("asset.payments", "more than multiPaymentLimit " + limit);
      }
      for (int i = 0; i < mp.payments().size(); i++) {
        if (mp.payments().get(i).amount() < 1) {
          fail("asset.payments[" + i + "].amount", "must be at least 1");
        }
      }
    } else if (asset instanceof Asset.HtlcLock l) {
      if (l.expirationType() != 1 && l.expirationType() != 2) {
        fail("asset.lock.expiration.type", "must be 1 (timestamp) or 2 (height)");
      }
    }
  }

  private static void checkKeys(List<Bytes> keys, String field) throws TransactionSchemaException {
    if (keys.isEmpty() || keys.size() > MAX_PARTICIPANTS) {
      fail(field, "must hold 1-" + MAX_PARTICIPANTS + " keys");
    }
    if (new HashSet<>(keys).size() != keys.size()) {
      fail(field, "keys must be unique");
    }
    for (Bytes key : keys) {
      validKey(key, field + "[]");
    }
  }

  private static void validKey(Bytes key, String field) throws TransactionSchemaException {
    if (!Secp256k1.isValidPublicKey(key.toArray())) {
      fail(field, "not a valid compressed public key");
    }
  }

  private static void fail(String field, String reason) throws TransactionSchemaException {
    throw new TransactionSchemaException(field, reason);
  }
}
