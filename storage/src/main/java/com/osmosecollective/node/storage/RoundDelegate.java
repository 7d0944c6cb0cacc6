package com.osmosecollective.node.storage;

import java.util.Objects;

/** One active delegate of a round with the vote balance it was ranked by. */
public record RoundDelegate(String publicKey, long voteBalance) {
  public RoundDelegate {
    Objects.requireNonNull(publicKey, "publicKey");
  }
}
