package com.osmosecollective.node.consensus.pool;

import java.util.Map;

/**
 * ARK's dynamic fee settings: a transaction may enter the pool when {@code fee >= (addonBytes[type]
 * + round(size / 2)) * minFeePool}, and is broadcast when the same holds with {@code
 * minFeeBroadcast}.
 */
public record DynamicFees(long minFeePool, long minFeeBroadcast, Map<String, Long> addonBytes) {
  public DynamicFees {
    addonBytes = Map.copyOf(addonBytes);
  }

  /** ARK Core 3.9's defaults (spec §5). */
  public static DynamicFees arkDefaults() {
    return new DynamicFees(
        3000,
        3000,
        Map.ofEntries(
            Map.entry("transfer", 100L),
            Map.entry("secondSignature", 250L),
            Map.entry("delegateRegistration", 400_000L),
            Map.entry("vote", 100L),
            Map.entry("multiSignature", 500L),
            Map.entry("ipfs", 250L),
            Map.entry("multiPayment", 500L),
            Map.entry("delegateResignation", 100L),
            Map.entry("htlcLock", 100L),
            Map.entry("htlcClaim", 0L),
            Map.entry("htlcRefund", 0L)));
  }
}
