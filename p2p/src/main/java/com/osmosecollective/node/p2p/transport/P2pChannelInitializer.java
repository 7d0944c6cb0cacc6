package com.osmosecollective.node.p2p.transport;

import com.osmosecollective.node.p2p.nes.NesFrameCodec;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one initializer of every P2P socket, inbound, outbound and redialled alike (SV-068): the same
 * upgrade rules, frame guard, frame counting, nes session and last-resort exception handler.
 * Inbound sockets get a {@link NesServerSession} wired to the router; outbound ones a {@link
 * NesClientSession} the connector takes from the pipeline.
 */
public final class P2pChannelInitializer extends ChannelInitializer<SocketChannel> {
  /** Which side of the socket we are. */
  public enum Role {
    INBOUND,
    OUTBOUND
  }

  private final Role role;
  private final TransportLimits limits;
  private final ViolationSink violations;
  private final FrameCounter counter;
  private final RequestHandler handler;
  private final ConnectionGate gate;
  private final InboundByteBudget budget;
  private final AtomicLong socketIds = new AtomicLong();

  private P2pChannelInitializer(
      Role role,
      TransportLimits limits,
      ViolationSink violations,
      FrameCounter counter,
      RequestHandler handler,
      ConnectionGate gate,
      InboundByteBudget budget) {
    this.role = role;
    this.limits = limits;
    this.violations = violations;
    this.counter = counter;
    this.handler = handler;
    this.gate = gate;
    this.budget = budget;
  }

  /**
   * For the server's accepted sockets; {@code budget} is shared with the outbound initializer (one
   * budget per node).
   */
  public static P2pChannelInitializer inbound(
      TransportLimits limits,
      ViolationSink violations,
      FrameCounter counter,
      RequestHandler handler,
      ConnectionGate gate,
      InboundByteBudget budget) {
    return new P2pChannelInitializer(
        Role.INBOUND, limits, violations, counter, handler, gate, budget);
  }

  /** For sockets we dial. */
  public static P2pChannelInitializer outbound(
      TransportLimits limits,
      ViolationSink violations,
      FrameCounter counter,
      InboundByteBudget budget) {
    return new P2pChannelInitializer(
        Role.OUTBOUND, limits, violations, counter, null, null, budget);
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    int headerBytes = limits.maxHttpHeaderBytes();
    if (role == Role.INBOUND) {
      p.addLast("gate", gate);
      p.addLast("http", new HttpServerCodec(4096, headerBytes, 8192));
      p.addLast("aggregate", new HttpObjectAggregator(headerBytes));
      p.addLast("upgrade", new ServerUpgrade(violations, limits.serverMaxFrameBytes(), budget));
      p.addLast("frames", new FrameGuard(violations, counter));
      p.addLast(
          "nes",
          new NesServerSession(
              new NesFrameCodec(limits.serverMaxFrameBytes()),
              limits,
              violations,
              handler,
              "osm-" + Long.toHexString(socketIds.incrementAndGet())));
    } else {
      p.addLast("http", new HttpClientCodec(4096, headerBytes, 8192));
      p.addLast("aggregate", new HttpObjectAggregator(headerBytes));
      p.addLast("upgrade", new ClientUpgrade(limits.clientMaxFrameBytes(), budget, violations));
      p.addLast("frames", new FrameGuard(violations, counter));
      p.addLast(
          "nes",
          new NesClientSession(
              new NesFrameCodec(limits.clientMaxFrameBytes()), limits, violations));
    }
    p.addLast("last", new LastHandler(violations));
  }
}
