package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.core.encoding.DecodeException;
import java.util.concurrent.CompletableFuture;

/** Serves one route: decodes the payload and completes with the answer's codec bytes. */
@FunctionalInterface
public interface RouteHandler {
  CompletableFuture<byte[]> handle(Caller caller, byte[] payload)
      throws DecodeException, PeerViolationException;
}
