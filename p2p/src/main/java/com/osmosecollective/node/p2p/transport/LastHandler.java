package com.osmosecollective.node.p2p.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The end of every pipeline: an exception anywhere ends the socket (SV-035). Decoder failures
 * (oversized or corrupt WebSocket frames, masking errors, reserved bits) are violations; I/O errors
 * such as a reset are not.
 */
final class LastHandler extends ChannelInboundHandlerAdapter {
  private final ViolationSink violations;

  LastHandler(ViolationSink violations) {
    this.violations = violations;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
    if (ctx.channel().remoteAddress() instanceof InetSocketAddress) {
      violations.report(
          ctx.channel(),
          Channels.remoteIp(ctx.channel()),
          Violation.BAD_FRAME,
          "unexpected " + msg.getClass().getSimpleName());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress)) {
      Channels.tearDown(ctx.channel());
      return;
    }
    Throwable root =
        cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof IOException) {
      Channels.tearDown(ctx.channel());
    } else if (root instanceof TooLongFrameException
        || cause instanceof TooLongFrameException
        || (root instanceof CorruptedWebSocketFrameException corrupt
            && WebSocketCloseStatus.MESSAGE_TOO_BIG.equals(corrupt.closeStatus()))) {
      violations.report(
          ctx.channel(), Channels.remoteIp(ctx.channel()), Violation.OVERSIZE, root.getMessage());
    } else {
      // corrupt frames, masking errors, reserved bits, and any other failure
      violations.report(
          ctx.channel(), Channels.remoteIp(ctx.channel()), Violation.BAD_FRAME, root.toString());
    }
  }
}
