package com.osmosecollective.node.p2p.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.p2p.ArkSamples;
import com.osmosecollective.node.p2p.codec.GetStatusCodec;
import com.osmosecollective.node.p2p.message.GetStatusRequest;
import com.osmosecollective.node.p2p.message.GetStatusResponse;
import com.osmosecollective.node.p2p.message.Headers;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.nes.NesFrameCodec;
import com.osmosecollective.node.p2p.nes.NesFrameType;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * nes frames carried as binary WebSocket messages between two Netty pipelines on 127.0.0.1: a hello
 * and a getStatus exchange, as ARK peers do. The server side here is a test fixture only; real peer
 * handling belongs to the P2P issue.
 */
@Timeout(30)
class WebSocketLoopbackTest {
  private static final String SOCKET_ID = "loopback:1";

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private final BlockingQueue<NesFrame> serverReceived = new ArrayBlockingQueue<>(8);
  private final BlockingQueue<NesFrame> clientReceived = new ArrayBlockingQueue<>(8);

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void helloThenGetStatusOverARealWebSocket() throws Exception {
    // the status a real ARK node answered, replayed by the fixture server
    GetStatusResponse status =
        GetStatusCodec.decodeResponse(ArkSamples.responsePayload("p2p_peer_getStatus"));
    Channel server = startServer(status);
    int port = ((InetSocketAddress) server.localAddress()).getPort();
    NesFrameCodec clientCodec = new NesFrameCodec(NesFrameCodec.CLIENT_DEFAULT_MAX_FRAME_BYTES);
    Channel client = connectClient(port, clientCodec);

    send(client, clientCodec, NesFrame.hello(1));
    NesFrame hello = clientReceived.poll(10, TimeUnit.SECONDS);

    assertThat(hello).isNotNull();
    assertThat(hello.type()).isEqualTo(NesFrameType.HELLO);
    assertThat(hello.id()).isEqualTo(1);
    assertThat(hello.socket()).isEqualTo(SOCKET_ID);
    assertThat(hello.heartbeatInterval()).isEqualTo(15000);
    assertThat(hello.heartbeatTimeout()).isEqualTo(5000);

    byte[] request = GetStatusCodec.encodeRequest(new GetStatusRequest(new Headers("3.9.1")));
    send(client, clientCodec, NesFrame.request(2, GetStatusCodec.ROUTE, Bytes.of(request)));
    NesFrame answer = clientReceived.poll(10, TimeUnit.SECONDS);

    assertThat(answer).isNotNull();
    assertThat(answer.type()).isEqualTo(NesFrameType.REQUEST);
    assertThat(answer.id()).isEqualTo(2);
    assertThat(answer.statusCode()).isEqualTo(NesFrame.STATUS_OK);
    assertThat(GetStatusCodec.decodeResponse(answer.payload().toArray())).isEqualTo(status);
    assertThat(serverReceived).hasSize(2);
    NesFrame received = serverReceived.toArray(new NesFrame[0])[1];
    assertThat(received.path()).isEqualTo(GetStatusCodec.ROUTE);
    assertThat(GetStatusCodec.decodeRequest(received.payload().toArray()).headers())
        .isEqualTo(new Headers("3.9.1"));
    client.close().syncUninterruptibly();
  }

  private Channel startServer(GetStatusResponse status) throws InterruptedException {
    NesFrameCodec codec = new NesFrameCodec(NesFrameCodec.SERVER_MAX_FRAME_BYTES);
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                    .addLast(new HttpServerCodec())
                    .addLast(new HttpObjectAggregator(64 * 1024))
                    .addLast(
                        new WebSocketServerProtocolHandler(
                            WebSocketServerProtocolConfig.newBuilder()
                                .websocketPath("/")
                                .maxFramePayloadLength(NesFrameCodec.SERVER_MAX_FRAME_BYTES)
                                .build()))
                    .addLast(new FixtureServer(codec, status));
              }
            })
        .bind("127.0.0.1", 0)
        .sync()
        .channel();
  }

  private Channel connectClient(int port, NesFrameCodec codec) throws Exception {
    Channel channel =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(
                            new WebSocketClientProtocolHandler(
                                WebSocketClientProtocolConfig.newBuilder()
                                    .webSocketUri(URI.create("ws://127.0.0.1:" + port + "/"))
                                    .maxFramePayloadLength(codec.maxFrameBytes())
                                    .build()))
                        .addLast(new Collector(codec, clientReceived));
                  }
                })
            .connect("127.0.0.1", port)
            .sync()
            .channel();
    Collector collector = channel.pipeline().get(Collector.class);
    assertThat(collector.handshakeDone.await(10, TimeUnit.SECONDS)).isTrue();
    return channel;
  }

  private static void send(Channel channel, NesFrameCodec codec, NesFrame frame) {
    channel
        .writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(codec.encode(frame))))
        .syncUninterruptibly();
  }

  /** Answers a hello and any request with the status, the way ARK does; keeps what it got. */
  private final class FixtureServer extends SimpleChannelInboundHandler<BinaryWebSocketFrame> {
    private final NesFrameCodec codec;
    private final GetStatusResponse status;

    FixtureServer(NesFrameCodec codec, GetStatusResponse status) {
      this.codec = codec;
      this.status = status;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, BinaryWebSocketFrame message)
        throws DecodeException {
      NesFrame frame = codec.decode(ByteBufUtil.getBytes(message.content()));
      serverReceived.add(frame);
      NesFrame reply =
          switch (frame.type()) {
            case HELLO -> NesFrame.helloReply(frame.id(), SOCKET_ID, 15000, 5000);
            case REQUEST ->
                NesFrame.response(
                    frame.id(),
                    NesFrame.STATUS_OK,
                    Bytes.of(GetStatusCodec.encodeResponse(status)));
            default -> throw new DecodeException("unexpected " + frame.type());
          };
      ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(codec.encode(reply))));
    }
  }

  /** Decodes every binary message the client gets and signals when the handshake is done. */
  private static final class Collector extends SimpleChannelInboundHandler<BinaryWebSocketFrame> {
    private final NesFrameCodec codec;
    private final BlockingQueue<NesFrame> received;
    final CountDownLatch handshakeDone = new CountDownLatch(1);

    Collector(NesFrameCodec codec, BlockingQueue<NesFrame> received) {
      this.codec = codec;
      this.received = received;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        handshakeDone.countDown();
      }
      super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, BinaryWebSocketFrame message)
        throws DecodeException {
      received.add(codec.decode(ByteBufUtil.getBytes(message.content())));
    }
  }
}
