package com.osmosecollective.node.p2p.codec;

/** Caps on single fields that no honest ARK peer comes near; lists have their own caps. */
final class WireLimits {
  /** Ids, hashes, keys, signatures, versions, names, IPs, URLs: all far below 1 KiB. */
  static final int MAX_TEXT_BYTES = 1024;

  private WireLimits() {}
}
