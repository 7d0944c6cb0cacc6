package com.osmosecollective.node.consensus;

import com.osmosecollective.node.core.crypto.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The deterministic forging order of a round (ARK {@code round-state.ts shuffleDelegates}).
 *
 * <p>The seed is sha256 of the round number in decimal ASCII and is re-hashed after every four
 * swaps. ARK's inner loop advances the position too, and the outer loop then advances it once more,
 * so every fifth position (4, 9, 14, ...) is skipped as a swap source. This quirk is part of
 * consensus and is reproduced on purpose.
 */
public final class DelegateShuffle {
  private static final int SWAPS_PER_SEED = 4;

  private DelegateShuffle() {}

  /** The forging order of round {@code round}, given its delegates in rank order. */
  public static <T> List<T> forgingOrder(long round, List<T> rankedDelegates) {
    List<T> order = new ArrayList<>(rankedDelegates);
    int count = order.size();
    byte[] seed = Hashes.sha256(Long.toString(round).getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < count; i++) {
      for (int x = 0; x < SWAPS_PER_SEED && i < count; i++, x++) {
        int target = Byte.toUnsignedInt(seed[x]) % count;
        Collections.swap(order, i, target);
      }
      seed = Hashes.sha256(seed);
    }
    return Collections.unmodifiableList(order);
  }
}
