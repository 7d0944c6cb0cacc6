package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import com.osmosecollective.node.p2p.proto.ProtoReader;
import com.osmosecollective.node.p2p.proto.ProtoWriter;

/**
 * Fields 1 to 15 of ARK's two BlockHeader messages ({@code
 * peer.GetStatusResponse.State.BlockHeader} and {@code blocks.GetBlocksResponse.BlockHeader}, which
 * adds field 16). Text fields are written when non-null, numbers always, in field order as
 * protobufjs does.
 */
final class WireBlockHeaderCodec {
  private WireBlockHeaderCodec() {}

  static void write(ProtoWriter out, WireBlockHeader h) {
    text(out, 1, h.id());
    text(out, 2, h.idHex());
    out.uint32(3, h.version());
    out.uint32(4, h.timestamp());
    text(out, 5, h.previousBlock());
    text(out, 6, h.previousBlockHex());
    out.uint32(7, h.height());
    out.uint32(8, h.numberOfTransactions());
    out.string(9, DecimalAmount.format(h.totalAmount(), "totalAmount"));
    out.string(10, DecimalAmount.format(h.totalFee(), "totalFee"));
    out.string(11, DecimalAmount.format(h.reward(), "reward"));
    out.uint32(12, h.payloadLength());
    text(out, 13, h.payloadHash());
    text(out, 14, h.generatorPublicKey());
    text(out, 15, h.blockSignature());
  }

  private static void text(ProtoWriter out, int field, String value) {
    if (value != null) {
      out.string(field, value);
    }
  }

  /** Collects fields 1 to 15 while the caller walks the message and handles any others. */
  static final class Reader {
    private String id;
    private String idHex;
    private long version;
    private long timestamp;
    private String previousBlock;
    private String previousBlockHex;
    private long height;
    private long numberOfTransactions;
    private String totalAmount;
    private String totalFee;
    private String reward;
    private long payloadLength;
    private String payloadHash;
    private String generatorPublicKey;
    private String blockSignature;

    /** Reads {@code field} if it is one of 1..15 and says whether it did. */
    boolean read(int field, ProtoReader r) throws DecodeException {
      switch (field) {
        case 1 -> id = text(r, "id");
        case 2 -> idHex = text(r, "idHex");
        case 3 -> version = r.uint32("version");
        case 4 -> timestamp = r.uint32("timestamp");
        case 5 -> previousBlock = text(r, "previousBlock");
        case 6 -> previousBlockHex = text(r, "previousBlockHex");
        case 7 -> height = r.uint32("height");
        case 8 -> numberOfTransactions = r.uint32("numberOfTransactions");
        case 9 -> totalAmount = text(r, "totalAmount");
        case 10 -> totalFee = text(r, "totalFee");
        case 11 -> reward = text(r, "reward");
        case 12 -> payloadLength = r.uint32("payloadLength");
        case 13 -> payloadHash = text(r, "payloadHash");
        case 14 -> generatorPublicKey = text(r, "generatorPublicKey");
        case 15 -> blockSignature = text(r, "blockSignature");
        default -> {
          return false;
        }
      }
      return true;
    }

    WireBlockHeader build() throws DecodeException {
      return new WireBlockHeader(
          id,
          idHex,
          version,
          timestamp,
          previousBlock,
          previousBlockHex,
          height,
          numberOfTransactions,
          DecimalAmount.parse(totalAmount, "block header totalAmount"),
          DecimalAmount.parse(totalFee, "block header totalFee"),
          DecimalAmount.parse(reward, "block header reward"),
          payloadLength,
          payloadHash,
          generatorPublicKey,
          blockSignature);
    }

    private static String text(ProtoReader r, String what) throws DecodeException {
      return r.string(WireLimits.MAX_TEXT_BYTES, "block header " + what);
    }
  }
}
