package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.Rejections.reject;

import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.Wallet;

/** IPFS: the sender registers a hash no wallet has registered before. */
final class IpfsHandler implements TypeHandler {
  @Override
  public TransactionType type() {
    return TransactionType.IPFS;
  }

  /** ARK keeps the hash as the base58 text of the multihash. */
  static String hash(Transaction tx) {
    return Base58.encode(((Asset.Ipfs) tx.asset()).multihash().toArray());
  }

  @Override
  public void check(Transaction tx, Wallet sender, WalletRepository wallets, StateContext ctx)
      throws TransactionRejectedException {
    String hash = hash(tx);
    if (wallets.ipfsHashOwner(hash).isPresent()) {
      throw reject(
          Rejection.IPFS_HASH_USED, tx, "the IPFS hash " + hash + " is already registered");
    }
  }

  @Override
  public void apply(Transaction tx, WalletRepository wallets, StateContext ctx) {
    Wallet sender = wallets.byPublicKey(tx.senderPublicKey().hex());
    wallets.put(sender.withIpfsHash(hash(tx)));
  }
}
