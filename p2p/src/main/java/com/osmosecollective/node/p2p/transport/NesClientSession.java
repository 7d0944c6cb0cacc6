package com.osmosecollective.node.p2p.transport;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.nes.NesFrameCodec;
import com.osmosecollective.node.p2p.nes.NesFrameType;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of one nes socket: sends the hello once the WebSocket is up, then requests with
 * their own ids and deadlines, answers server pings, and closes a socket silent for the heartbeat
 * interval plus timeout. Anything the server sends that we did not ask for (a second hello, an
 * answer to no pending request, an answer above its route's size cap) is a violation (SV-060).
 */
public final class NesClientSession extends ChannelInboundHandlerAdapter {
  private static final long MIN_PING_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

  private final NesFrameCodec codec;
  private final TransportLimits limits;
  private final ViolationSink violations;
  private final CompletableFuture<NesClientSession> ready = new CompletableFuture<>();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private volatile ChannelHandlerContext ctx;
  private InetAddress ip;
  private long helloId;
  private boolean helloDone;
  private volatile long lastReceivedNanos = System.nanoTime();
  private long lastServerPingNanos = Long.MIN_VALUE;
  private ScheduledFuture<?> deadline;
  private ScheduledFuture<?> idleCheck;

  private record Pending(
      CompletableFuture<byte[]> answer, int maxResponseBytes, ScheduledFuture<?> timeout) {}

  NesClientSession(NesFrameCodec codec, TransportLimits limits, ViolationSink violations) {
    this.codec = codec;
    this.limits = limits;
    this.violations = violations;
  }

  /** Completes once the server answered our hello; fails if the socket closes before. */
  public CompletableFuture<NesClientSession> ready() {
    return ready;
  }

  public Channel channel() {
    return ctx.channel();
  }

  public boolean isOpen() {
    ChannelHandlerContext c = ctx;
    return c != null && c.channel().isActive() && helloDone;
  }

  /**
   * Sends {@code payload} to {@code route}; the future fails with {@link PeerRequestException} on
   * timeout, close, 499 or any other status. Any thread.
   */
  public CompletableFuture<byte[]> request(
      String route, byte[] payload, Duration timeout, int maxResponseBytes) {
    CompletableFuture<byte[]> answer = new CompletableFuture<>();
    ChannelHandlerContext c = ctx;
    if (c == null || !c.channel().isActive()) {
      answer.completeExceptionally(
          new PeerRequestException(PeerRequestException.Kind.CLOSED, "socket closed"));
      return answer;
    }
    long id = nextId();
    c.executor()
        .execute(
            () -> {
              if (!c.channel().isActive()) {
                answer.completeExceptionally(
                    new PeerRequestException(PeerRequestException.Kind.CLOSED, "socket closed"));
                return;
              }
              ScheduledFuture<?> expiry =
                  c.executor()
                      .schedule(
                          () -> {
                            if (pending.remove(id) != null) {
                              answer.completeExceptionally(
                                  new PeerRequestException(
                                      PeerRequestException.Kind.TIMEOUT,
                                      route
                                          + " got no answer within "
                                          + timeout.toMillis()
                                          + " ms"));
                            }
                          },
                          timeout.toMillis(),
                          TimeUnit.MILLISECONDS);
              pending.put(id, new Pending(answer, maxResponseBytes, expiry));
              write(NesFrame.request(id, route, Bytes.of(payload)));
            });
    return answer;
  }

  /**
   * The largest frame this socket accepts now: the biggest answer pending (20 MiB only for
   * getBlocks), else ARK's default answer cap. Read on the socket's event loop, where requests are
   * registered before they are written.
   */
  int awaitedFrameBytes() {
    int awaited = limits.clientDefaultResponseBytes();
    for (Pending p : pending.values()) {
      awaited = Math.max(awaited, p.maxResponseBytes());
    }
    return awaited;
  }

  /** Closes the socket; pending requests fail. */
  public void close() {
    ChannelHandlerContext c = ctx;
    if (c != null) {
      var unused = c.close();
    }
  }

  private long nextId() {
    // ids are u32 and never 0, as ARK's client counts them
    long id = ids.incrementAndGet() & 0xffff_ffffL;
    return id == 0 ? nextId() : id;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ip = Channels.remoteIp(ctx.channel());
    deadline =
        ctx.executor()
            .schedule(
                () -> {
                  if (!helloDone) {
                    violation(Violation.HANDSHAKE, "no upgrade and hello answer within deadline");
                  }
                },
                limits.handshakeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    long idle = limits.idleTimeout().toMillis();
    idleCheck =
        ctx.executor()
            .scheduleAtFixedRate(
                () -> {
                  if (System.nanoTime() - lastReceivedNanos > TimeUnit.MILLISECONDS.toNanos(idle)) {
                    Channels.tearDown(ctx.channel());
                  }
                },
                idle / 4,
                idle / 4,
                TimeUnit.MILLISECONDS);
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == Upgraded.INSTANCE) {
      helloId = nextId();
      write(NesFrame.hello(helloId));
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel(deadline);
    cancel(idleCheck);
    PeerRequestException closed =
        new PeerRequestException(PeerRequestException.Kind.CLOSED, "socket closed");
    ready.completeExceptionally(closed);
    for (Long id : java.util.List.copyOf(pending.keySet())) {
      Pending p = pending.remove(id);
      if (p != null) {
        cancel(p.timeout());
        p.answer().completeExceptionally(closed);
      }
    }
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
    if (frame.type() == NesFrameType.HELLO) {
      if (helloDone || frame.id() != helloId) {
        violation(Violation.UNSOLICITED, "hello answer we did not ask for");
        return;
      }
      helloDone = true;
      cancel(deadline);
      ready.complete(this);
    } else if (!helloDone) {
      violation(Violation.UNSOLICITED, frame.type() + " before the hello answer");
    } else if (frame.type() == NesFrameType.PING) {
      serverPing();
    } else if (frame.type() == NesFrameType.REQUEST && frame.path().isEmpty()) {
      answer(frame, bytes.length);
    } else {
      violation(Violation.UNSOLICITED, "a server does not send " + frame.type());
    }
  }

  private void serverPing() {
    long now = System.nanoTime();
    if (lastServerPingNanos != Long.MIN_VALUE && now - lastServerPingNanos < MIN_PING_GAP_NANOS) {
      violation(Violation.BAD_FRAME, "server pings less than a second apart (SV-030)");
      return;
    }
    lastServerPingNanos = now;
    write(new NesFrame(0, NesFrameType.PING, nextId(), 200, "", "", 0, 0, Bytes.EMPTY));
  }

  private void answer(NesFrame frame, int frameBytes) {
    Pending p = pending.remove(frame.id());
    if (p == null) {
      violation(Violation.UNSOLICITED, "answer to no pending request (id " + frame.id() + ")");
      return;
    }
    cancel(p.timeout());
    if (frameBytes > p.maxResponseBytes()) {
      p.answer()
          .completeExceptionally(
              new PeerRequestException(PeerRequestException.Kind.FAILED, "answer too large"));
      violation(
          Violation.OVERSIZE,
          "answer of " + frameBytes + " bytes above the cap of " + p.maxResponseBytes());
      return;
    }
    switch (frame.statusCode()) {
      case NesFrame.STATUS_OK -> p.answer().complete(frame.payload().toArray());
      case NesFrame.STATUS_GRACEFUL_ERROR ->
          p.answer()
              .completeExceptionally(
                  new PeerRequestException(
                      PeerRequestException.Kind.NOT_READY,
                      new String(frame.payload().toArray(), StandardCharsets.UTF_8)));
      default ->
          p.answer()
              .completeExceptionally(
                  new PeerRequestException(
                      PeerRequestException.Kind.FAILED, "status " + frame.statusCode()));
    }
  }

  private void write(NesFrame frame) {
    ChannelHandlerContext c = ctx;
    if (c.channel().isActive()) {
      var unused =
          c.writeAndFlush(
              new BinaryWebSocketFrame(true, 0, Unpooled.wrappedBuffer(codec.encode(frame))));
    }
  }

  private void violation(Violation violation, String detail) {
    violations.report(ctx.channel(), ip, violation, detail);
  }

  private static void cancel(ScheduledFuture<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }
}
