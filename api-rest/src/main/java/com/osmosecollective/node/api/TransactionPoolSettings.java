package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pool settings {@code /node/configuration} publishes (ARK's core-transaction-pool options), so
 * wallets can price their fees.
 *
 * @param dynamicFees whether fees below the static fee are accepted; when false only {@code
 *     {"enabled":false}} is published
 * @param addonBytes per transaction type key, the bytes added to a transaction's size in the
 *     dynamic fee formula, in ARK's key order
 */
public record TransactionPoolSettings(
    boolean dynamicFees,
    long minFeePool,
    long minFeeBroadcast,
    Map<String, Long> addonBytes,
    int maxTransactionsInPool,
    int maxTransactionsPerSender,
    int maxTransactionsPerRequest,
    int maxTransactionAge,
    long maxTransactionBytes) {

  public TransactionPoolSettings {
    addonBytes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(addonBytes));
  }

  /** The settings of the node's pool. */
  public static TransactionPoolSettings of(
      com.osmosecollective.node.consensus.pool.PoolConfig config) {
    var dynamic = config.dynamicFees().orElse(null);
    Map<String, Long> addon = new LinkedHashMap<>();
    if (dynamic != null) {
      // in ARK's key order (type order), whatever order the settings came in
      for (var type : com.osmosecollective.node.core.tx.TransactionType.values()) {
        Long bytes = dynamic.addonBytes().get(type.feeKey());
        if (bytes != null) {
          addon.put(type.feeKey(), bytes);
        }
      }
    }
    return new TransactionPoolSettings(
        dynamic != null,
        dynamic == null ? 0 : dynamic.minFeePool(),
        dynamic == null ? 0 : dynamic.minFeeBroadcast(),
        addon,
        config.maxTransactionsInPool(),
        config.maxTransactionsPerSender(),
        config.maxTransactionsPerRequest(),
        config.maxTransactionAge(),
        config.maxTransactionBytes());
  }

  /** ARK Core 3.9's defaults (core-transaction-pool's defaults.ts). */
  public static TransactionPoolSettings arkDefaults() {
    Map<String, Long> addon = new LinkedHashMap<>();
    addon.put("transfer", 100L);
    addon.put("secondSignature", 250L);
    addon.put("delegateRegistration", 400000L);
    addon.put("vote", 100L);
    addon.put("multiSignature", 500L);
    addon.put("ipfs", 250L);
    addon.put("multiPayment", 500L);
    addon.put("delegateResignation", 100L);
    addon.put("htlcLock", 100L);
    addon.put("htlcClaim", 0L);
    addon.put("htlcRefund", 0L);
    return new TransactionPoolSettings(true, 3000, 3000, addon, 15000, 150, 40, 2700, 2_000_000);
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ObjectNode fees = o.putObject("dynamicFees");
    fees.put("enabled", dynamicFees);
    if (dynamicFees) {
      fees.put("minFeePool", minFeePool);
      fees.put("minFeeBroadcast", minFeeBroadcast);
      ObjectNode addon = fees.putObject("addonBytes");
      addonBytes.forEach(addon::put);
    }
    o.put("maxTransactionsInPool", maxTransactionsInPool);
    o.put("maxTransactionsPerSender", maxTransactionsPerSender);
    o.put("maxTransactionsPerRequest", maxTransactionsPerRequest);
    o.put("maxTransactionAge", maxTransactionAge);
    o.put("maxTransactionBytes", maxTransactionBytes);
    return o;
  }
}
