package com.osmosecollective.node.app;

import com.osmosecollective.node.core.wallet.LastBlock;
import java.util.List;
import java.util.Optional;

/**
 * What the delegate tools read of a chain, from a data dir ({@link StoreDelegateView}) or from a
 * running node's REST API ({@link ApiDelegateView}).
 */
interface DelegateView extends AutoCloseable {
  /** A registered delegate as the chain holds it. */
  record Delegate(
      String username,
      String address,
      String publicKey,
      long votes,
      int rank,
      boolean resigned,
      long produced,
      Long missed,
      LastBlock lastBlock) {}

  long tipHeight() throws ViewException;

  /** The timestamp (epoch seconds) of the block at {@code height}. */
  long blockTimestamp(long height) throws ViewException;

  /** A delegate by username, address or public key. */
  Optional<Delegate> delegate(String id) throws ViewException;

  /** The nonce of a wallet (0 for an address the chain has not seen). */
  long nonce(String address) throws ViewException;

  /**
   * The open accounts of a delegate's latest {@code periods} payout periods, newest first; empty
   * when it registered no proposal.
   */
  List<AccountPeriod> accounts(String id, int periods) throws ViewException;

  /**
   * One payout period of the open accounts (arktoshi).
   *
   * @param complete false while the chain has not passed its end
   */
  record AccountPeriod(
      long period,
      long fromHeight,
      long toHeight,
      boolean complete,
      long forged,
      long promised,
      long paid,
      long difference) {}

  /** The public keys of a round's active delegates in rank order; empty when not stored. */
  List<String> roundDelegates(long round) throws ViewException;

  /** Where the view reads from, for messages. */
  String source();

  @Override
  void close();

  /** The chain could not be read: an unreachable API, an error answer. */
  final class ViewException extends Exception {
    private static final long serialVersionUID = 1L;

    ViewException(String message) {
      super(message);
    }
  }
}
