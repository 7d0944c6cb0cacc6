package com.osmosecollective.node.funding.proposal;

/**
 * A valid proposal document whose CID no delegate registered on chain: the node does not keep it.
 */
public final class UnregisteredProposalException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String cid;

  public UnregisteredProposalException(String cid, String reason) {
    super("proposal " + cid + " is not kept: " + reason);
    this.cid = cid;
  }

  public String cid() {
    return cid;
  }
}
