package com.osmosecollective.node.p2p.transport;

/** The user event fired down the pipeline once the WebSocket upgrade is done. */
enum Upgraded {
  INSTANCE
}
