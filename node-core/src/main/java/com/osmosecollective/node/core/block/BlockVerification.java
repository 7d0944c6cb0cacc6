package com.osmosecollective.node.core.block;

import java.util.List;

/**
 * The result of verifying a block in isolation. {@code containsMultiSignatures} says that some
 * transaction carries participant signatures whose check needs the sender's wallet (the block
 * processor re-checks those against state before rejecting, as ARK does).
 */
public record BlockVerification(
    boolean verified, List<String> errors, boolean containsMultiSignatures) {
  public BlockVerification {
    errors = List.copyOf(errors);
  }
}
