package com.osmosecollective.node.p2p.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Small helpers on Netty channels. */
public final class Channels {
  private Channels() {}

  /**
   * Closes without a close handshake or a reply: linger 0 makes the kernel send a reset, so a
   * flooding peer costs us nothing more (SV-028).
   */
  public static void tearDown(Channel channel) {
    if (channel.isOpen()) {
      try {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
      } catch (RuntimeException ignored) {
        // the option is best effort; closing is what matters
      }
      var unused = channel.close();
    }
  }

  /** The remote IP of the TCP connection: the only peer identity we trust (SV-004). */
  public static InetAddress remoteIp(Channel channel) {
    return ((InetSocketAddress) channel.remoteAddress()).getAddress();
  }
}
