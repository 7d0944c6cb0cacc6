package com.osmosecollective.node.funding.proposal;

import java.util.List;
import java.util.Objects;

/**
 * A validated proposal document (schema: {@code proposal.schema.json}).
 *
 * @param split the recipients in document order; exactly one is the voters' share
 * @param minimumPayout arktoshi
 */
public record Proposal(
    String title,
    String description,
    List<Mission> missions,
    List<Share> split,
    PayoutPeriod payoutPeriod,
    long minimumPayout) {

  /** Percentages are held in basis points (hundredths of a percent): 100 % = 10,000. */
  public static final int WHOLE = 10_000;

  public Proposal {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    missions = List.copyOf(missions);
    split = List.copyOf(split);
    Objects.requireNonNull(payoutPeriod, "payoutPeriod");
    if (split.stream().mapToInt(Share::basisPoints).sum() != WHOLE
        || split.stream().filter(Share::isVoters).count() != 1) {
      throw new IllegalArgumentException("a split sums to 100 % with one voters' share");
    }
  }

  public record Mission(String name, String description, String url) {}

  /**
   * One entry of the split.
   *
   * @param address the recipient's address, or null for the voters' share
   * @param basisPoints the share in hundredths of a percent (1 to 10,000)
   */
  public record Share(String name, String address, int basisPoints) {
    public boolean isVoters() {
      return address == null;
    }
  }

  /** Every {@code blocks} blocks, or every {@code days} days (exactly one is non-zero). */
  public record PayoutPeriod(long blocks, int days) {}

  /** The voters' share in basis points. */
  public int votersBasisPoints() {
    return split.stream().filter(Share::isVoters).findFirst().orElseThrow().basisPoints();
  }
}
