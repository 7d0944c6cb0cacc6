package com.osmosecollective.node.consensus.pool;

import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.SenderKeys;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.core.tx.VerificationResult;
import java.util.Optional;

/** The signature checks that need the sender's wallet, and ARK's wording of apply failures. */
final class WalletChecks {
  private WalletChecks() {}

  /** Whether the transaction carries, or the wallet demands, signatures beyond the sender's. */
  static boolean carriesWalletSignatures(Transaction tx, SenderKeys keys) {
    return keys.secondPublicKey().isPresent()
        || keys.multiSignature().isPresent()
        || tx.secondSignature() != null;
  }

  static Optional<PoolRejection> verify(
      TransactionVerifier verifier, Transaction tx, TxContext ctx, SenderKeys keys) {
    VerificationResult result = verifier.verify(tx, ctx, keys);
    if (!result.verified()) {
      return Optional.of(StatelessChecks.failedVerification(tx, result));
    }
    if (keys.multiSignature().isPresent()
        && tx.signatures().isEmpty()
        && !(tx.asset() instanceof Asset.MultiSignature)) {
      return Optional.of(
          new PoolRejection(
              RejectionCode.ERR_BAD_DATA,
              TransactionLabel.of(tx)
                  + " didn't passed verification: a multi-signature wallet's transaction needs"
                  + " its participants' signatures"));
    }
    return Optional.empty();
  }

  /** ARK's {@code "<label> cannot be applied: <reason>"} for {@code ERR_APPLY}. */
  static PoolRejection applyFailure(Transaction tx, PoolRejection cause) {
    if (cause.code() == RejectionCode.ERR_APPLY) {
      return new PoolRejection(
          RejectionCode.ERR_APPLY,
          TransactionLabel.of(tx) + " cannot be applied: " + cause.message());
    }
    return cause;
  }
}
