package com.osmosecollective.node.genesis.spec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code osmose genesis create} makes a network from: identity, timing, delegates, premine
 * distribution, reward table and fees. Amounts are in arktoshi (1 coin = 10^8). Read from YAML by
 * {@link GenesisSpecReader}, which resolves percentages to amounts and checks every rule below.
 *
 * @param seed the secret every genesis key is derived from (see {@link SeedKeys}); null when the
 *     spec leaves it to the command line
 */
public record GenesisSpec(
    String seed,
    Identity network,
    Instant epoch,
    int blocktime,
    Delegates delegates,
    long premine,
    List<Allocation> distribution,
    List<RewardStep> rewards,
    Map<String, Long> fees,
    BlockLimits block) {

  /** ARK's static fee names, in the order its milestones list them; a spec gives every one. */
  public static final List<String> FEE_NAMES =
      List.of(
          "transfer",
          "secondSignature",
          "delegateRegistration",
          "vote",
          "multiSignature",
          "ipfs",
          "multiPayment",
          "delegateResignation",
          "htlcLock",
          "htlcClaim",
          "htlcRefund");

  public GenesisSpec {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(delegates, "delegates");
    distribution = List.copyOf(distribution);
    rewards = List.copyOf(rewards);
    fees = Map.copyOf(fees);
    Objects.requireNonNull(block, "block");
  }

  /** The same spec with another seed (the command line's {@code --seed-file}). */
  public GenesisSpec withSeed(String newSeed) {
    return new GenesisSpec(
        newSeed, network, epoch, blocktime, delegates, premine, distribution, rewards, fees, block);
  }

  /** Who the network is: names, address and WIF bytes. */
  public record Identity(
      String name,
      String token,
      String symbol,
      int pubKeyHash,
      int wif,
      String messagePrefix,
      String explorer) {}

  /**
   * The genesis delegates.
   *
   * @param usernamePrefix delegate {@code n} is {@code <prefix><n>}
   * @param balance what each delegate receives in the genesis block (part of the premine)
   * @param selfVote whether each delegate votes for itself in the genesis block
   */
  public record Delegates(int count, String usernamePrefix, long balance, boolean selfVote) {}

  /**
   * One premine wallet.
   *
   * @param percent the share of the premine the spec asked for, or null for an amount or the rest
   */
  public record Allocation(String name, long amount, BigDecimal percent) {}

  /** The block reward from {@code height} on. */
  public record RewardStep(long height, long reward) {}

  /** Block limits of the first milestone. */
  public record BlockLimits(int maxTransactions, long maxPayload) {}
}
