package com.osmosecollective.node.p2p.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Accept-time budgets (SV-036): banned IPs, and sockets above the total, per-IP or per-subnet caps,
 * are closed before a byte is read. Remote-access addresses (our own forger) are not capped per IP.
 */
@ChannelHandler.Sharable
public final class ConnectionGate extends ChannelInboundHandlerAdapter {
  private final int maxTotal;
  private final int maxPerIp;
  private final int maxPerSubnet;
  private final Predicate<InetAddress> banned;
  private final Set<InetAddress> uncapped;
  private final Function<InetAddress, String> subnetOf;
  private final AtomicInteger total = new AtomicInteger();
  private final Map<InetAddress, AtomicInteger> perIp = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perSubnet = new ConcurrentHashMap<>();

  public ConnectionGate(
      int maxTotal,
      int maxPerIp,
      int maxPerSubnet,
      Predicate<InetAddress> banned,
      Set<InetAddress> uncapped,
      Function<InetAddress, String> subnetOf) {
    this.maxTotal = maxTotal;
    this.maxPerIp = maxPerIp;
    this.maxPerSubnet = maxPerSubnet;
    this.banned = banned;
    this.uncapped = Set.copyOf(uncapped);
    this.subnetOf = subnetOf;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    InetAddress ip = Channels.remoteIp(ctx.channel());
    if (banned.test(ip)) {
      Channels.tearDown(ctx.channel());
      return;
    }
    boolean capped = !uncapped.contains(ip);
    String subnet = subnetOf.apply(ip);
    int all = total.incrementAndGet();
    int fromIp = perIp.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
    int fromSubnet = perSubnet.computeIfAbsent(subnet, k -> new AtomicInteger()).incrementAndGet();
    ctx.channel()
        .closeFuture()
        .addListener(
            f -> {
              total.decrementAndGet();
              decrement(perIp, ip);
              decrement(perSubnet, subnet);
            });
    if (all > maxTotal || (capped && (fromIp > maxPerIp || fromSubnet > maxPerSubnet))) {
      Channels.tearDown(ctx.channel());
      return;
    }
    super.channelActive(ctx);
  }

  public int open() {
    return total.get();
  }

  private static <K> void decrement(Map<K, AtomicInteger> counts, K key) {
    counts.computeIfPresent(key, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
  }
}
