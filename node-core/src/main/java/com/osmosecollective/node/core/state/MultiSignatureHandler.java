package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.crypto.MultiSignatureKeys;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.List;

/**
 * AIP-18 multi-signature registration: the sender pays, the wallet of the key derived from the
 * asset gets the registration. Legacy (v1) registrations are refused by {@link SenderRules}.
 */
final class MultiSignatureHandler implements TypeHandler {
  private final TransactionVerifier verifier;

  MultiSignatureHandler(TransactionVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public TransactionType type() {
    return TransactionType.MULTI_SIGNATURE;
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    Asset.MultiSignature asset = (Asset.MultiSignature) tx.asset();
    int n = asset.publicKeys().size();
    if (asset.min() < 1 || asset.min() > n || asset.min() > MultiSignatureKeys.MAX_PARTICIPANTS) {
      throw reject(
          Rejection.MULTI_SIGNATURE_MINIMUM,
          tx,
          "min " + asset.min() + " must be within 1.." + Math.min(n, 16));
    }
    if (tx.signatures().size() != n) {
      throw reject(
          Rejection.MULTI_SIGNATURE_KEY_COUNT,
          tx,
          "needs one signature per participant: "
              + n
              + " keys, "
              + tx.signatures().size()
              + " signatures");
    }
    String walletKey = walletKey(tx, asset);
    if (wallets.byPublicKey(walletKey).multiSignature() != null) {
      throw reject(
          Rejection.MULTI_SIGNATURE_ALREADY_REGISTERED,
          tx,
          "this multi-signature wallet is already registered");
    }
    if (!verifier.registrationSignaturesVerify(tx)) {
      throw reject(Rejection.INVALID_MULTI_SIGNATURE, tx, "a participant signature is invalid");
    }
  }

  private static String walletKey(Transaction tx, Asset.MultiSignature asset)
      throws TransactionRejectedException {
    List<byte[]> keys = new ArrayList<>(asset.publicKeys().size());
    asset.publicKeys().forEach(k -> keys.add(k.toArray()));
    try {
      return Hex.encode(MultiSignatureKeys.publicKey(asset.min(), keys));
    } catch (DecodeException e) {
      throw reject(Rejection.MULTI_SIGNATURE_MINIMUM, tx, e.getMessage());
    }
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    Asset.MultiSignature asset = (Asset.MultiSignature) tx.asset();
    String walletKey;
    try {
      walletKey = walletKey(tx, asset);
    } catch (TransactionRejectedException e) {
      throw new IllegalStateException("checked registration became invalid", e);
    }
    List<String> keys = asset.publicKeys().stream().map(Bytes::hex).toList();
    Wallet wallet = wallets.byPublicKey(walletKey);
    wallets.put(wallet.withMultiSignature(new MultiSignature(asset.min(), keys, false)));
  }
}
