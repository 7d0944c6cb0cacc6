package com.osmosecollective.node.consensus.forger;

import java.util.Optional;

/**
 * One look at the clock by a forger: forges if one of its delegates' slots is due, else nothing.
 * {@link ForgerLoop} calls it from its one thread; the in-process {@link Forger} and the separate
 * process's {@link RelayForger} implement it.
 */
@FunctionalInterface
public interface ForgingStep {
  /** The block made in this step and what was decided about it, if one was due. */
  Optional<Forger.Forged> forgeIfDue();
}
