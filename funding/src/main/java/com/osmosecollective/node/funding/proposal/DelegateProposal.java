package com.osmosecollective.node.funding.proposal;

import java.util.Optional;

/**
 * A delegate's registration of a proposal CID, with the document when this node holds it.
 *
 * @param proposal the validated document, empty until someone posted it
 */
public record DelegateProposal(
    String username,
    String delegateAddress,
    String delegatePublicKey,
    Registration registration,
    Optional<Proposal> proposal) {}
