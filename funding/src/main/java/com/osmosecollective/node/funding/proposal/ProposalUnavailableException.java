package com.osmosecollective.node.funding.proposal;

/**
 * A delegate registered a CID as its proposal, but this node does not hold a valid document for it:
 * the document must be posted ({@code POST /api/proposals}) before payouts can be planned.
 */
public final class ProposalUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String cid;

  public ProposalUnavailableException(String cid, String reason) {
    super(
        "the proposal "
            + cid
            + " registered on chain is not available on this node ("
            + reason
            + "); post the document to /api/proposals first");
    this.cid = cid;
  }

  public String cid() {
    return cid;
  }
}
