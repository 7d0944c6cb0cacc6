package com.osmosecollective.node.consensus;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A registered delegate as the active-set selection sees it.
 *
 * @param publicKey compressed public key, 66 lowercase hex characters
 * @param voteBalance the delegate's vote balance in arktoshi
 * @param resigned whether the delegate has resigned (resigned delegates are never ranked)
 */
public record DelegateCandidate(String publicKey, long voteBalance, boolean resigned) {
  private static final Pattern PUBLIC_KEY = Pattern.compile("[0-9a-f]{66}");

  /**
   * ARK's ranking order: vote balance descending, then public key ascending. ARK compares keys with
   * {@code localeCompare(..., "en")}; for lowercase hex that is the plain character order.
   */
  public static final Comparator<DelegateCandidate> RANKING =
      Comparator.comparingLong(DelegateCandidate::voteBalance)
          .reversed()
          .thenComparing(DelegateCandidate::publicKey);

  public DelegateCandidate {
    if (publicKey == null || !PUBLIC_KEY.matcher(publicKey).matches()) {
      throw new IllegalArgumentException(
          "delegate public key must be 66 lowercase hex characters: " + publicKey);
    }
    if (voteBalance < 0) {
      throw new IllegalArgumentException("negative vote balance for delegate " + publicKey);
    }
  }
}
