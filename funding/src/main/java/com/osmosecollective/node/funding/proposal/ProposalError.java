package com.osmosecollective.node.funding.proposal;

/**
 * One reason a proposal document is refused.
 *
 * @param field where in the document, e.g. {@code split[2].address} ({@code ""} for the whole
 *     document)
 */
public record ProposalError(String field, String message) {
  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
