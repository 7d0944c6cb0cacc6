package com.osmosecollective.node.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request does not arrive whole within a deadline of its first byte
 * (slow-drip headers or bodies), and an idle keep-alive connection (no request in progress) when
 * the idle-state handler before it says so. Sits before the HTTP decoder, on raw bytes; the request
 * handler reports each complete request with {@link #requestComplete}.
 */
final class RequestDeadline extends ChannelDuplexHandler {
  private final long timeoutMillis;
  private ScheduledFuture<?> deadline;
  private boolean inRequest;

  RequestDeadline(long timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof ByteBuf buf && buf.isReadable() && !inRequest) {
      inRequest = true;
      deadline =
          ctx.executor()
              .schedule(
                  () -> {
                    var unused = ctx.close();
                  },
                  timeoutMillis,
                  TimeUnit.MILLISECONDS);
    }
    super.channelRead(ctx, msg);
  }

  /** Called on the channel's event loop once a whole request was read. */
  void requestComplete() {
    inRequest = false;
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent e && e.state() == IdleState.ALL_IDLE && !inRequest) {
      var unused = ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    requestComplete();
    super.channelInactive(ctx);
  }
}
