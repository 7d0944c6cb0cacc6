package com.osmosecollective.node.core.encoding;

/**
 * The one checked exception every decoder throws on malformed, oversized or otherwise unacceptable
 * input. Callers at a trust boundary (P2P, REST, CLI) catch only this type; anything else escaping
 * a decoder is a bug.
 */
public final class DecodeException extends Exception {
  public DecodeException(String reason) {
    super(reason);
  }

  public DecodeException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
