package com.osmosecollective.node.api;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.RewardSchedule;
import com.osmosecollective.node.consensus.SupplyCalculator;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;

/**
 * The supply at a height as ARK's supply calculator gives it: the stored genesis block's total
 * amount plus every reward up to the height (consensus-dpos's {@link SupplyCalculator}).
 */
final class ChainSupply {
  private final ChainQueries queries;
  private final RewardSchedule rewards;

  ChainSupply(Network network, ChainQueries queries) {
    this.queries = queries;
    this.rewards = new RewardSchedule(network.milestones());
  }

  /** 0 before the genesis block is stored. */
  long at(long height) {
    long genesisAmount = queries.block(1).map(BlockData::totalAmount).orElse(0L);
    return new SupplyCalculator(genesisAmount, rewards).supplyAt(height);
  }
}
