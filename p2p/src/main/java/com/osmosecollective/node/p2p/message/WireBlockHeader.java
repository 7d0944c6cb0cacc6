package com.osmosecollective.node.p2p.message;

/**
 * The block header as ARK sends it in {@code getStatus} and {@code getBlocks} (fields 1 to 15).
 * Amounts are arktoshi (decimal strings on the wire). A text field is null when it was absent:
 * {@code getBlocks} sends no {@code idHex}/{@code previousBlockHex}, a genesis header has no {@code
 * previousBlock}; the encoder writes exactly the non-null ones, as protobufjs does.
 */
public record WireBlockHeader(
    String id,
    String idHex,
    long version,
    long timestamp,
    String previousBlock,
    String previousBlockHex,
    long height,
    long numberOfTransactions,
    long totalAmount,
    long totalFee,
    long reward,
    long payloadLength,
    String payloadHash,
    String generatorPublicKey,
    String blockSignature) {

  /** The same header without the two hex fields, as {@code getBlocks} sends it. */
  public WireBlockHeader withoutHexFields() {
    return new WireBlockHeader(
        id,
        null,
        version,
        timestamp,
        previousBlock,
        null,
        height,
        numberOfTransactions,
        totalAmount,
        totalFee,
        reward,
        payloadLength,
        payloadHash,
        generatorPublicKey,
        blockSignature);
  }
}
