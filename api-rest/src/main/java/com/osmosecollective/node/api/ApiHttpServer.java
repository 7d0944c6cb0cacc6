package com.osmosecollective.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Gauge;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's HTTP server on Netty, on its own event loop group and a bounded worker pool (a
 * full queue answers 429), so API load never takes threads from the chain, P2P or the forger.
 * Connections are capped (in all, per IP, with descriptors kept in reserve), idle ones closed, slow
 * requests cut at a deadline, bodies capped, answers gzip-compressed when asked.
 */
public final class ApiHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHttpServer.class);

  private final EventLoopGroup boss;
  private final EventLoopGroup io;
  private final ThreadPoolExecutor workers;
  private final Channel channel;
  private final ChannelGroup connections;
  private final ConnectionGate gate;

  private final EventHub events;

  private ApiHttpServer(
      EventLoopGroup boss,
      EventLoopGroup io,
      ThreadPoolExecutor workers,
      Channel channel,
      ChannelGroup connections,
      ConnectionGate gate,
      EventHub events) {
    this.events = events;
    this.boss = boss;
    this.io = io;
    this.workers = workers;
    this.channel = channel;
    this.connections = connections;
    this.gate = gate;
  }

  /** Binds {@code address} (port 0 = any free port) and serves {@code api}. */
  public static ApiHttpServer start(
      InetSocketAddress address, RestApi api, ApiServerSettings settings, ApiServices services)
      throws InterruptedException {
    return start(address, api, settings, services, MetricsEndpoint.NONE);
  }

  /**
   * As {@link #start(InetSocketAddress, RestApi, ApiServerSettings, ApiServices)}, with {@code GET
   * /metrics} served from {@code metricsEndpoint}.
   */
  public static ApiHttpServer start(
      InetSocketAddress address,
      RestApi api,
      ApiServerSettings settings,
      ApiServices services,
      MetricsEndpoint metricsEndpoint)
      throws InterruptedException {
    EventLoopGroup boss =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("api-accept", true), NioIoHandler.newFactory());
    EventLoopGroup io =
        new MultiThreadIoEventLoopGroup(
            settings.ioThreads(),
            new DefaultThreadFactory("api-io", true),
            NioIoHandler.newFactory());
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            settings.workerThreads(),
            settings.workerThreads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(settings.workerQueue()),
            new DefaultThreadFactory("api-worker", true));
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    ConnectionGate gate =
        new ConnectionGate(
            ConnectionGate.effectiveCap(settings.maxConnections(), settings.reservedDescriptors()),
            settings.maxConnectionsPerIp());
    RateLimiter limiter =
        new RateLimiter(
            settings.rateLimitPoints(),
            settings.rateLimitWindowSeconds(),
            settings.rateLimitWhitelist());
    ApiMetrics metrics = new ApiMetrics(services.registry());
    ClientWhitelist whitelist = new ClientWhitelist(settings.allowedClients());
    ResponseCache responses = new ResponseCache(services.queries()::tip);
    ErrorLog errors = new ErrorLog(LOG, 10_000);
    Gauge.builder("osmose.api.connections", gate, ConnectionGate::open)
        .description("open REST API connections")
        .register(services.registry());
    Gauge.builder("osmose.api.queue", workers, w -> w.getQueue().size())
        .description("REST API requests waiting for a worker")
        .register(services.registry());
    try {
      Channel channel =
          new ServerBootstrap()
              .group(boss, io)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 256)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    // addLast(group, handler) is deprecated in Netty 4.2 but still the way to run
                    // reads off the I/O threads until the API gets its own bounded executor
                    @SuppressWarnings("deprecation")
                    protected void initChannel(SocketChannel ch) {
                      connections.add(ch);
                      ChannelPipeline p = ch.pipeline();
                      p.addLast(gate);
                      p.addLast(new IdleStateHandler(0, 0, settings.idleTimeoutSeconds()));
                      p.addLast(
                          new RequestDeadline(
                              TimeUnit.SECONDS.toMillis(settings.requestTimeoutSeconds())));
                      p.addLast(new HttpServerCodec(4096, 8192, 8192));
                      p.addLast(new HttpContentCompressor());
                      p.addLast(new CappedAggregator(settings.maxBodyBytes()));
                      p.addLast(
                          new ApiHttpHandler(
                              whitelist,
                              responses,
                              api,
                              workers,
                              limiter,
                              metrics,
                              errors,
                              settings.idleTimeoutSeconds(),
                              metricsEndpoint));
                    }
                  })
              .bind(address)
              .sync()
              .channel();
      LOG.info("REST API listening on {}", channel.localAddress());
      return new ApiHttpServer(boss, io, workers, channel, connections, gate, api.events());
    } catch (Exception e) {
      // Netty's sync() rethrows a BindException undeclared: every failure must free the loops
      shutdown(boss, io, workers);
      throw e;
    }
  }

  /** Bodies over the cap get ARK's 413 body, then the connection closes. */
  private static final class CappedAggregator extends HttpObjectAggregator {
    private final int max;

    CappedAggregator(int max) {
      super(max);
      this.max = max;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      byte[] body;
      try {
        body =
            ApiHttpHandler.JSON.writeValueAsBytes(
                ApiError.payloadTooLarge(
                        "Payload content length greater than maximum allowed: " + max)
                    .toJson());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
              Unpooled.wrappedBuffer(body));
      response
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
          .set(HttpHeaderNames.CONNECTION, "close");
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** Open connections now (those over a cap are counted until closed). */
  public int openConnections() {
    return gate.open();
  }

  /** Stops accepting, closes open connections, then stops the workers and I/O threads. */
  @Override
  public void close() {
    events.close();
    channel.close().syncUninterruptibly();
    connections.close().syncUninterruptibly();
    shutdown(boss, io, workers);
  }

  private static void shutdown(EventLoopGroup boss, EventLoopGroup io, ThreadPoolExecutor workers) {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    io.shutdownGracefully(50, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }
}
