package com.osmosecollective.node.p2p.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;

/**
 * The only thing the P2P port does over HTTP: upgrade {@code GET /} to a WebSocket without
 * extensions (no permessage-deflate: SV-057). Any other request is a violation and the socket is
 * torn down without an HTTP answer (SV-038). Forwarded-for headers are never read (SV-004).
 */
final class ServerUpgrade extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** The name Netty's handshaker gives the WebSocket decoder it installs. */
  private static final String WS_DECODER = "wsdecoder";

  private final ViolationSink violations;
  private final int maxFrameBytes;
  private final InboundByteBudget budget;

  ServerUpgrade(ViolationSink violations, int maxFrameBytes, InboundByteBudget budget) {
    this.violations = violations;
    this.maxFrameBytes = maxFrameBytes;
    this.budget = budget;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String problem = problem(request);
    if (problem != null) {
      violations.report(
          ctx.channel(), Channels.remoteIp(ctx.channel()), Violation.HANDSHAKE, problem);
      return;
    }
    WebSocketDecoderConfig decoder =
        WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(maxFrameBytes)
            .allowExtensions(false)
            .expectMaskedFrames(true)
            .allowMaskMismatch(false)
            .closeOnProtocolViolation(false)
            .build();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory("ws://peer/", null, decoder).newHandshaker(request);
    if (handshaker == null) {
      violations.report(
          ctx.channel(),
          Channels.remoteIp(ctx.channel()),
          Violation.HANDSHAKE,
          "unsupported WebSocket version");
      return;
    }
    var handshake = handshaker.handshake(ctx.channel(), request);
    // the decoder is in place once handshake() returns: frames are charged to the byte budget by
    // their header before it buffers them, from the first byte after the upgrade
    ctx.pipeline()
        .addBefore(
            WS_DECODER,
            "frame-limit",
            new InboundFrameLimit(() -> maxFrameBytes, budget, false, violations));
    handshake.addListener(
        done -> {
          if (done.isSuccess()) {
            ctx.pipeline().remove(this);
            ctx.pipeline().fireUserEventTriggered(Upgraded.INSTANCE);
          } else {
            Channels.tearDown(ctx.channel());
          }
        });
  }

  private static String problem(FullHttpRequest request) {
    if (!request.decoderResult().isSuccess()) {
      return "malformed HTTP request";
    }
    if (!HttpMethod.GET.equals(request.method())) {
      return "HTTP " + request.method() + " on the P2P port";
    }
    if (!request
        .headers()
        .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      return "plain HTTP request on the P2P port";
    }
    String uri = request.uri();
    if (!uri.equals("/") && !uri.isEmpty()) {
      return "WebSocket upgrade on path " + (uri.length() > 64 ? uri.substring(0, 64) : uri);
    }
    return null;
  }
}
