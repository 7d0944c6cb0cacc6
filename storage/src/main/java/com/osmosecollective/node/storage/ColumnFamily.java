package com.osmosecollective.node.storage;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The column families of the chain database (layouts in {@code storage/README.md}). Undo records
 * store a column by its {@link #code()}: codes are dense from 0, never reused or renumbered (a
 * change needs a new schema version).
 */
public enum ColumnFamily {
  META(0, "meta"),
  BLOCKS(1, "blocks"),
  BLOCK_IDS(2, "block_ids"),
  TXS(3, "txs"),
  BLOCK_TXS(4, "block_txs"),
  WALLETS(5, "wallets"),
  WALLET_KEYS(6, "wallet_keys"),
  USERNAMES(7, "usernames"),
  DELEGATE_RANKING(8, "delegate_ranking"),
  VOTERS(9, "voters"),
  ROUNDS(10, "rounds"),
  UNDO(11, "undo"),
  IPFS(12, "ipfs"),
  HTLC_SETTLEMENTS(13, "htlc_settlements"),
  /** Retired in schema 3 (the party list's roles serve it); empty, kept so codes stay stable. */
  IDX_TX_SENDER(14, "idx_tx_sender"),
  /** Retired in schema 3 (the party list's roles serve it); empty, kept so codes stay stable. */
  IDX_TX_RECIPIENT(15, "idx_tx_recipient"),
  IDX_TX_TYPE(16, "idx_tx_type"),
  IDX_BLOCK_GENERATOR(17, "idx_block_generator"),
  IDX_VOTE_VOTER(18, "idx_vote_voter"),
  IDX_VOTE_DELEGATE(19, "idx_vote_delegate"),
  IDX_HTLC_SENDER(20, "idx_htlc_sender"),
  IDX_HTLC_RECIPIENT(21, "idx_htlc_recipient"),
  IDX_VOTE_WEIGHT(22, "idx_vote_weight"),
  IDX_TX_PARTY(23, "idx_tx_party"),
  TX_ORDINALS(24, "tx_ordinals");

  private static final List<ColumnFamily> ALL = List.of(values());

  private final int code;
  private final String familyName;

  ColumnFamily(int code, String familyName) {
    this.code = code;
    this.familyName = familyName;
  }

  /** The stable number undo records store for this column (dense: 0 to {@code all().size()-1}). */
  public int code() {
    return code;
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

  /** The column with this {@link #code()}. */
  public static ColumnFamily byCode(int code) {
    ColumnFamily column = ALL.get(code);
    if (column.code != code) {
      throw new IllegalStateException("column codes must be dense and in declaration order");
    }
    return column;
  }

  /**
   * The per-transaction indexes whose values are transaction ids and keys end in height+position
   * (the others are counted lists, keyed by ordinal: see {@code CountedLists}).
   */
  public static List<ColumnFamily> positionalTransactionIndexes() {
    return List.of(IDX_VOTE_DELEGATE, IDX_HTLC_SENDER, IDX_HTLC_RECIPIENT);
  }
}
