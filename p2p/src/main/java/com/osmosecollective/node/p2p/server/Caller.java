package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.peer.InboundCallers;
import java.net.InetAddress;

/**
 * Who sent a request: the socket's IP (never a header: SV-004) and what to do with the headers the
 * request carried (peer acceptance of public callers).
 */
public record Caller(InetAddress ip, boolean remoteAccess, InboundCallers callers) {
  /**
   * Reports the request's headers (null when absent) for peer acceptance: a remote-access caller is
   * our forger unless it announces a P2P port (a peer of a local network on 127.0.0.1).
   */
  public void seen(Headers headers) {
    if (headers != null && !isForger(headers)) {
      callers.seen(ip, headers);
    }
  }

  /** Whether this is our own forger process: remote access and no P2P port announced. */
  public boolean isForger(Headers headers) {
    return remoteAccess && (headers == null || headers.port() == null);
  }
}
