package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.p2p.message.Headers;
import java.net.InetAddress;

/**
 * Who sent a request: the socket's IP (never a header: SV-004) and what to do with the headers the
 * request carried (peer acceptance of public callers).
 */
public record Caller(InetAddress ip, boolean remoteAccess, Callers callers) {
  /** Hears of every public request's caller. */
  @FunctionalInterface
  public interface Callers {
    void seen(InetAddress ip, Headers headers);
  }

  /** Reports the request's headers (null when absent) for peer acceptance. */
  public void seen(Headers headers) {
    if (headers != null && !remoteAccess) {
      callers.seen(ip, headers);
    }
  }
}
