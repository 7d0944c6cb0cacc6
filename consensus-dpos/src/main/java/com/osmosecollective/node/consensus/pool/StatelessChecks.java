package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionRules;
import com.osmosecollective.node.core.tx.TransactionSchema;
import com.osmosecollective.node.core.tx.TransactionSchemaException;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.core.tx.VerificationResult;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The admission checks that need no pool and no wallet, so they run on any thread and in parallel:
 * size, network, schema, version and type for the next height, v1 timestamps from the future,
 * expiration, static fee, and the sender's own signature. ARK runs the same checks (spec §5 steps
 * 1, 3 and 6); when a transaction breaks several, the reported one may differ from ARK's.
 */
final class StatelessChecks {
  private static final int FUTURE_TOLERANCE_SECONDS = 3600;

  private final Network network;
  private final PoolConfig config;
  private final FeePolicy fees;
  private final TransactionVerifier verifier;
  private final LongSupplier epochNow;

  StatelessChecks(
      Network network,
      PoolConfig config,
      FeePolicy fees,
      TransactionVerifier verifier,
      LongSupplier epochNow) {
    this.network = network;
    this.config = config;
    this.fees = fees;
    this.verifier = verifier;
    this.epochNow = epochNow;
  }

  Prepared check(Submitted s, long lastHeight) {
    if (s.tx() == null) {
      return Prepared.rejected(
          s.entryId(),
          null,
          new PoolRejection(
              RejectionCode.ERR_BAD_DATA, "Invalid transaction data: " + s.decodeError()));
    }
    Transaction tx = s.tx();
    Optional<PoolRejection> cheap = cheapChecks(tx, lastHeight);
    if (cheap.isPresent()) {
      return Prepared.rejected(s.entryId(), tx, cheap.get());
    }
    if (needsWallet(tx)) {
      return Prepared.passed(s.entryId(), tx, true);
    }
    VerificationResult result = verifier.verify(tx, context(lastHeight));
    if (!result.verified()) {
      return Prepared.rejected(s.entryId(), tx, failedVerification(tx, result));
    }
    return Prepared.passed(s.entryId(), tx, false);
  }

  /**
   * Everything but signatures; also re-run on every pending transaction after a block, because a
   * milestone may change fees, versions or enabled types, and time makes transactions expire.
   */
  Optional<PoolRejection> cheapChecks(Transaction tx, long lastHeight) {
    if (tx.serializedLength() > config.maxTransactionBytes()) {
      return reject(
          RejectionCode.ERR_TOO_LARGE,
          TransactionLabel.of(tx)
              + " exceeds size limit of "
              + config.maxTransactionBytes()
              + " bytes");
    }
    if (tx.network() != network.pubKeyHash()) {
      return reject(
          RejectionCode.ERR_WRONG_NETWORK,
          TransactionLabel.of(tx)
              + " network "
              + tx.network()
              + " doesn't match node's network "
              + network.pubKeyHash());
    }
    TxContext ctx = context(lastHeight);
    Milestone milestone = ctx.milestone();
    try {
      TransactionSchema.check(tx, ctx);
    } catch (TransactionSchemaException e) {
      return reject(RejectionCode.ERR_BAD_DATA, "Invalid transaction data: " + e.getMessage());
    }
    if (!TransactionRules.supportsVersion(milestone, tx.version())
        || !TransactionRules.isEnabled(milestone, tx)) {
      return reject(
          RejectionCode.ERR_BAD_DATA,
          "Invalid transaction data: "
              + tx.type().feeKey()
              + " v"
              + tx.version()
              + " is not accepted at height "
              + (lastHeight + 1));
    }
    long now = epochNow.getAsLong();
    if (tx.version() == 1 && tx.timestamp() > now + FUTURE_TOLERANCE_SECONDS) {
      return reject(
          RejectionCode.ERR_FROM_FUTURE,
          TransactionLabel.of(tx) + " is " + (tx.timestamp() - now) + " seconds in future");
    }
    OptionalLong expiration =
        Expiration.height(tx, lastHeight, now, milestone.blocktime(), config.maxTransactionAge());
    if (Expiration.isExpired(expiration, lastHeight)) {
      return reject(
          RejectionCode.ERR_EXPIRED,
          TransactionLabel.of(tx) + " expired at height " + expiration.getAsLong());
    }
    return fees.checkEnterPool(tx, milestone);
  }

  /** Only the expiration part of {@link #cheapChecks}: what time alone changes. */
  boolean isExpired(Transaction tx, long lastHeight) {
    int blocktime = context(lastHeight).milestone().blocktime();
    OptionalLong expiration =
        Expiration.height(
            tx, lastHeight, epochNow.getAsLong(), blocktime, config.maxTransactionAge());
    return Expiration.isExpired(expiration, lastHeight);
  }

  TxContext context(long lastHeight) {
    return TxContext.of(network, lastHeight + 1);
  }

  /**
   * A transaction of a multi-signature wallet carries participant signatures that only the wallet's
   * registered keys can check.
   */
  static boolean needsWallet(Transaction tx) {
    return !tx.signatures().isEmpty() && !(tx.asset() instanceof Asset.MultiSignature);
  }

  static PoolRejection failedVerification(Transaction tx, VerificationResult result) {
    // ARK's message (grammar included), then our reasons so a wallet can tell what failed.
    return new PoolRejection(
        RejectionCode.ERR_BAD_DATA,
        TransactionLabel.of(tx)
            + " didn't passed verification: "
            + String.join(", ", result.reasons()));
  }

  private static Optional<PoolRejection> reject(RejectionCode code, String message) {
    return Optional.of(new PoolRejection(code, message));
  }
}
