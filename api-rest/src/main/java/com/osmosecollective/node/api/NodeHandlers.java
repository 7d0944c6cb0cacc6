package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.consensus.network.NetworkView;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * {@code /node/status}, {@code /node/syncing}, {@code /node/configuration} and {@code /node/fees}.
 * Network facts come from the P2P layer's {@link NetworkView}; without P2P there is no network
 * height, so the node reports itself synced with 0 blocks to go (as ARK does without peers).
 */
final class NodeHandlers {
  /** The version wallets and peers see; this node speaks ARK Core 3.9.1's protocols. */
  static final String CORE_VERSION = "3.9.1";

  /** Transactions a {@code /node/fees?days=} request may read per type. */
  static final int FEES_SCAN_PER_TYPE = 2_000;

  private static final int FEES_LAST = 20;

  private final ApiServices services;
  private final ChainQueries queries;
  private final NetworkView network;
  private final LongSupplier epochNow;

  NodeHandlers(ApiServices services) {
    this.services = services;
    this.queries = services.queries();
    this.network = services.peers();
    this.epochNow = services.epochNow();
  }

  private long blocksBehind(long height) {
    OptionalLong networkHeight = network.networkHeight();
    return networkHeight.isPresent() ? Math.max(0, networkHeight.getAsLong() - height) : 0;
  }

  ApiResponse status(ApiRequest request) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("synced", !network.syncing());
    o.put("now", request.tip());
    o.put("blocksCount", blocksBehind(request.tip()));
    o.put("timestamp", epochNow.getAsLong());
    return ApiResponse.data(o, request.tip());
  }

  ApiResponse syncing(ApiRequest request) throws ApiException {
    BlockData tip = queries.block(request.tip()).orElseThrow(BlockLookup::notFound);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("syncing", network.syncing());
    o.put("blocks", blocksBehind(tip.height()));
    o.put("height", tip.height());
    o.put("id", tip.id());
    return ApiResponse.data(o, request.tip());
  }

  ApiResponse configuration(ApiRequest request) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("@arkecosystem/core-p2p", services.p2pPort());
    ports.put("@arkecosystem/core-api", services.apiPort());
    return ApiResponse.data(
        NodeConfiguration.toJson(
            services.network(),
            request.tip(),
            CORE_VERSION,
            ports,
            TransactionPoolSettings.of(services.poolConfig())),
        request.tip());
  }

  /**
   * ARK's fee statistics per type: over the last {@code days} days, or the last 20 transactions of
   * each type when {@code days} is omitted; {@code 0} (numbers) for a type with none.
   */
  ApiResponse fees(ApiRequest request) throws ApiException {
    Long days = PaginationValidator.integer(request.query(), "days");
    if (days != null && (days < 1 || days > 30)) {
      throw new ApiException(
          ApiError.unprocessable(
              days < 1
                  ? "\"days\" must be greater than or equal to 1"
                  : "\"days\" must be less than or equal to 30"));
    }
    long since = days == null ? Long.MIN_VALUE : epochNow.getAsLong() - days * 86_400;
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode meta = root.putObject("meta");
    if (days != null) {
      meta.put("days", days);
    }
    ObjectNode group =
        root.putObject("data").putObject(Integer.toString(TransactionType.CORE_TYPE_GROUP));
    for (TransactionType type : TransactionType.values()) {
      group.set(type.feeKey(), stats(type, days == null, since));
    }
    return new ApiResponse(200, root, request.tip());
  }

  private ObjectNode stats(TransactionType type, boolean lastOnly, long since) {
    long count = 0;
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int offset = 0;
    int limit = lastOnly ? FEES_LAST : FEES_SCAN_PER_TYPE;
    outer:
    while (offset < limit) {
      Page<StoredTransaction> page =
          queries.transactionsByType(
              TransactionType.CORE_TYPE_GROUP,
              type.code(),
              PageRequest.newestFirst(offset, Math.min(100, limit - offset)));
      for (StoredTransaction tx : page.items()) {
        if (tx.timestamp() < since) {
          break outer;
        }
        long fee = tx.tx().fee();
        count++;
        sum += fee;
        min = Math.min(min, fee);
        max = Math.max(max, fee);
      }
      offset += page.items().size();
      if (!page.hasMore()) {
        break;
      }
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (count == 0) {
      return o.put("avg", 0).put("max", 0).put("min", 0).put("sum", 0);
    }
    return o.put("avg", Long.toString(sum / count))
        .put("max", Long.toString(max))
        .put("min", Long.toString(min))
        .put("sum", Long.toString(sum));
  }
}
