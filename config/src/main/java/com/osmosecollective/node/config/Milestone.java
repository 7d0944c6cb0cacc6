package com.osmosecollective.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * The merged rules in force from {@code height} on (ARK's milestone, after the cumulative deep
 * merge of spec §6.3). {@code raw} keeps the merged JSON for keys this record does not name.
 */
public record Milestone(
    long height,
    long reward,
    int activeDelegates,
    int blocktime,
    Instant epoch,
    int blockVersion,
    int maxTransactions,
    long maxPayload,
    boolean idFullSha256,
    boolean acceptExpiredTransactionTimestamps,
    Map<String, Long> staticFees,
    int vendorFieldLength,
    int multiPaymentLimit,
    boolean aip11,
    boolean htlcEnabled,
    boolean aip37,
    JsonNode raw) {

  public static final int DEFAULT_MULTI_PAYMENT_LIMIT = 256;
  public static final int DEFAULT_VENDOR_FIELD_LENGTH = 64;

  public Milestone {
    staticFees = Map.copyOf(staticFees);
  }

  /** The static fee for a fee-table key ("transfer", "vote", ...), or {@code fallback}. */
  public long staticFee(String key, long fallback) {
    return staticFees.getOrDefault(key, fallback);
  }

  /** A boolean flag by name, for keys this record does not model (false when absent). */
  public boolean flag(String name) {
    JsonNode node = raw.get(name);
    return node != null && node.asBoolean(false);
  }
}
