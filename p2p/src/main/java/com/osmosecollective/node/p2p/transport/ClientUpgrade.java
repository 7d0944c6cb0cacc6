package com.osmosecollective.node.p2p.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Opens an outbound WebSocket: no extensions (no decompression: SV-057), no redirects followed
 * (SV-052): any answer but the 101 upgrade ends the socket.
 */
final class ClientUpgrade extends SimpleChannelInboundHandler<FullHttpResponse> {
  /** The name Netty's handshaker gives the WebSocket decoder it installs. */
  private static final String WS_DECODER = "ws-decoder";

  private final int maxFrameBytes;
  private final InboundByteBudget budget;
  private final ViolationSink violations;
  private WebSocketClientHandshaker handshaker;

  ClientUpgrade(int maxFrameBytes, InboundByteBudget budget, ViolationSink violations) {
    this.maxFrameBytes = maxFrameBytes;
    this.budget = budget;
    this.violations = violations;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
    String host = remote.getAddress().getHostAddress();
    URI uri =
        URI.create(
            "ws://"
                + (host.contains(":") ? "[" + host + "]" : host)
                + ":"
                + remote.getPort()
                + "/");
    handshaker =
        WebSocketClientHandshakerFactory.newHandshaker(
            uri,
            WebSocketVersion.V13,
            null,
            false,
            EmptyHttpHeaders.INSTANCE,
            maxFrameBytes,
            true,
            false);
    var unused = handshaker.handshake(ctx.channel());
    super.channelActive(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
    try {
      handshaker.finishHandshake(ctx.channel(), response);
    } catch (WebSocketHandshakeException e) {
      violations.report(
          ctx.channel(), Channels.remoteIp(ctx.channel()), Violation.HANDSHAKE, e.getMessage());
      return;
    }
    NesClientSession session = ctx.pipeline().get(NesClientSession.class);
    if (session != null) {
      // frames are capped by their header, at what this socket awaits (SV-059); answers we
      // asked for are always admitted by the byte budget, and counted
      ctx.pipeline()
          .addBefore(
              WS_DECODER,
              "frame-limit",
              new InboundFrameLimit(session::awaitedFrameBytes, budget, true, violations));
    }
    ctx.pipeline().remove(this);
    ctx.pipeline().fireUserEventTriggered(Upgraded.INSTANCE);
  }
}
