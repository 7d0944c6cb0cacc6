package com.osmosecollective.node.api;

import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.storage.BlockData;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code orderBy} of block lists: every column ARK's block criteria name. Heights and
 * timestamps both grow with the chain, so an order led by either is the chain order, read by height
 * whatever the page; other orders sort the candidates.
 */
final class BlockOrder {
  static final OrderBy ORDER =
      OrderBy.database(
          Set.of(
              "id",
              "version",
              "timestamp",
              "previousBlock",
              "height",
              "numberOfTransactions",
              "totalAmount",
              "totalFee",
              "reward",
              "payloadLength",
              "payloadHash",
              "generatorPublicKey",
              "blockSignature"));

  private static final Set<String> NEED_HEADER =
      Set.of("version", "payloadLength", "payloadHash", "blockSignature");

  private BlockOrder() {}

  /**
   * Whether {@code sorts} is the chain order: {@code TRUE} oldest first, {@code FALSE} newest first
   * (also for no order), null for another order.
   */
  static Boolean chainOrder(List<Sort> sorts) {
    if (sorts.isEmpty()) {
      return Boolean.FALSE;
    }
    Sort first = sorts.get(0);
    if (first.property().equals("height") || first.property().equals("timestamp")) {
      return !first.descending();
    }
    return null;
  }

  static boolean needsHeader(List<Sort> sorts) {
    return sorts.stream().anyMatch(s -> NEED_HEADER.contains(s.property()));
  }

  /** The value of an ARK blocks-table column. */
  static Object value(String column, BlockData b, Supplier<BlockHeader> header) {
    return switch (column) {
      case "id" -> b.id();
      case "timestamp" -> b.timestamp();
      // ARK stores "0" as the genesis block's predecessor
      case "previousBlock" -> b.previousId() == null ? "0" : b.previousId();
      case "height" -> b.height();
      case "numberOfTransactions" -> (long) b.transactionCount();
      case "totalAmount" -> b.totalAmount();
      case "totalFee" -> b.totalFee();
      case "reward" -> b.reward();
      case "generatorPublicKey" -> b.generatorPublicKey();
      case "version" -> (long) header.get().version();
      case "payloadLength" -> header.get().payloadLength();
      case "payloadHash" -> Hex.encode(header.get().payloadHash());
      case "blockSignature" -> Hex.encode(header.get().blockSignature());
      default -> throw new IllegalArgumentException("no block column " + column);
    };
  }
}
