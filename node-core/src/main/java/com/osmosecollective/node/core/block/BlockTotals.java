package com.osmosecollective.node.core.block;

import com.osmosecollective.node.core.tx.Transaction;
import java.util.List;

/**
 * The header totals of a list of transactions: Σ amount and Σ fee (a multi-payment's amount field
 * is 0, as in ARK). Overflow is an {@link ArithmeticException}, never a wrapped sum.
 */
public record BlockTotals(long amount, long fee) {
  public static BlockTotals of(List<Transaction> transactions) {
    long amount = 0;
    long fee = 0;
    for (Transaction tx : transactions) {
      amount = Math.addExact(amount, tx.amount());
      fee = Math.addExact(fee, tx.fee());
    }
    return new BlockTotals(amount, fee);
  }
}
