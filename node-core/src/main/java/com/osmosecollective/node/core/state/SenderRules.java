package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.osm;
import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionRules;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.List;

/**
 * ARK's generic wallet checks and sender update (spec §4.3, {@code performGenericWalletChecks},
 * {@code applyToSender}). The first signature is checked in isolation elsewhere; the second
 * signature and a multi-signature wallet's signatures depend on the wallet and are checked here.
 */
final class SenderRules {
  private final TransactionVerifier verifier;

  SenderRules(TransactionVerifier verifier) {
    this.verifier = verifier;
  }

  void checkEnabled(Transaction tx, StateContext ctx) throws TransactionRejectedException {
    if (tx.network() != ctx.pubKeyHash()) {
      throw reject(
          Rejection.WRONG_NETWORK,
          tx,
          "transaction is for network " + tx.network() + ", not " + ctx.pubKeyHash());
    }
    if (!TransactionRules.supportsVersion(ctx.milestone(), tx.version())) {
      throw reject(
          Rejection.UNSUPPORTED_VERSION,
          tx,
          "version " + tx.version() + " transactions are not accepted at height " + ctx.height());
    }
    if (!TransactionRules.isEnabled(ctx.milestone(), tx)) {
      throw reject(
          Rejection.NOT_ENABLED,
          tx,
          tx.type().feeKey() + " transactions are not enabled at height " + ctx.height());
    }
    if (tx.asset() instanceof Asset.MultiSignatureLegacy) {
      throw reject(
          Rejection.LEGACY_MULTI_SIGNATURE,
          tx,
          "legacy multi-signature registrations are only valid as network exceptions");
    }
  }

  /** The cold-wallet rule: a wallet never seen with a key and holding nothing cannot send. */
  void checkNotCold(Transaction tx, Wallet stored) throws TransactionRejectedException {
    if (stored.publicKey() == null && stored.balance() == 0) {
      throw reject(
          Rejection.COLD_WALLET,
          tx,
          "sender wallet " + stored.address() + " is a cold wallet (no funds, key never seen)");
    }
  }

  /** ARK checks a version 2 nonce when applying even an exception transaction. */
  void checkNonce(Transaction tx, Wallet sender) throws TransactionRejectedException {
    if (tx.version() > 1 && tx.nonce() != sender.nonce() + 1) {
      throw reject(
          Rejection.NONCE, tx, "expected nonce " + (sender.nonce() + 1) + ", got " + tx.nonce());
    }
  }

  /** ARK's generic wallet checks ({@code performGenericWalletChecks}). */
  void check(Transaction tx, Wallet sender) throws TransactionRejectedException {
    checkNonce(tx, sender);
    long needed = total(tx, tx.amount());
    if (sender.balance() < needed) {
      throw reject(
          Rejection.INSUFFICIENT_BALANCE,
          tx,
          "insufficient balance: needs " + osm(needed) + ", has " + osm(sender.balance()));
    }
    checkSecondSignature(tx, sender);
    checkMultiSignature(tx, sender);
  }

  /**
   * {@code amount + fee}; hostile values near 2^63 cannot overflow into an exception, they are
   * simply more than any balance.
   */
  static long total(Transaction tx, long amount) {
    long sum = amount + tx.fee();
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private void checkSecondSignature(Transaction tx, Wallet sender)
      throws TransactionRejectedException {
    if (sender.secondPublicKey() != null) {
      if (tx.secondSignature() == null) {
        throw reject(
            Rejection.MISSING_SECOND_SIGNATURE, tx, "the sender wallet needs a second signature");
      }
      Bytes key;
      try {
        key = Bytes.fromHex(sender.secondPublicKey());
      } catch (DecodeException e) {
        throw new IllegalStateException("stored second public key is not hex", e);
      }
      if (!verifier.secondSignatureVerifies(tx, key)) {
        throw reject(Rejection.INVALID_SECOND_SIGNATURE, tx, "the second signature is invalid");
      }
    } else if (tx.secondSignature() != null) {
      throw reject(
          Rejection.UNEXPECTED_SECOND_SIGNATURE,
          tx,
          "second signature from a wallet without a second public key");
    }
  }

  private void checkMultiSignature(Transaction tx, Wallet sender)
      throws TransactionRejectedException {
    MultiSignature multi = sender.multiSignature();
    if (multi != null) {
      if (multi.legacy()) {
        throw reject(
            Rejection.LEGACY_MULTI_SIGNATURE,
            tx,
            "legacy (version 1) multi-signature wallets cannot send transactions");
      }
      if (!verifier.walletMultiSignatureVerifies(tx, toAsset(multi))) {
        throw reject(
            Rejection.INVALID_MULTI_SIGNATURE,
            tx,
            "the signatures do not satisfy the wallet's "
                + multi.min()
                + "-of-"
                + multi.publicKeys().size()
                + " multi-signature");
      }
    } else if (tx.type() != TransactionType.MULTI_SIGNATURE && !tx.signatures().isEmpty()) {
      throw reject(
          Rejection.UNEXPECTED_MULTI_SIGNATURE,
          tx,
          "multi-signatures from a wallet without a multi-signature registration");
    }
  }

  /** Nonce, and for debiting types amount plus fee; returns the stored sender. */
  Wallet apply(Transaction tx, Wallet sender, boolean debit, boolean allowNegative) {
    Wallet updated =
        tx.version() > 1
            ? sender.withNonce(tx.nonce())
            : sender.withNonce(Math.addExact(sender.nonce(), 1));
    if (debit) {
      updated = updated.plusBalance(-Math.addExact(tx.amount(), tx.fee()));
      if (updated.balance() < 0 && !allowNegative) {
        throw new IllegalStateException("negative balance after checks for " + tx.id());
      }
    }
    return updated;
  }

  static Asset.MultiSignature toAsset(MultiSignature multi) {
    List<Bytes> keys = new ArrayList<>(multi.publicKeys().size());
    for (String key : multi.publicKeys()) {
      try {
        keys.add(Bytes.fromHex(key));
      } catch (DecodeException e) {
        throw new IllegalStateException("stored multi-signature key is not hex", e);
      }
    }
    return new Asset.MultiSignature(multi.min(), keys);
  }
}
