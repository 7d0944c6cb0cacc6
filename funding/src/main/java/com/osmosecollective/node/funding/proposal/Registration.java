package com.osmosecollective.node.funding.proposal;

/**
 * An IPFS registration on chain: the type 5 transaction that registered {@code cid}.
 *
 * @param timestamp the block's timestamp, seconds since the network epoch
 */
public record Registration(
    String cid,
    String transactionId,
    String senderAddress,
    String senderPublicKey,
    long height,
    int position,
    long timestamp) {

  /** True when this registration comes before (height, position) {@code other}'s. */
  public boolean before(Registration other) {
    return height < other.height || (height == other.height && position < other.position);
  }
}
