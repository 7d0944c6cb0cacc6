package com.osmosecollective.node.p2p.transport;

import io.netty.channel.Channel;
import java.net.InetAddress;

/** Where every layer reports a protocol violation; the sink tears the socket down and counts. */
@FunctionalInterface
public interface ViolationSink {
  void report(Channel channel, InetAddress ip, Violation violation, String detail);
}
