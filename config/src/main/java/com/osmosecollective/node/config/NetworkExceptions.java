package com.osmosecollective.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network's {@code exceptions} (ARK's exceptions.json): blocks and transactions of an ARK-shaped
 * history that were accepted although they break today's rules. OSMOSE's own networks have none.
 *
 * <p>Applied: {@code blocks}, {@code transactions}, {@code blocksTransactions} (ARK's {@code
 * isException}) and {@code outlookTable} (block ids remapped after hashing). Kept but not applied:
 * {@code transactionIdFixTable} (ARK also changes the legacy signing bytes of those transactions),
 * {@code wrongTransactionOrder} (ARK applies those blocks' transactions in a listed order) and
 * {@code negativeBalances} (ARK reads it only when rebuilding state at boot, which this node does
 * not do). Networks that need those three cannot be synced past the blocks they concern.
 *
 * @param blocks ids of blocks accepted whatever their verification says
 * @param transactions ids of transactions that skip schema, signature and generic wallet checks
 * @param blocksTransactions for legacy (short) block ids: the exact transaction ids the block must
 *     hold to count as an exception
 * @param outlookTable computed block id → the id the block is known by
 * @param transactionIdFixTable computed transaction id → the id the transaction is known by
 * @param wrongTransactionOrder block id → its transaction ids in the order ARK applies them
 * @param negativeBalances sender public key → nonce → the negative balance allowed after it
 */
public record NetworkExceptions(
    Set<String> blocks,
    Set<String> transactions,
    Map<String, List<String>> blocksTransactions,
    Map<String, String> outlookTable,
    Map<String, String> transactionIdFixTable,
    Map<String, List<String>> wrongTransactionOrder,
    Map<String, Map<String, String>> negativeBalances) {

  public NetworkExceptions {
    blocks = Set.copyOf(blocks);
    transactions = Set.copyOf(transactions);
    blocksTransactions = copyOfLists(blocksTransactions);
    outlookTable = Map.copyOf(outlookTable);
    transactionIdFixTable = Map.copyOf(transactionIdFixTable);
    wrongTransactionOrder = copyOfLists(wrongTransactionOrder);
    Map<String, Map<String, String>> balances = new LinkedHashMap<>();
    negativeBalances.forEach((key, byNonce) -> balances.put(key, Map.copyOf(byNonce)));
    negativeBalances = Map.copyOf(balances);
  }

  /** No exceptions (OSMOSE's networks). */
  public static NetworkExceptions none() {
    return new NetworkExceptions(
        Set.of(), Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  public boolean isEmpty() {
    return equals(none());
  }

  /**
   * ARK's {@code isException} for a transaction: its id is listed under {@code transactions} or
   * {@code blocks} (ARK checks one set of both).
   */
  public boolean isTransactionException(String id) {
    return id != null && (transactions.contains(id) || blocks.contains(id));
  }

  /**
   * ARK's {@code isException} for a block: its id is listed (under {@code blocks} or {@code
   * transactions}); a legacy id (shorter than 64 characters) counts only when {@code
   * blocksTransactions} lists exactly the block's transaction ids, in any order.
   */
  public boolean isBlockException(String id, Collection<String> transactionIds) {
    if (id == null || !isTransactionException(id)) {
      return false;
    }
    if (id.length() < 64) {
      List<String> listed = blocksTransactions.get(id);
      if (listed == null || listed.size() != transactionIds.size()) {
        return false;
      }
      List<String> expected = new ArrayList<>(listed);
      List<String> actual = new ArrayList<>(transactionIds);
      expected.sort(null);
      actual.sort(null);
      return expected.equals(actual);
    }
    return true;
  }

  /**
   * The id a block whose header hashes to {@code computedId} is known by ({@code outlookTable}).
   */
  public String blockId(String computedId) {
    return outlookTable.getOrDefault(computedId, computedId);
  }

  /**
   * Reads ARK's exceptions object; unknown keys are ignored, known keys of the wrong shape are
   * refused.
   *
   * @param node the {@code exceptions} value, or null / JSON null for none
   */
  public static NetworkExceptions parse(JsonNode node) throws NetworkConfigException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return none();
    }
    if (!node.isObject()) {
      throw new NetworkConfigException("'exceptions' must be an object");
    }
    Map<String, Map<String, String>> balances = new LinkedHashMap<>();
    JsonNode negative = node.get("negativeBalances");
    if (negative != null && !negative.isNull()) {
      requireObject(negative, "negativeBalances");
      for (Map.Entry<String, JsonNode> entry : negative.properties()) {
        String where = "negativeBalances." + entry.getKey();
        requireObject(entry.getValue(), where);
        Map<String, String> byNonce = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> nonce : entry.getValue().properties()) {
          byNonce.put(nonce.getKey(), integer(nonce.getValue(), where + "." + nonce.getKey()));
        }
        balances.put(entry.getKey(), byNonce);
      }
    }
    return new NetworkExceptions(
        new LinkedHashSet<>(strings(node.get("blocks"), "blocks", Id.BLOCK)),
        new LinkedHashSet<>(strings(node.get("transactions"), "transactions", Id.TRANSACTION)),
        lists(node.get("blocksTransactions"), "blocksTransactions"),
        texts(node.get("outlookTable"), "outlookTable", Id.BLOCK),
        texts(node.get("transactionIdFixTable"), "transactionIdFixTable", Id.TRANSACTION),
        lists(node.get("wrongTransactionOrder"), "wrongTransactionOrder"),
        balances);
  }

  /** The two id shapes: transaction ids are 64 hex digits, block ids also legacy decimals. */
  private enum Id {
    BLOCK("a block id (1 to 20 decimal digits below 2^64, or 64 lowercase hex digits)"),
    TRANSACTION("a transaction id (64 lowercase hex digits)");

    private final String description;

    Id(String description) {
      this.description = description;
    }

    boolean matches(String id) {
      if (id.length() == 64
          && id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return true;
      }
      if (this == TRANSACTION
          || id.length() > 20
          || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      try {
        Long.parseUnsignedLong(id);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }

  private static List<String> strings(JsonNode node, String where, Id shape)
      throws NetworkConfigException {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new NetworkConfigException("exceptions." + where + " must be a list of ids");
    }
    for (JsonNode item : node) {
      out.add(id(text(item, where), where, shape));
    }
    return out;
  }

  private static Map<String, List<String>> lists(JsonNode node, String where)
      throws NetworkConfigException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    requireObject(node, where);
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = id(entry.getKey(), where, Id.BLOCK);
      out.put(key, strings(entry.getValue(), where + "." + key, Id.TRANSACTION));
    }
    return out;
  }

  private static Map<String, String> texts(JsonNode node, String where, Id shape)
      throws NetworkConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    requireObject(node, where);
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = id(entry.getKey(), where, shape);
      out.put(key, id(text(entry.getValue(), where + "." + key), where + "." + key, shape));
    }
    return out;
  }

  private static String id(String value, String where, Id shape) throws NetworkConfigException {
    if (!shape.matches(value)) {
      throw new NetworkConfigException(
          "exceptions." + where + ": '" + abbreviated(value) + "' is not " + shape.description);
    }
    return value;
  }

  private static String abbreviated(String value) {
    return value.length() <= 80 ? value : value.substring(0, 80) + "…";
  }

  private static String text(JsonNode node, String where) throws NetworkConfigException {
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw new NetworkConfigException("exceptions." + where + " must hold non-empty id strings");
    }
    return node.asText();
  }

  /** An integer given as a JSON number or a decimal string (ARK writes amounts as strings). */
  private static String integer(JsonNode node, String where) throws NetworkConfigException {
    String value = node == null ? "" : node.isIntegralNumber() ? node.asText() : node.textValue();
    if (value == null || !value.matches("-?[0-9]{1,19}")) {
      throw new NetworkConfigException("exceptions." + where + " must be an integer amount");
    }
    return value;
  }

  private static void requireObject(JsonNode node, String where) throws NetworkConfigException {
    if (!node.isObject()) {
      throw new NetworkConfigException("exceptions." + where + " must be an object");
    }
  }

  private static Map<String, List<String>> copyOfLists(Map<String, List<String>> source) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    source.forEach((key, list) -> out.put(key, List.copyOf(list)));
    return Map.copyOf(out);
  }
}
