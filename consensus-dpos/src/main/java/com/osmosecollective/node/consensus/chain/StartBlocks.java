package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.ChainTip;

/** The blocks the chain starts from: the network's genesis block and the stored tip. */
final class StartBlocks {
  private final Network network;
  private final ChainStore store;
  private final BlockCodec codec;

  StartBlocks(Network network, ChainStore store, BlockCodec codec) {
    this.network = network;
    this.store = store;
    this.codec = codec;
  }

  Block storedTip() {
    ChainTip tip = store.tip().orElseThrow(() -> new IllegalStateException("empty chain"));
    BlockData data =
        store
            .queries()
            .block(tip.height())
            .orElseThrow(() -> new IllegalStateException("tip block " + tip.height() + " missing"));
    try {
      return codec.decode(data.serialized());
    } catch (DecodeException e) {
      throw new IllegalStateException("stored block " + tip.height() + " does not decode", e);
    }
  }

  Block genesis() {
    if (!network.hasGenesisBlock()) {
      throw new IllegalStateException("network " + network.name() + " has no genesis block");
    }
    try {
      return new BlockJson(codec, network.pubKeyHash()).parse(network.genesisBlock());
    } catch (DecodeException e) {
      throw new IllegalStateException("the genesis block does not parse: " + e.getMessage(), e);
    }
  }
}
