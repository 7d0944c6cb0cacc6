package com.osmosecollective.node.p2p.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Lets through only what ARK's protocol uses: whole binary messages, handed on as {@code byte[]}.
 * Text frames, WebSocket ping/pong (never answered: SV-030) and fragments are violations (SV-064);
 * a close frame just closes. Every frame is counted before anything else (SV-034).
 */
final class FrameGuard extends ChannelInboundHandlerAdapter {
  private final ViolationSink violations;
  private final FrameCounter counter;

  FrameGuard(ViolationSink violations, FrameCounter counter) {
    this.violations = violations;
    this.counter = counter;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (!(msg instanceof WebSocketFrame frame)) {
        violations.report(
            ctx.channel(),
            Channels.remoteIp(ctx.channel()),
            Violation.FRAME_TYPE,
            "not a WebSocket frame: " + msg.getClass().getSimpleName());
        return;
      }
      if (!counter.admit(Channels.remoteIp(ctx.channel()))) {
        violations.report(
            ctx.channel(),
            Channels.remoteIp(ctx.channel()),
            Violation.RATE_LIMIT,
            "more messages per second than the global limit");
        return;
      }
      if (frame instanceof BinaryWebSocketFrame binary && binary.isFinalFragment()) {
        ctx.fireChannelRead(ByteBufUtil.getBytes(binary.content()));
      } else if (frame instanceof CloseWebSocketFrame) {
        var unused = ctx.close();
      } else {
        violations.report(
            ctx.channel(),
            Channels.remoteIp(ctx.channel()),
            Violation.FRAME_TYPE,
            frame.getClass().getSimpleName()
                + (frame.isFinalFragment() ? "" : " (fragment)")
                + " where only whole binary frames are allowed");
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }
}
