package com.osmosecollective.node.core.block;

import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;
import java.util.Objects;

/**
 * A block: its signed header, its transactions in block order, and its id (computed once when the
 * block is decoded or made, by the rule of its height; a genesis block keeps its declared id).
 */
public final class Block {
  private final BlockHeader header;
  private final List<Transaction> transactions;
  private final String id;

  public Block(BlockHeader header, List<Transaction> transactions, String id) {
    this.header = Objects.requireNonNull(header, "header");
    this.transactions = List.copyOf(transactions);
    this.id = Objects.requireNonNull(id, "id");
  }

  public BlockHeader header() {
    return header;
  }

  public List<Transaction> transactions() {
    return transactions;
  }

  public String id() {
    return id;
  }

  public String idHex() {
    return BlockIds.toHex(id);
  }

  public long height() {
    return header.height();
  }

  public long timestamp() {
    return header.timestamp();
  }

  public String previousBlock() {
    return header.previousBlock();
  }

  public boolean isGenesis() {
    return header.height() == 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Block b
        && id.equals(b.id)
        && header.equals(b.header)
        && transactions.equals(b.transactions);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Block[height=" + header.height() + ", id=" + id + ", txs=" + transactions.size() + "]";
  }
}
