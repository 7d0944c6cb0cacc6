package com.osmosecollective.node.p2p.message;

import com.osmosecollective.node.core.encoding.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a {@code getBlocks} answer: the header and the serialized transactions in block
 * order (empty when only headers were asked for).
 */
public record DownloadedBlock(WireBlockHeader header, List<Bytes> transactions) {
  /** ARK's decoder stops at 400 blocks per answer. */
  public static final int MAX_BLOCKS = 400;

  /** ARK's decoder limit of transactions per downloaded block. */
  public static final int DEFAULT_MAX_TRANSACTIONS = 500;

  public DownloadedBlock {
    Objects.requireNonNull(header, "header");
    transactions = List.copyOf(transactions);
  }
}
