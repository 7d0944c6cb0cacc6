package com.osmosecollective.node.config;

/** A network definition that cannot be read or is not valid. */
public final class NetworkConfigException extends Exception {
  public NetworkConfigException(String message) {
    super(message);
  }
}
