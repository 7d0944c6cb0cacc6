package com.osmosecollective.node.p2p.transport;

/**
 * Every way a peer can break the protocol. Each one tears the socket down without a reply and is
 * counted by the one reputation path ({@code peer.Reputation}), whatever layer noticed it.
 */
public enum Violation {
  /** Not a WebSocket upgrade, a bad upgrade, or no hello in time (SV-038, SV-040). */
  HANDSHAKE,
  /**
   * A frame that is not one binary nes frame: text, ping/pong, fragments, reserved bits (SV-064).
   */
  FRAME_TYPE,
  /** A frame that does not parse as nes, or a nes message out of order (SV-027, SV-031, SV-070). */
  BAD_FRAME,
  /** A frame or request above its cap (SV-059, SV-033). */
  OVERSIZE,
  /** A route this protocol does not have (SV-026). */
  UNKNOWN_ROUTE,
  /** A payload that does not decode or breaks the route's schema (SV-067, SV-071). */
  DECODING,
  /** A block that fails verification. */
  INVALID_BLOCK,
  /** Transactions that fail the stateless checks. */
  INVALID_TRANSACTION,
  /** A global or per-route rate limit exceeded (SV-028, SV-034, SV-069). */
  RATE_LIMIT,
  /** A peer of another network (nethash) or an unacceptable version. */
  WRONG_NETWORK,
  /** An internal route from an address outside remote access (SV-029, SV-063). */
  UNAUTHORISED_INTERNAL,
  /** Data on an outbound socket that we did not ask for (SV-060). */
  UNSOLICITED,
  /** A peer whose answers contradict themselves or the chain (height, common blocks). */
  LYING
}
