package com.osmosecollective.node.core.block;

import com.osmosecollective.node.core.encoding.Hex;
import java.util.Arrays;
import java.util.Objects;

/**
 * The signed header of a block (spec §5.1). {@code previousBlock} is the predecessor's id as text
 * (decimal for legacy ids, 64 hex for full sha256 ids), {@code null} for a genesis block. {@code
 * blockSignature} is {@code null} only while a block is being forged.
 */
// hashes and signature are read on every verification; callers never
@SuppressWarnings("ArrayRecordComponent")
// mutate them
public record BlockHeader(
    int version,
    long timestamp,
    long height,
    String previousBlock,
    int numberOfTransactions,
    long totalAmount,
    long totalFee,
    long reward,
    long payloadLength,
    byte[] payloadHash,
    byte[] generatorPublicKey,
    byte[] blockSignature) {

  public BlockHeader {
    Objects.requireNonNull(payloadHash, "payloadHash");
    Objects.requireNonNull(generatorPublicKey, "generatorPublicKey");
    payloadHash = payloadHash.clone();
    generatorPublicKey = generatorPublicKey.clone();
    blockSignature = blockSignature == null ? null : blockSignature.clone();
  }

  @Override
  public byte[] payloadHash() {
    return payloadHash.clone();
  }

  @Override
  public byte[] generatorPublicKey() {
    return generatorPublicKey.clone();
  }

  @Override
  public byte[] blockSignature() {
    return blockSignature == null ? null : blockSignature.clone();
  }

  public BlockHeader withSignature(byte[] signature) {
    return new BlockHeader(
        version,
        timestamp,
        height,
        previousBlock,
        numberOfTransactions,
        totalAmount,
        totalFee,
        reward,
        payloadLength,
        payloadHash,
        generatorPublicKey,
        signature);
  }

  public String generatorPublicKeyHex() {
    return Hex.encode(generatorPublicKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockHeader h
        && version == h.version
        && timestamp == h.timestamp
        && height == h.height
        && Objects.equals(previousBlock, h.previousBlock)
        && numberOfTransactions == h.numberOfTransactions
        && totalAmount == h.totalAmount
        && totalFee == h.totalFee
        && reward == h.reward
        && payloadLength == h.payloadLength
        && Arrays.equals(payloadHash, h.payloadHash)
        && Arrays.equals(generatorPublicKey, h.generatorPublicKey)
        && Arrays.equals(blockSignature, h.blockSignature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(height, timestamp, previousBlock, Arrays.hashCode(payloadHash));
  }

  @Override
  public String toString() {
    return "BlockHeader[height="
        + height
        + ", timestamp="
        + timestamp
        + ", txs="
        + numberOfTransactions
        + "]";
  }
}
