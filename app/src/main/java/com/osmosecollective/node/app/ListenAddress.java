package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.Setting;
import com.osmosecollective.node.config.settings.SettingsException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * An address the node listens on, checked before anything is opened: the host must resolve to an
 * address of this machine (or the wildcard), else binding it would fail only after the database was
 * opened.
 */
final class ListenAddress {
  private ListenAddress() {}

  static InetSocketAddress of(Setting<String> host, Setting<Integer> port)
      throws SettingsException {
    InetAddress address;
    try {
      address = InetAddress.getByName(host.value());
    } catch (UnknownHostException e) {
      throw new SettingsException(
          host.where() + " '" + host.value() + "' does not resolve to an address");
    }
    if (!isLocal(address)) {
      throw new SettingsException(
          host.where()
              + " "
              + host.value()
              + " is not an address of this machine, so nothing can listen on it (use one of its"
              + " interfaces' addresses, 127.0.0.1, or 0.0.0.0 for all)");
    }
    return new InetSocketAddress(address, port.value());
  }

  private static boolean isLocal(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  /**
   * Why {@code what} could not bind {@code address}, with the address and port: for "address
   * already in use" that another process listens there and what to do.
   */
  static String bindFailure(
      String what, InetSocketAddress address, String portFlag, java.net.BindException e) {
    String where =
        what + " cannot listen on " + address.getHostString() + ":" + address.getPort() + ": ";
    String reason = e.getMessage() == null ? "" : e.getMessage();
    if (reason.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
      return where
          + "address already in use (another osmose node or another program listens there);"
          + " stop it or choose another "
          + portFlag;
    }
    return where + reason;
  }
}
