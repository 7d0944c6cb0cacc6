package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * ARK's legacy "getBytes" layout of a version 1 transaction (spec §3.6): the id preimage (with
 * signatures), the signing preimage (without) and, concatenated over the genesis transactions, the
 * genesis payloadHash preimage. Multi-signature {@code signatures} are never included.
 */
public final class LegacyBytes {
  private static final int VENDOR_FIELD_SLOT = 64;

  private LegacyBytes() {}

  /** The full legacy bytes, with the signature and second signature when present. */
  public static byte[] of(Transaction tx) {
    return of(tx, true, true);
  }

  public static byte[] of(Transaction tx, boolean withSignature, boolean withSecondSignature) {
    if (tx.version() != 1) {
      throw new IllegalArgumentException("legacy bytes exist for version 1 only");
    }
    ByteWriter w = new ByteWriter(256);
    w.u8(tx.type().code()).u32(tx.timestamp());
    tx.senderPublicKey().writeTo(w);
    writeRecipient(tx, w);
    if (tx.vendorField() != null) {
      byte[] vf = tx.vendorField().getBytes(StandardCharsets.UTF_8);
      w.bytes(vf);
      if (vf.length < VENDOR_FIELD_SLOT) {
        w.zeros(VENDOR_FIELD_SLOT - vf.length);
      }
    } else {
      w.zeros(VENDOR_FIELD_SLOT);
    }
    w.u64(tx.amount()).u64(tx.fee());
    writeAsset(tx.asset(), w);
    if (withSignature && tx.signature() != null) {
      tx.signature().writeTo(w);
    }
    if (withSecondSignature && tx.secondSignature() != null) {
      tx.secondSignature().writeTo(w);
    }
    return w.toByteArray();
  }

  /**
   * Transfers carry their recipient; v1 votes carry the sender's own address (ARK re-creates it
   * when parsing); every other type has 21 zero bytes. ARK mainnet's transactionIdFixTable (ids of
   * a few type 1/4 transactions hashed with the slot filled) is not modelled.
   */
  private static void writeRecipient(Transaction tx, ByteWriter w) {
    if (tx.asset() instanceof Asset.Transfer t) {
      t.recipient().writeTo(w);
    } else if (tx.asset() instanceof Asset.Vote) {
      w.bytes(Address.payloadFromPublicKey(tx.senderPublicKey().toArray(), tx.network()));
    } else {
      w.zeros(Asset.ADDRESS_LENGTH);
    }
  }

  private static void writeAsset(Asset asset, ByteWriter w) {
    if (asset instanceof Asset.SecondSignature s) {
      s.publicKey().writeTo(w);
    } else if (asset instanceof Asset.DelegateRegistration d) {
      w.bytes(d.username().getBytes(StandardCharsets.UTF_8));
    } else if (asset instanceof Asset.Vote v) {
      for (Asset.VoteEntry e : v.votes()) {
        w.bytes(e.text().getBytes(StandardCharsets.US_ASCII));
      }
    } else if (asset instanceof Asset.MultiSignatureLegacy m) {
      w.u8(m.min()).u8(m.lifetime());
      for (Bytes key : m.keysgroup()) {
        w.bytes(("+" + key.hex()).getBytes(StandardCharsets.US_ASCII));
      }
    }
  }
}
