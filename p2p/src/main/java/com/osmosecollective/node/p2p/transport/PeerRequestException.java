package com.osmosecollective.node.p2p.transport;

/** A request to a peer that got no usable answer. */
public final class PeerRequestException extends RuntimeException {
  /** Why. */
  public enum Kind {
    /** No answer within the request's deadline. */
    TIMEOUT,
    /** The socket closed (or could not be opened) before the answer. */
    CLOSED,
    /** ARK's 499 "App is not ready". */
    NOT_READY,
    /** Any other status, or an answer we could not use. */
    FAILED
  }

  private final Kind kind;

  public PeerRequestException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
