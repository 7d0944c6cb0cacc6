package com.osmosecollective.node.p2p.server;

import com.osmosecollective.node.p2p.message.PostBlockResponse;

/** Where {@code p2p.blocks.postBlock} hands a decoded block (the relay's intake, spec §3.3). */
@FunctionalInterface
public interface PostedBlocks {
  /**
   * Decides what to do with a posted block and answers ARK's {@code {status, height}}.
   *
   * @param headers the request's headers, null when absent (their port names the sender's server)
   */
  PostBlockResponse posted(
      com.osmosecollective.node.core.block.Block block,
      Caller caller,
      com.osmosecollective.node.p2p.message.Headers headers)
      throws PeerViolationException;
}
