package com.osmosecollective.node.acceptance.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports no one listens on right now (a small race with other processes remains). */
final class FreePorts {
  private FreePorts() {}

  /** A free port on 127.0.0.1. */
  static int any() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port free on every one of {@code hosts} (ARK needs one P2P port number for all nodes). */
  static int onAll(String... hosts) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = any();
      if (freeOnAll(port, hosts)) {
        return port;
      }
    }
    throw new IllegalStateException("no port free on all of " + String.join(", ", hosts));
  }

  private static boolean freeOnAll(int port, String... hosts) {
    for (String host : hosts) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
