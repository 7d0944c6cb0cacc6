package com.osmosecollective.node.config.settings;

import java.util.List;
import java.util.Optional;

/** What {@code osmose devnet} alone takes: the blocktime of a new devnet. */
public record DevnetSettings(Setting<Optional<Integer>> blocktime) {
  /**
   * A block is forged in the first floor(blocktime / 2) whole seconds of its slot (ARK's forging
   * window), which is empty below 2 s; on 2 s blocks it is used with 666 ms of the slot left
   * (consensus' ForgingMargin: ARK's 2000 ms from 6 s blocks up, a third of shorter ones).
   */
  public static final int MIN_BLOCKTIME = 2;

  /**
   * One hour, as {@code genesis create} allows: a round is 51 slots, so an hour-long slot already
   * makes a round last two days, and votes and registrations take effect only at the next round; a
   * devnet slower than that is of no use for trying things out.
   */
  public static final int MAX_BLOCKTIME = 3600;

  public static final SettingKey<Optional<Integer>> BLOCKTIME =
      SettingKey.of(
          "devnet.blocktime",
          "--blocktime",
          "OSMOSE_BLOCKTIME",
          text ->
              Optional.of(
                  Parsers.integer(
                          MIN_BLOCKTIME,
                          MAX_BLOCKTIME,
                          " s (from 2 s a block can be forged in the first half of its slot;"
                              + " above an hour a 51-slot round lasts more than two days)")
                      .parse(text)));

  public static List<SettingKey<?>> keys() {
    return List.of(BLOCKTIME);
  }

  public static DevnetSettings resolve(SettingsSources sources) {
    return new DevnetSettings(
        sources.resolve(BLOCKTIME, Optional.empty(), "20 s, or the devnet's"));
  }
}
