package com.osmosecollective.node.api;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.block.BlockTotals;
import com.osmosecollective.node.core.block.PayloadHash;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockCommit;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.RoundDelegates;
import com.osmosecollective.node.storage.TxData;
import com.osmosecollective.node.storage.WalletChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Commits chained blocks, 8 seconds apart, forged by one delegate, into a real {@link ChainStore}:
 * the chain the HTTP tests read.
 */
final class StoredChain {
  static final String KEY = "03287bfebba4c7881a0509717e71b34b63f31e40021c321f89ae04f84be6d6ac37";
  static final String ADDRESS = "ANBkoGqWeTSiaEVgVzSKZd3jS7UWzv9PSo";
  private static final long FIRST_TIMESTAMP = 305756400;

  private final Network network;
  private final ChainStore store;
  private final BlockCodec codec;
  private final SampleChain samples;
  private final List<BlockData> blocks = new ArrayList<>();

  StoredChain(Network network, ChainStore store) {
    this.network = network;
    this.store = store;
    this.codec = new BlockCodec(network);
    this.samples = new SampleChain(network);
  }

  /** Commits the next block with {@code txs} and the wallets it changes. */
  BlockData commit(List<Transaction> txs, List<Wallet> changed) throws Exception {
    return commit(txs, changed, 0, null);
  }

  /**
   * Commits a genesis block whose header declares {@code totalAmount} (ARK's premine; nothing here
   * checks it against transactions) and a first round.
   */
  BlockData commitGenesis(long totalAmount, List<Wallet> wallets, RoundDelegates round)
      throws Exception {
    if (!blocks.isEmpty()) {
      throw new IllegalStateException("the chain has its genesis block");
    }
    return commit(List.of(), wallets, totalAmount, round);
  }

  private BlockData commit(
      List<Transaction> txs, List<Wallet> changed, long extraAmount, RoundDelegates round)
      throws Exception {
    long height = blocks.size() + 1;
    String previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1).id();
    BlockTotals totals = BlockTotals.of(txs);
    BlockHeader header =
        new BlockHeader(
            0,
            FIRST_TIMESTAMP + 8 * (height - 1),
            height,
            previous,
            txs.size(),
            Math.addExact(totals.amount(), extraAmount),
            totals.fee(),
            0,
            txs.stream().mapToLong(t -> t.serialized().length).sum(),
            PayloadHash.ofIds(txs),
            Hex.decode(KEY),
            Hex.decode(SyntheticBlocks.SIGNATURE));
    Block block = new Block(header, txs, codec.headers().id(header));
    BlockData data = samples.blockData(block);
    List<TxData> records = new ArrayList<>();
    for (Transaction tx : txs) {
      records.add(samples.stored(tx, block, height).tx());
    }
    List<WalletChange> changes = new ArrayList<>();
    changed.forEach(w -> changes.add(WalletChange.put(w)));
    store.commit(new BlockCommit(data, records, changes, round));
    blocks.add(data);
    return data;
  }

  BlockData block(long height) {
    return blocks.get((int) height - 1);
  }

  long tip() {
    return blocks.size();
  }

  Network network() {
    return network;
  }
}
