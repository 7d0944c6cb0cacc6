package com.osmosecollective.node.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of description per route of the table ({@code "GET /api/blocks"} →), for the OpenAPI
 * document. {@link OpenApiDocument} refuses a route without one and a line without a route, so the
 * two cannot drift apart.
 */
final class RouteDocs {
  private RouteDocs() {}

  static final Map<String, String> SUMMARIES = summaries();

  /** The routes of the webhooks server (ARK's core-webhooks, its own port). */
  static final Map<String, String> WEBHOOK_SUMMARIES = webhookSummaries();

  private static Map<String, String> webhookSummaries() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("GET /api/webhooks", "Every webhook, without its token");
    m.put("POST /api/webhooks", "Registers a webhook; the answer alone carries its token");
    m.put("GET /api/webhooks/{id}", "One webhook, without its token");
    m.put("PUT /api/webhooks/{id}", "Replaces a webhook's event, target, enabled flag, conditions");
    m.put("DELETE /api/webhooks/{id}", "Removes a webhook");
    return m;
  }

  private static Map<String, String> summaries() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("GET /api/blockchain", "The chain tip and the current supply");
    m.put("GET /api/blocks", "Blocks, newest first, with ARK's block filters and orders");
    m.put("GET /api/blocks/first", "The genesis block");
    m.put("GET /api/blocks/last", "The tip block");
    m.put("GET /api/blocks/{id}", "One block by id or height");
    m.put("GET /api/blocks/{id}/transactions", "The transactions of a block");
    m.put("GET /api/delegates", "Delegates by rank, with ARK's delegate filters and orders");
    m.put("GET /api/delegates/{id}", "One delegate by username, address or public key");
    m.put("GET /api/delegates/{id}/voters", "The wallets voting for a delegate");
    m.put("GET /api/delegates/{id}/blocks", "The blocks a delegate forged");
    m.put("GET /api/locks", "Open HTLC locks");
    m.put("POST /api/locks/unlocked", "The claims and refunds that settled the given locks");
    m.put("GET /api/locks/{id}", "One open HTLC lock");
    m.put("GET /api/node/status", "Whether the node is synced, and how far behind");
    m.put("GET /api/node/syncing", "Whether the node is syncing, and its tip");
    m.put("GET /api/node/configuration", "Network, ports, milestone in force and pool settings");
    m.put(
        "GET /api/node/configuration/crypto",
        "The crypto configuration ARK's SDKs load: network, exceptions, milestones, genesis block");
    m.put("GET /api/node/fees", "Fee statistics per transaction type");
    m.put("GET /api/peers", "The peers the P2P layer knows");
    m.put("GET /api/peers/{ip}", "One peer");
    m.put("GET /api/rounds/{id}/delegates", "The delegates of a round with their votes");
    m.put("GET /api/transactions", "Transactions, newest first, with ARK's filters and orders");
    m.put("POST /api/transactions", "Submits 1 to 40 signed transactions to the pool");
    m.put("GET /api/transactions/unconfirmed", "The pool's transactions in forging order");
    m.put("GET /api/transactions/types", "The transaction types this node runs");
    m.put("GET /api/transactions/schemas", "ARK's JSON schemas of the transaction types");
    m.put("GET /api/transactions/fees", "The static fee of each transaction type");
    m.put("GET /api/transactions/unconfirmed/{id}", "One pool transaction");
    m.put("GET /api/transactions/{id}", "One forged transaction with its block");
    m.put("GET /api/votes", "Vote transactions");
    m.put("GET /api/votes/{id}", "One vote transaction");
    m.put("GET /api/wallets", "Wallets by balance, with ARK's wallet filters and orders");
    m.put("GET /api/wallets/top", "Wallets by balance");
    m.put("GET /api/wallets/{id}", "One wallet by address, public key or delegate username");
    m.put("GET /api/wallets/{id}/locks", "A wallet's open HTLC locks");
    m.put("GET /api/wallets/{id}/transactions", "A wallet's transactions, either side");
    m.put("GET /api/wallets/{id}/transactions/sent", "The transactions a wallet sent");
    m.put("GET /api/wallets/{id}/transactions/received", "The transactions paying a wallet");
    m.put("GET /api/wallets/{id}/votes", "The votes a wallet sent");
    // funding (issue #14), not ARK's
    m.put("GET /api/proposals", "Every delegate's current proposal, with its registration");
    m.put(
        "POST /api/proposals",
        "Stores a proposal document (at most 64 KiB, schema-checked) whose CID a delegate"
            + " registered");
    m.put("GET /api/proposals/{cid}", "One registered proposal by CID, with its document");
    m.put(
        "GET /api/timestamps/{cid}",
        "When an IPFS hash was first registered on chain, and by whom");
    m.put(
        "GET /api/delegates/{id}/payouts",
        "What a delegate owes each recipient for a height range, what it paid, what is left");
    m.put(
        "GET /api/delegates/{id}/accounts",
        "Per payout period: forged, promised per recipient, paid, and the difference");
    return m;
  }
}
