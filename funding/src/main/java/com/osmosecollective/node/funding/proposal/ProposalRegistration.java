package com.osmosecollective.node.funding.proposal;

import com.osmosecollective.node.config.Milestone;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.funding.ipfs.CidV0;

/** The IPFS (type 5) transaction by which a delegate registers its proposal's CID. */
public final class ProposalRegistration {
  static final long DEFAULT_IPFS_FEE = 500_000_000L;

  private ProposalRegistration() {}

  /**
   * Signs the registration of {@code cid}.
   *
   * @param nonce the delegate wallet's nonce + 1
   * @param milestone the milestone of the next height (its static {@code ipfs} fee)
   */
  public static Transaction build(
      String cid, PrivateKey delegateKey, long nonce, Milestone milestone, int pubKeyHash) {
    if (!CidV0.isCidV0(cid)) {
      throw new IllegalArgumentException(cid + " is not a CIDv0");
    }
    byte[] multihash;
    try {
      multihash = Base58.decode(cid);
    } catch (DecodeException e) {
      throw new IllegalArgumentException(cid + " is not base58", e);
    }
    Transaction tx =
        Transaction.builder()
            .version(2)
            .network(pubKeyHash)
            .nonce(nonce)
            .senderPublicKey(Bytes.of(delegateKey.publicKey()))
            .fee(milestone.staticFee("ipfs", DEFAULT_IPFS_FEE))
            .amount(0)
            .asset(new Asset.Ipfs(Bytes.of(multihash)))
            .build();
    return TransactionSigner.sign(tx, delegateKey);
  }
}
