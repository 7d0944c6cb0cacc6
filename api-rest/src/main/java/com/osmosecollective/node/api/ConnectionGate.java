package com.osmosecollective.node.api;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open API connections, in all and per remote address, so idle or slow clients cannot take the
 * file descriptors the chain needs: a connection over a cap is closed as soon as it opens.
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);

  private final int maxTotal;
  private final int maxPerIp;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<String, AtomicInteger> perIp = new ConcurrentHashMap<>();
  private final AtomicInteger refused = new AtomicInteger();

  ConnectionGate(int maxTotal, int maxPerIp) {
    this.maxTotal = maxTotal;
    this.maxPerIp = maxPerIp;
  }

  /**
   * The total cap: the configured one, lowered so that {@code reserved} descriptors stay free of
   * the process's limit (when the JVM can tell it).
   */
  static int effectiveCap(int configured, int reserved) {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      long max = unix.getMaxFileDescriptorCount();
      long open = unix.getOpenFileDescriptorCount();
      long room = max - open - reserved;
      return (int) Math.max(1, Math.min(configured, room));
    }
    return configured;
  }

  int open() {
    return total.get();
  }

  int refused() {
    return refused.get();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    String ip = ip(ctx);
    AtomicInteger mine = perIp.computeIfAbsent(ip, k -> new AtomicInteger());
    int now = total.incrementAndGet();
    int fromIp = mine.incrementAndGet();
    ctx.channel().closeFuture().addListener(f -> release(ip, mine));
    if (now > maxTotal || fromIp > maxPerIp) {
      if (refused.getAndIncrement() % 1000 == 0) {
        LOG.debug("API connection from {} refused ({} open, {} from it)", ip, now, fromIp);
      }
      var unused = ctx.close(); // nothing to do if closing fails
      return;
    }
    super.channelActive(ctx);
  }

  private void release(String ip, AtomicInteger mine) {
    total.decrementAndGet();
    if (mine.decrementAndGet() == 0) {
      perIp.remove(ip, mine);
    }
  }

  static String ip(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress a
        ? a.getAddress().getHostAddress()
        : "?";
  }
}
