package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.encoding.ByteReader;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one transaction from its wire bytes (spec §3.2–3.5), the way ARK's deserializer does,
 * including its Schnorr/ECDSA guess for the signature section. Everything is bounded before it is
 * allocated and every failure is a {@link DecodeException}. Checks ARK makes later but that need no
 * state are made here already where they concern the bytes themselves: the version against the
 * milestone (ARK: same step), the network byte of recipients (ARK: id step), vendorField length,
 * vote, key, payment and participant counts (ARK: schema step).
 */
public final class TransactionDecoder {
  private static final int SCHNORR_LENGTH = 64;
  private static final int PARTICIPANT_LENGTH = 65;
  private static final int MAX_PARTICIPANT_SIGNATURES = 16;

  private TransactionDecoder() {}

  public static Transaction decode(byte[] bytes, TxContext ctx) throws DecodeException {
    return decode(bytes, 0, bytes.length, ctx);
  }

  public static Transaction decodeHex(String hex, TxContext ctx) throws DecodeException {
    return decode(Hex.decode(hex), ctx);
  }

  /**
   * Decodes exactly {@code length} bytes at {@code offset} as one transaction (the block decoder
   * knows each length from the block's table). The id is computed once, over the canonical
   * re-serialisation.
   */
  public static Transaction decode(byte[] bytes, int offset, int length, TxContext ctx)
      throws DecodeException {
    try {
      return read(bytes, offset, length, ctx);
    } catch (IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException e) {
      // the model's own invariants, reached only through a gap in the checks above
      throw new DecodeException("invalid transaction: " + e.getMessage());
    }
  }

  private static Transaction read(byte[] bytes, int offset, int length, TxContext ctx)
      throws DecodeException {
    ByteReader r;
    try {
      r = new ByteReader(bytes, offset, length);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("transaction slice is outside the buffer");
    }
    int marker = r.u8("marker");
    if (marker != TransactionSerializer.MARKER) {
      throw new DecodeException("transaction must start with 0xff, got " + marker);
    }
    int version = r.u8("version");
    if (version != 1 && version != 2) {
      throw new DecodeException("unknown transaction version " + version);
    }
    if (!TransactionRules.supportsVersion(ctx.milestone(), version)) {
      throw new DecodeException("version " + version + " not supported at this height");
    }
    int network = r.u8("network");
    Transaction.Builder b = Transaction.builder().version(version).network(network);
    int typeCode;
    if (version == 1) {
      typeCode = r.u8("type");
      b.timestamp(r.u32("timestamp"));
    } else {
      long typeGroup = r.u32("typeGroup");
      typeCode = r.u16("type");
      if (typeGroup != TransactionType.CORE_TYPE_GROUP) {
        throw new DecodeException("unknown transaction type " + typeGroup + "/" + typeCode);
      }
      b.nonce(r.u63("nonce"));
    }
    TransactionType type =
        TransactionType.fromCode(typeCode)
            .filter(t -> version == 2 || t.existsInVersion1())
            .orElseThrow(() -> new DecodeException("unknown transaction type Core/" + typeCode));
    b.senderPublicKey(Bytes.read(r, 33, "sender public key"));
    b.fee(r.u63("fee"));
    readVendorField(r, type, ctx, b);
    AssetCodec.Decoded asset = AssetCodec.read(type, version, r, ctx);
    b.asset(asset.asset()).amount(asset.amount());
    if (version == 1) {
      readEcdsa(r, true, b);
    } else if (looksLikeSchnorr(r.remaining())) {
      readSchnorr(r, b);
    } else {
      readEcdsa(r, false, b);
    }
    return b.build();
  }

  private static void readVendorField(
      ByteReader r, TransactionType type, TxContext ctx, Transaction.Builder b)
      throws DecodeException {
    int length = r.u8("vendorField length");
    if (length == 0) {
      return;
    }
    if (length > ctx.milestone().vendorFieldLength()) {
      throw new DecodeException(
          "vendorField is "
              + length
              + " bytes, the limit is "
              + ctx.milestone().vendorFieldLength());
    }
    if (type.hasVendorField()) {
      b.vendorField(AssetCodec.utf8(r.bytes(length, "vendorField")));
    } else {
      // ARK skips a vendorField on types without one; it is not part of the canonical form
      r.skip(length, "vendorField");
    }
  }

  /** ARK's guess: 64/128 bytes, or a multiple of 65 (after 0, 64 or 128 bytes), is Schnorr. */
  static boolean looksLikeSchnorr(int remaining) {
    return remaining == 64
        || remaining == 128
        || remaining % 65 == 0
        || (remaining - 64) % 65 == 0
        || (remaining - 128) % 65 == 0;
  }

  private static boolean canReadSingleSchnorr(int remaining) {
    return remaining > 0 && (remaining % 64 == 0 || remaining % 65 != 0);
  }

  private static void readSchnorr(ByteReader r, Transaction.Builder b) throws DecodeException {
    if (canReadSingleSchnorr(r.remaining())) {
      b.signature(Bytes.read(r, SCHNORR_LENGTH, "signature"));
    }
    if (canReadSingleSchnorr(r.remaining())) {
      b.secondSignature(Bytes.read(r, SCHNORR_LENGTH, "second signature"));
    }
    if (!r.hasRemaining()) {
      return;
    }
    if (r.remaining() % PARTICIPANT_LENGTH != 0) {
      throw new DecodeException("signature buffer not exhausted");
    }
    int count = r.remaining() / PARTICIPANT_LENGTH;
    if (count > MAX_PARTICIPANT_SIGNATURES) {
      throw new DecodeException(
          "too many multi-signatures: " + count + " (at most " + MAX_PARTICIPANT_SIGNATURES + ")");
    }
    boolean[] seen = new boolean[256];
    List<Bytes> signatures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = r.peekU8("participant index");
      if (seen[index]) {
        throw new DecodeException("duplicate participant " + index + " in multi-signature");
      }
      seen[index] = true;
      signatures.add(Bytes.read(r, PARTICIPANT_LENGTH, "participant signature"));
    }
    b.signatures(signatures);
  }

  private static void readEcdsa(ByteReader r, boolean version1, Transaction.Builder b)
      throws DecodeException {
    if (r.hasRemaining()) {
      b.signature(Bytes.read(r, derLength(r), "signature"));
    }
    if (r.hasRemaining() && r.peekU8("marker") != TransactionSerializer.MARKER) {
      b.secondSignature(Bytes.read(r, derLength(r), "second signature"));
    }
    if (r.hasRemaining() && r.peekU8("marker") == TransactionSerializer.MARKER) {
      if (!version1) {
        // ARK would keep the rest as one opaque string that can never verify; refuse it now
        throw new DecodeException("legacy multi-signature block in a version 2 transaction");
      }
      r.skip(1, "marker");
      if (!r.hasRemaining()) {
        throw new DecodeException("empty legacy multi-signature block");
      }
      b.signatures(List.of(Bytes.read(r, r.remaining(), "legacy multi-signatures")));
    }
    if (r.hasRemaining()) {
      throw new DecodeException("signature buffer not exhausted");
    }
  }

  /** A DER signature's total length: its second byte plus the two header bytes. */
  private static int derLength(ByteReader r) throws DecodeException {
    return r.peekU8(1, "signature length") + 2;
  }
}
