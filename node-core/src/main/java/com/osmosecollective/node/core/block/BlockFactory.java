package com.osmosecollective.node.core.block;

import com.osmosecollective.node.core.crypto.Ecdsa;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;

/** Makes and signs blocks, as a forger or a genesis tool does (spec §5.4–§5.6). */
public final class BlockFactory {
  private final BlockCodec codec;

  public BlockFactory(BlockCodec codec) {
    this.codec = codec;
  }

  /**
   * A signed block over {@code transactions}, with totals, payloadHash (over the ids) and
   * payloadLength (32 per transaction) as ARK's forger writes them.
   */
  public Block make(
      long height,
      long timestamp,
      String previousBlock,
      long reward,
      List<Transaction> transactions,
      PrivateKey generator)
      throws DecodeException {
    BlockTotals totals = BlockTotals.of(transactions);
    BlockHeader unsigned =
        new BlockHeader(
            codec.headers().milestoneVersion(height),
            timestamp,
            height,
            previousBlock,
            transactions.size(),
            totals.amount(),
            totals.fee(),
            reward,
            32L * transactions.size(),
            PayloadHash.ofIds(transactions),
            generator.publicKey(),
            null);
    return sign(unsigned, transactions, generator);
  }

  /**
   * A genesis block: height 1, no predecessor, reward 0, payloadHash over the transactions' full
   * bytes (the future nethash), id by the generators' unsigned-header rule.
   */
  public Block makeGenesis(long timestamp, List<Transaction> transactions, PrivateKey generator)
      throws DecodeException {
    BlockTotals totals = BlockTotals.of(transactions);
    BlockHeader unsigned =
        new BlockHeader(
            codec.headers().milestoneVersion(1),
            timestamp,
            1,
            null,
            transactions.size(),
            totals.amount(),
            totals.fee(),
            0,
            PayloadHash.genesisLength(transactions),
            PayloadHash.ofGenesis(transactions),
            generator.publicKey(),
            null);
    return sign(unsigned, transactions, generator);
  }

  private Block sign(BlockHeader unsigned, List<Transaction> transactions, PrivateKey generator)
      throws DecodeException {
    byte[] signature = Ecdsa.sign(codec.headers().signingDigest(unsigned), generator);
    BlockHeader signed = unsigned.withSignature(signature);
    return new Block(signed, transactions, codec.idOf(signed));
  }
}
