package com.osmosecollective.node.p2p.peer;

import io.github.bucket4j.Bucket;

/** Bucket4j buckets of a {@link RateTable.Rate}: a fixed window as ARK's limiter has. */
final class Buckets {
  private Buckets() {}

  static Bucket of(RateTable.Rate rate) {
    return Bucket.builder()
        .addLimit(
            limit -> limit.capacity(rate.points()).refillIntervally(rate.points(), rate.per()))
        .build();
  }
}
