package com.osmosecollective.node.genesis.spec;

/** A genesis spec that cannot be used; the message names the key and the rule. */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }
}
