package com.osmosecollective.node.core.tx;

import com.osmosecollective.node.core.crypto.MultiSignatureKeys;
import com.osmosecollective.node.core.crypto.SignatureVerifier;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a transaction in isolation (spec §7.1): version and type allowed by the milestone, the
 * sender's signature over the §2.3 digest, and, when the caller knows them, the second signature
 * and the multi-signature of the sender's wallet (spec §2.4–2.5). A multi-signature registration's
 * participant signatures are checked against its own asset, as ARK's handler does.
 */
public final class TransactionVerifier {
  private final SignatureVerifier signatures;

  public TransactionVerifier(SignatureVerifier signatures) {
    this.signatures = Objects.requireNonNull(signatures);
  }

  /** ARK's library view: nothing is known about the sender's wallet. */
  public VerificationResult verify(Transaction tx, TxContext ctx) {
    return verify(tx, ctx, SenderKeys.unknown());
  }

  public VerificationResult verify(Transaction tx, TxContext ctx, SenderKeys sender) {
    return verify(tx, ctx, sender, false);
  }

  /**
   * Everything that can be checked without the sender's wallet: for a transaction of a
   * multi-signature wallet ({@link #needsSenderWallet}) the participant signatures are left to
   * {@link #verify(Transaction, TxContext, SenderKeys)} with the wallet's keys.
   */
  public VerificationResult verifyWithoutWallet(Transaction tx, TxContext ctx) {
    return verify(tx, ctx, SenderKeys.unknown(), true);
  }

  /**
   * Whether the transaction carries participant signatures that only the sender wallet's
   * multi-signature asset can check (any multi-signature transaction but a registration).
   */
  public static boolean needsSenderWallet(Transaction tx) {
    return !tx.signatures().isEmpty()
        && !(tx.asset() instanceof Asset.MultiSignature)
        && !(tx.asset() instanceof Asset.MultiSignatureLegacy);
  }

  private VerificationResult verify(
      Transaction tx, TxContext ctx, SenderKeys sender, boolean deferWallet) {
    List<String> reasons = new ArrayList<>();
    if (!TransactionRules.supportsVersion(ctx.milestone(), tx.version())) {
      reasons.add("version " + tx.version() + " is not supported at this height");
    }
    if (!TransactionRules.isEnabled(ctx.milestone(), tx)) {
      reasons.add(tx.type().feeKey() + " transactions are not enabled at this height");
    }
    byte[] senderKey = tx.senderPublicKey().toArray();
    boolean registration = tx.asset() instanceof Asset.MultiSignature;
    if (tx.signature() != null) {
      if (!signatures.verify(
          TransactionHashes.signatureHash(tx), tx.signature().toArray(), senderKey)) {
        reasons.add("invalid signature");
      }
    } else if (tx.signatures().isEmpty() || registration) {
      reasons.add("missing signature");
    }
    if (registration) {
      verifyRegistration(tx, (Asset.MultiSignature) tx.asset(), reasons);
    } else if (tx.asset() instanceof Asset.MultiSignatureLegacy) {
      reasons.add("legacy multi-signature registrations are only valid as network exceptions");
    } else if (!tx.signatures().isEmpty() && !deferWallet) {
      verifyMultiSignatureWallet(tx, sender, reasons);
    }
    verifySecondSignature(tx, sender, reasons);
    return VerificationResult.of(reasons);
  }

  /**
   * Whether the second signature verifies against the wallet's second public key (state handlers:
   * the first signature was checked in isolation already).
   */
  public boolean secondSignatureVerifies(Transaction tx, Bytes secondPublicKey) {
    return tx.secondSignature() != null
        && signatures.verify(
            TransactionHashes.secondSignatureHash(tx),
            tx.secondSignature().toArray(),
            secondPublicKey.toArray());
  }

  /**
   * Whether the participant signatures satisfy the sender wallet's multi-signature and the sender
   * key is that wallet's key (state handlers).
   */
  public boolean walletMultiSignatureVerifies(Transaction tx, Asset.MultiSignature walletAsset) {
    if (tx.signatures().isEmpty()) {
      return false;
    }
    List<String> reasons = new ArrayList<>();
    verifyMultiSignatureWallet(tx, SenderKeys.of(null, walletAsset), reasons);
    return reasons.isEmpty();
  }

  /** Whether a v2 registration carries a valid signature of every participant of its asset. */
  public boolean registrationSignaturesVerify(Transaction tx) {
    if (!(tx.asset() instanceof Asset.MultiSignature asset)) {
      return false;
    }
    List<String> reasons = new ArrayList<>();
    verifyRegistration(tx, asset, reasons);
    return reasons.isEmpty();
  }

  private void verifySecondSignature(Transaction tx, SenderKeys sender, List<String> reasons) {
    if (sender.secondPublicKey().isPresent()) {
      if (tx.secondSignature() == null) {
        reasons.add("missing second signature");
      } else if (!signatures.verify(
          TransactionHashes.secondSignatureHash(tx),
          tx.secondSignature().toArray(),
          sender.secondPublicKey().get().toArray())) {
        reasons.add("invalid second signature");
      }
    } else if (sender.walletKnown() && tx.secondSignature() != null) {
      reasons.add("second signature from a wallet without a second public key");
    }
  }

  private void verifyRegistration(
      Transaction tx, Asset.MultiSignature asset, List<String> reasons) {
    if (tx.signatures().size() != asset.publicKeys().size()) {
      reasons.add("a multi-signature registration needs one signature per participant");
    }
    if (!participantsVerify(tx, asset)) {
      reasons.add("invalid multi-signatures");
    }
  }

  private void verifyMultiSignatureWallet(Transaction tx, SenderKeys sender, List<String> reasons) {
    if (sender.multiSignature().isEmpty()) {
      reasons.add("multi-signatures need the sender wallet's multi-signature asset");
      return;
    }
    Asset.MultiSignature asset = sender.multiSignature().get();
    try {
      Bytes walletKey =
          Bytes.of(
              MultiSignatureKeys.publicKey(
                  asset.min(), asset.publicKeys().stream().map(Bytes::toArray).toList()));
      if (!walletKey.equals(tx.senderPublicKey())) {
        reasons.add("senderPublicKey is not the multi-signature wallet's key");
      }
    } catch (DecodeException e) {
      reasons.add("multi-signature asset is invalid: " + e.getMessage());
      return;
    }
    if (!participantsVerify(tx, asset)) {
      reasons.add("invalid multi-signatures");
    }
  }

  /**
   * ARK's walk (spec §2.5): in order; a repeated index fails; success once {@code min} verified;
   * stop early when the remaining entries cannot reach {@code min}.
   */
  boolean participantsVerify(Transaction tx, Asset.MultiSignature asset) {
    List<Bytes> list = tx.signatures();
    byte[] digest = TransactionHashes.multiSignatureHash(tx);
    boolean[] seen = new boolean[256];
    int verified = 0;
    for (int i = 0; i < list.size(); i++) {
      byte[] entry = list.get(i).toArray();
      int index = entry[0] & 0xff;
      if (seen[index]) {
        return false;
      }
      seen[index] = true;
      if (index < asset.publicKeys().size()
          && signatures.verifySchnorr(
              digest,
              Arrays.copyOfRange(entry, 1, entry.length),
              asset.publicKeys().get(index).toArray())) {
        verified++;
      }
      if (verified == asset.min()) {
        return true;
      }
      int failed = i + 1 - verified;
      if (list.size() - failed < asset.min()) {
        return false;
      }
    }
    return false;
  }
}
