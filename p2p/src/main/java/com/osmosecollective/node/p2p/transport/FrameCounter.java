package com.osmosecollective.node.p2p.transport;

import java.net.InetAddress;

/** Counts every frame as it arrives, before any decoding (SV-034, SV-071). */
@FunctionalInterface
public interface FrameCounter {
  /** False when the sender is over its global message rate. */
  boolean admit(InetAddress ip);

  FrameCounter UNLIMITED = ip -> true;
}
