package com.osmosecollective.node.p2p.transport;

/** Serves the requests of inbound sockets (the server's router). */
@FunctionalInterface
public interface RequestHandler {
  /**
   * Called on the socket's event loop: check cheaply, hand slow work to another executor, and
   * answer through {@link InboundRequest#respond} or report a violation.
   */
  void handle(InboundRequest request);
}
