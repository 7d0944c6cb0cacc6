package com.osmosecollective.node.p2p.transport;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.nes.NesFrameCodec;
import com.osmosecollective.node.p2p.nes.NesFrameType;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

/**
 * The server side of one nes socket (ARK's hapi-nes): the hello must come first and within the
 * handshake deadline, only once (SV-032); then requests go to the router, and the server pings
 * every heartbeat interval and closes a socket silent for the timeout after a ping. Client pings
 * closer than one second apart, and any message type a client never sends, are violations.
 */
final class NesServerSession extends ChannelInboundHandlerAdapter {
  private static final long MIN_PING_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final NesFrameCodec codec;
  private final TransportLimits limits;
  private final ViolationSink violations;
  private final RequestHandler handler;
  private final String socketId;

  private ChannelHandlerContext ctx;
  private InetAddress ip;
  private boolean helloDone;
  private long lastReceivedNanos;
  private long lastClientPingNanos = Long.MIN_VALUE;
  private ScheduledFuture<?> deadline;
  private ScheduledFuture<?> heartbeat;

  NesServerSession(
      NesFrameCodec codec,
      TransportLimits limits,
      ViolationSink violations,
      RequestHandler handler,
      String socketId) {
    this.codec = codec;
    this.limits = limits;
    this.violations = violations;
    this.handler = handler;
    this.socketId = socketId;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    this.ip = Channels.remoteIp(ctx.channel());
    deadline =
        ctx.executor()
            .schedule(
                () -> {
                  if (!helloDone) {
                    violation(Violation.HANDSHAKE, "no upgrade and hello within the deadline");
                  }
                },
                limits.handshakeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel(deadline);
    cancel(heartbeat);
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof byte[] bytes)) {
      ctx.fireChannelRead(msg);
      return;
    }
    lastReceivedNanos = System.nanoTime();
    NesFrame frame;
    try {
      frame = codec.decode(bytes);
    } catch (DecodeException e) {
      violation(Violation.BAD_FRAME, e.getMessage());
      return;
    }
    switch (frame.type()) {
      case HELLO -> hello(frame);
      case PING -> clientPing();
      case REQUEST -> request(frame);
      default -> violation(Violation.BAD_FRAME, "a client does not send " + frame.type());
    }
  }

  private void hello(NesFrame frame) {
    if (helloDone) {
      violation(Violation.BAD_FRAME, "second hello on one socket");
      return;
    }
    helloDone = true;
    cancel(deadline);
    write(
        NesFrame.helloReply(
            frame.id(),
            socketId,
            (int) limits.heartbeatInterval().toMillis(),
            (int) limits.heartbeatTimeout().toMillis()));
    long interval = limits.heartbeatInterval().toMillis();
    heartbeat =
        ctx.executor().scheduleAtFixedRate(this::beat, interval, interval, TimeUnit.MILLISECONDS);
  }

  private void clientPing() {
    if (!helloDone) {
      violation(Violation.BAD_FRAME, "ping before hello");
      return;
    }
    long now = System.nanoTime();
    if (lastClientPingNanos != Long.MIN_VALUE && now - lastClientPingNanos < MIN_PING_GAP_NANOS) {
      violation(Violation.BAD_FRAME, "pings less than a second apart (SV-030)");
      return;
    }
    lastClientPingNanos = now;
  }

  private void request(NesFrame frame) {
    if (!helloDone) {
      violation(Violation.BAD_FRAME, "request before hello");
      return;
    }
    handler.handle(
        new InboundRequest(
            ctx.channel(), ip, frame.id(), frame.path(), frame.payload(), this::respond));
  }

  /** Any thread: the answer is written on the socket's event loop. */
  private void respond(long id, int statusCode, byte[] payload) {
    NesFrame answer = NesFrame.response(id, statusCode, Bytes.of(payload));
    if (ctx.executor().inEventLoop()) {
      write(answer);
    } else {
      ctx.executor().execute(() -> write(answer));
    }
  }

  private void beat() {
    long pingSent = System.nanoTime();
    write(new NesFrame(0, NesFrameType.PING, 1, 200, "", "", 0, 0, Bytes.EMPTY));
    var unused =
        ctx.executor()
            .schedule(
                () -> {
                  if (lastReceivedNanos - pingSent < 0) {
                    // ARK closes a socket that stayed silent after a ping; not a violation
                    Channels.tearDown(ctx.channel());
                  }
                },
                limits.heartbeatTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
  }

  private void write(NesFrame frame) {
    if (ctx.channel().isActive()) {
      var unused =
          ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(codec.encode(frame))));
    }
  }

  private void violation(Violation violation, String detail) {
    cancel(heartbeat);
    violations.report(ctx.channel(), ip, violation, detail);
  }

  private static void cancel(ScheduledFuture<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }
}
