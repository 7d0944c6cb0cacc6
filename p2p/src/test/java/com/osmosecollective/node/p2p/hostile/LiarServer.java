package com.osmosecollective.node.p2p.hostile;

import com.osmosecollective.node.p2p.peer.PeerIp;
import com.osmosecollective.node.p2p.transport.ConnectionGate;
import com.osmosecollective.node.p2p.transport.FrameCounter;
import com.osmosecollective.node.p2p.transport.InboundByteBudget;
import com.osmosecollective.node.p2p.transport.InboundRequest;
import com.osmosecollective.node.p2p.transport.P2pChannelInitializer;
import com.osmosecollective.node.p2p.transport.TransportLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A peer that speaks the protocol but lies: our own server stack on a chosen loopback address,
 * answering each route with whatever bytes the test scripts (routes without a script get no
 * answer).
 */
public final class LiarServer implements AutoCloseable {
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel channel;

  public LiarServer(String ip, Map<String, Function<byte[], byte[]>> script, boolean answerTwice)
      throws InterruptedException {
    P2pChannelInitializer init =
        P2pChannelInitializer.inbound(
            TransportLimits.ark(),
            (ch, from, violation, detail) -> ch.close(),
            FrameCounter.UNLIMITED,
            (InboundRequest request) -> {
              Function<byte[], byte[]> answer = script.get(request.route());
              if (answer != null) {
                byte[] bytes = answer.apply(request.payload().toArray());
                request.respond(200, bytes);
                if (answerTwice) {
                  request.respond(200, bytes);
                }
              }
            },
            new ConnectionGate(100, 100, 100, a -> false, Set.of(), PeerIp::subnet),
            new InboundByteBudget(TransportLimits.ark().inboundBudgetBytes()));
    this.channel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(init)
            .bind(ip, 0)
            .sync()
            .channel();
  }

  public String address() {
    InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
    return bound.getAddress().getHostAddress() + ":" + bound.getPort();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
