package com.osmosecollective.node.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal HTTP server for {@link ReadApi} on Netty. Database reads run on a small worker group,
 * not on the I/O threads. Request bodies are refused above {@link #MAX_REQUEST_BYTES} (the
 * endpoints served take none).
 */
public final class ApiHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHttpServer.class);
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final EventLoopGroup boss;
  private final EventLoopGroup io;
  private final EventExecutorGroup readers;
  private final Channel channel;
  private final ChannelGroup connections;

  private ApiHttpServer(
      EventLoopGroup boss,
      EventLoopGroup io,
      EventExecutorGroup readers,
      Channel channel,
      ChannelGroup connections) {
    this.boss = boss;
    this.io = io;
    this.readers = readers;
    this.channel = channel;
    this.connections = connections;
  }

  /** Binds {@code address} (port 0 = any free port) and serves {@code api}. */
  public static ApiHttpServer start(InetSocketAddress address, ReadApi api, int readerThreads)
      throws InterruptedException {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup io = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventExecutorGroup readers = new DefaultEventExecutorGroup(readerThreads);
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    try {
      Channel channel =
          new ServerBootstrap()
              .group(boss, io)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    // addLast(group, handler) is deprecated in Netty 4.2 but still the way to run
                    // reads off the I/O threads until the API gets its own bounded executor
                    @SuppressWarnings("deprecation")
                    protected void initChannel(SocketChannel ch) {
                      connections.add(ch);
                      ChannelPipeline p = ch.pipeline();
                      p.addLast(new HttpServerCodec());
                      p.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                      p.addLast(readers, new ApiHttpHandler(api));
                    }
                  })
              .bind(address)
              .sync()
              .channel();
      LOG.info("REST API listening on {}", channel.localAddress());
      return new ApiHttpServer(boss, io, readers, channel, connections);
    } catch (InterruptedException | RuntimeException e) {
      shutdown(boss, io, readers);
      throw e;
    }
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** Stops accepting, closes open connections, then stops the readers before the I/O threads. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    connections.close().syncUninterruptibly();
    shutdown(boss, io, readers);
  }

  // readers first: a reader still finishing hands its last events to the I/O threads
  private static void shutdown(EventLoopGroup boss, EventLoopGroup io, EventExecutorGroup readers) {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    readers.shutdownGracefully(50, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    io.shutdownGracefully(50, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }
}
