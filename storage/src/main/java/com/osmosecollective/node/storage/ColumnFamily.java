package com.osmosecollective.node.storage;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The column families of the chain database (layouts in {@code storage/README.md}). Undo records
 * store a column by its ordinal, so constants are only ever appended, never reordered or removed (a
 * change needs a new schema version).
 */
public enum ColumnFamily {
  META("meta"),
  BLOCKS("blocks"),
  BLOCK_IDS("block_ids"),
  TXS("txs"),
  BLOCK_TXS("block_txs"),
  WALLETS("wallets"),
  WALLET_KEYS("wallet_keys"),
  USERNAMES("usernames"),
  DELEGATE_RANKING("delegate_ranking"),
  VOTERS("voters"),
  ROUNDS("rounds"),
  UNDO("undo"),
  IPFS("ipfs"),
  HTLC_SETTLEMENTS("htlc_settlements"),
  IDX_TX_SENDER("idx_tx_sender"),
  IDX_TX_RECIPIENT("idx_tx_recipient"),
  IDX_TX_TYPE("idx_tx_type"),
  IDX_BLOCK_GENERATOR("idx_block_generator"),
  IDX_VOTE_VOTER("idx_vote_voter"),
  IDX_VOTE_DELEGATE("idx_vote_delegate"),
  IDX_HTLC_SENDER("idx_htlc_sender"),
  IDX_HTLC_RECIPIENT("idx_htlc_recipient");

  private static final List<ColumnFamily> ALL = List.of(values());

  private final String familyName;

  ColumnFamily(String familyName) {
    this.familyName = familyName;
  }

  public String familyName() {
    return familyName;
  }

  public byte[] nameBytes() {
    return familyName.getBytes(StandardCharsets.US_ASCII);
  }

  public static List<ColumnFamily> all() {
    return ALL;
  }

  public static ColumnFamily byOrdinal(int ordinal) {
    return ALL.get(ordinal);
  }

  /**
   * The per-transaction indexes whose values are transaction ids and keys end in height+position.
   */
  public static List<ColumnFamily> transactionIndexes() {
    return List.of(
        IDX_TX_SENDER,
        IDX_TX_RECIPIENT,
        IDX_TX_TYPE,
        IDX_VOTE_VOTER,
        IDX_VOTE_DELEGATE,
        IDX_HTLC_SENDER,
        IDX_HTLC_RECIPIENT);
  }
}
