package com.osmosecollective.node.p2p.codec;

import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.message.WireBlockHeader;
import com.osmosecollective.node.p2p.proto.SharedProto;

/**
 * Fields 1 to 15 of {@code shared.BlockHeader}. Text fields are set when non-null, numbers always,
 * as ARK's block data has them; protobuf-java then writes them in field order as protobufjs does.
 */
final class WireBlockHeaderCodec {
  private WireBlockHeaderCodec() {}

  static SharedProto.BlockHeader.Builder write(WireBlockHeader h) {
    SharedProto.BlockHeader.Builder b = SharedProto.BlockHeader.newBuilder();
    if (h.id() != null) {
      b.setId(h.id());
    }
    if (h.idHex() != null) {
      b.setIdHex(h.idHex());
    }
    b.setVersion((int) h.version()).setTimestamp((int) h.timestamp());
    if (h.previousBlock() != null) {
      b.setPreviousBlock(h.previousBlock());
    }
    if (h.previousBlockHex() != null) {
      b.setPreviousBlockHex(h.previousBlockHex());
    }
    b.setHeight((int) h.height())
        .setNumberOfTransactions((int) h.numberOfTransactions())
        .setTotalAmount(DecimalAmount.format(h.totalAmount(), "totalAmount"))
        .setTotalFee(DecimalAmount.format(h.totalFee(), "totalFee"))
        .setReward(DecimalAmount.format(h.reward(), "reward"))
        .setPayloadLength((int) h.payloadLength());
    if (h.payloadHash() != null) {
      b.setPayloadHash(h.payloadHash());
    }
    if (h.generatorPublicKey() != null) {
      b.setGeneratorPublicKey(h.generatorPublicKey());
    }
    if (h.blockSignature() != null) {
      b.setBlockSignature(h.blockSignature());
    }
    return b;
  }

  static WireBlockHeader read(SharedProto.BlockHeader h) throws DecodeException {
    return new WireBlockHeader(
        h.hasId() ? text(h.getId(), "id") : null,
        h.hasIdHex() ? text(h.getIdHex(), "idHex") : null,
        Integer.toUnsignedLong(h.getVersion()),
        Integer.toUnsignedLong(h.getTimestamp()),
        h.hasPreviousBlock() ? text(h.getPreviousBlock(), "previousBlock") : null,
        h.hasPreviousBlockHex() ? text(h.getPreviousBlockHex(), "previousBlockHex") : null,
        Integer.toUnsignedLong(h.getHeight()),
        Integer.toUnsignedLong(h.getNumberOfTransactions()),
        DecimalAmount.parse(h.hasTotalAmount() ? h.getTotalAmount() : null, "totalAmount"),
        DecimalAmount.parse(h.hasTotalFee() ? h.getTotalFee() : null, "totalFee"),
        DecimalAmount.parse(h.hasReward() ? h.getReward() : null, "reward"),
        Integer.toUnsignedLong(h.getPayloadLength()),
        h.hasPayloadHash() ? text(h.getPayloadHash(), "payloadHash") : null,
        h.hasGeneratorPublicKey() ? text(h.getGeneratorPublicKey(), "generatorPublicKey") : null,
        h.hasBlockSignature() ? text(h.getBlockSignature(), "blockSignature") : null);
  }

  private static String text(String value, String what) throws DecodeException {
    return Protobuf.text(value, "block header " + what);
  }
}
