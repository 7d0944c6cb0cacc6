package com.osmosecollective.node.funding.proposal;

import java.util.List;

/** A proposal document that breaks the schema or the rules a schema cannot say. */
public final class InvalidProposalException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ProposalError> errors;

  public InvalidProposalException(List<ProposalError> errors) {
    super(String.join("; ", errors.stream().map(ProposalError::toString).toList()));
    this.errors = List.copyOf(errors);
  }

  /** Every error found, each naming its field. */
  public List<ProposalError> errors() {
    return errors;
  }

  /** The field of the first error (what a 422 names). */
  public String firstField() {
    return errors.isEmpty() ? "" : errors.get(0).field();
  }
}
