package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.consensus.BlockTimestampLookup;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;

/** Block timestamps from the chain database, for slot spans around blocktime milestones. */
final class StoredTimestamps implements BlockTimestampLookup {
  private final ChainQueries queries;

  StoredTimestamps(ChainQueries queries) {
    this.queries = queries;
  }

  @Override
  public long timestampOf(long height) {
    if (height == 1) {
      return 0;
    }
    return queries
        .block(height)
        .map(BlockData::timestamp)
        .orElseThrow(() -> new IllegalStateException("no committed block at height " + height));
  }
}
