package com.osmosecollective.node.consensus.chain;

import java.util.random.RandomGenerator;

/** How many blocks fork recovery removes after a double-forging (spec §3.5). */
@FunctionalInterface
public interface RollbackPolicy {
  int blocksToRemove(long tipHeight);

  /** ARK's choice without peer information: a random 4…102 blocks. */
  static RollbackPolicy arkRandom(RandomGenerator random) {
    return tip -> 4 + random.nextInt(99);
  }

  static RollbackPolicy fixed(int blocks) {
    return tip -> blocks;
  }
}
