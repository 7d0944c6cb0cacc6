package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of ARK Core's event names, as the webhooks and {@code /api/events} publish it.
 *
 * @param sequence numbered from 1 in publication order (the SSE {@code id})
 * @param name e.g. {@code block.applied}
 * @param data the event's payload (ARK's data of the block, transaction or vote)
 */
record ChainEvent(long sequence, String name, JsonNode data) {
  static final String BLOCK_APPLIED = "block.applied";
  static final String BLOCK_REVERTED = "block.reverted";
  static final String TRANSACTION_APPLIED = "transaction.applied";
  static final String TRANSACTION_REVERTED = "transaction.reverted";
  static final String WALLET_VOTE = "wallet.vote";
  static final String WALLET_UNVOTE = "wallet.unvote";

  static final java.util.List<String> NAMES =
      java.util.List.of(
          BLOCK_APPLIED,
          BLOCK_REVERTED,
          TRANSACTION_APPLIED,
          TRANSACTION_REVERTED,
          WALLET_VOTE,
          WALLET_UNVOTE);
}
