package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.encoding.ByteWriter;
import com.osmosecollective.node.core.encoding.Bytes;
import java.nio.charset.StandardCharsets;

/** Writes the wire form of a transaction (spec §3.2 v2, §3.3 v1) and its signing preimages. */
public final class TransactionSerializer {
  /** Marker that opens every serialized transaction, and the v1 multi-signature block. */
  static final int MARKER = 0xff;

  private TransactionSerializer() {}

  /** The full wire bytes (the cached {@link Transaction#serialized()} is cheaper). */
  public static byte[] serialize(Transaction tx) {
    return tx.serialized();
  }

  /** The wire bytes restricted to the given signature fields. */
  public static byte[] serialize(Transaction tx, SignatureSelection selection) {
    ByteWriter w = new ByteWriter(192);
    w.u8(MARKER).u8(tx.version()).u8(tx.network());
    if (tx.version() == 1) {
      w.u8(tx.type().code()).u32(tx.timestamp());
    } else {
      w.u32(tx.typeGroup()).u16(tx.type().code()).u64(tx.nonce());
    }
    tx.senderPublicKey().writeTo(w);
    w.u64(tx.fee());
    if (tx.type().hasVendorField() && tx.vendorField() != null) {
      byte[] vf = utf8(tx.vendorField());
      w.u8(vf.length).bytes(vf);
    } else {
      w.u8(0);
    }
    AssetCodec.write(tx, w);
    if (selection.signature && tx.signature() != null) {
      tx.signature().writeTo(w);
    }
    if (selection.secondSignature && tx.secondSignature() != null) {
      tx.secondSignature().writeTo(w);
    }
    if (selection.participants && !tx.signatures().isEmpty()) {
      if (tx.version() == 1) {
        w.u8(MARKER);
      }
      for (Bytes s : tx.signatures()) {
        s.writeTo(w);
      }
    }
    return w.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
