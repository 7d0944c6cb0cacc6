package com.osmosecollective.node.api;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.block.BlockTotals;
import com.osmosecollective.node.core.block.PayloadHash;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;

/** Blocks the recorded chain does not hold, for rules the samples cannot show. */
final class SyntheticBlocks {
  /** A well-formed DER signature (from the recorded block 7); nothing here checks signatures. */
  static final String SIGNATURE =
      "304402204b3491f660534d4a058d56e1f66a3fe5a02922110334ea8b5e40e605abdf606b022055f047b5b84269cdc1c9a4ccd11f457808f1cfd05a385fa0934a89c5bd012d52";

  private static final String GENERATOR =
      "034776bd6080a504b0f84f8d66b16af292dc253aa5f4be8b807746a82aa383bd3c";

  private SyntheticBlocks() {}

  static Block unsigned(Network network, long height, List<Transaction> txs)
      throws DecodeException {
    BlockTotals totals = BlockTotals.of(txs);
    BlockHeader header =
        new BlockHeader(
            0,
            305756512,
            height,
            "11774223628031260757",
            txs.size(),
            totals.amount(),
            totals.fee(),
            0,
            32L * txs.size(),
            PayloadHash.ofIds(txs),
            Hex.decode(GENERATOR),
            Hex.decode(SIGNATURE));
    return new Block(header, txs, new BlockCodec(network).headers().id(header));
  }
}
