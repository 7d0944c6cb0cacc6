package com.osmosecollective.node.p2p.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.p2p.hostile.RawPeer;
import com.osmosecollective.node.p2p.nes.NesFrame;
import com.osmosecollective.node.p2p.nes.NesFrameCodec;
import com.osmosecollective.node.p2p.peer.PeerIp;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SV-059 / SV-024: the global byte budget of large inbound frames, on real sockets on 127.0.0.1
 * against the node's own channel initializer. A budget of 1 MiB: one peer's 600 KiB frame, still
 * arriving, holds 600 KiB of it; a second peer's 600 KiB frame is refused by its header (socket
 * closed, not counted as a violation); once the first frame is whole and served the budget is free
 * and the next peer's large frame is served.
 */
class InboundByteBudgetIT {
  private static final int FRAME_PAYLOAD = 600 * 1024;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final InboundByteBudget budget = new InboundByteBudget(1024 * 1024);
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<Integer> served = new CopyOnWriteArrayList<>();
  private final NesFrameCodec codec = new NesFrameCodec(NesFrameCodec.SERVER_MAX_FRAME_BYTES);
  private Channel server;
  private int port;

  @BeforeEach
  void startServer() throws InterruptedException {
    P2pChannelInitializer init =
        P2pChannelInitializer.inbound(
            TransportLimits.ark().withInboundBudgetBytes(budget.capacity()),
            (ch, ip, violation, detail) -> {
              violations.add(ip.getHostAddress() + " " + violation + " " + detail);
              Channels.tearDown(ch);
            },
            FrameCounter.UNLIMITED,
            request -> {
              served.add(request.payload().length());
              request.respond(200, "ok".getBytes(StandardCharsets.UTF_8));
            },
            new ConnectionGate(100, 100, 100, a -> false, Set.of(), PeerIp::subnet),
            budget);
    server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(init)
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    port = ((InetSocketAddress) server.localAddress()).getPort();
  }

  @AfterEach
  void stop() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** A client frame carrying a nes request of about {@code size} bytes, masked with zeros. */
  private byte[] largeRequest(int size) {
    byte[] nes = codec.encode(NesFrame.request(2, "p2p.test.route", Bytes.of(new byte[size])));
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x82);
    frame.write(0x80 | 127);
    for (int i = 7; i >= 0; i--) {
      frame.write((int) ((long) nes.length >>> (8 * i)));
    }
    frame.write(new byte[4], 0, 4); // a zero mask: the payload goes as it is
    frame.write(nes, 0, nes.length);
    return frame.toByteArray();
  }

  @Test
  @DisplayName(
      "SV-059, SV-024: large frames from several peers share one budget; beyond it they are refused")
  void largeFramesShareOneBudget() throws Exception {
    byte[] first = largeRequest(FRAME_PAYLOAD);
    try (RawPeer holder = RawPeer.nes("127.0.0.21", port)) {
      // the header and a part of the payload: the frame is charged, its payload still arriving
      holder.write(Arrays.copyOf(first, 64 * 1024));
      Awaitility.await("the first frame is charged")
          .atMost(Duration.ofSeconds(5))
          .until(() -> budget.inUse() >= FRAME_PAYLOAD);

      try (RawPeer second = RawPeer.nes("127.0.0.22", port)) {
        boolean cut;
        try {
          second.write(largeRequest(FRAME_PAYLOAD));
          cut = second.closedByPeer();
        } catch (IOException resetWhileSending) {
          cut = true; // refused by its header, the socket reset before the payload was all sent
        }
        assertThat(cut).as("the frame beyond the budget is refused").isTrue();
      }
      assertThat(violations).as("a full budget is no violation of the sender's").isEmpty();
      assertThat(served).isEmpty();
      assertThat(budget.inUse()).isBetween((long) FRAME_PAYLOAD, 700L * 1024);

      // the rest of the first frame: served, and its charge released
      holder.write(Arrays.copyOfRange(first, 64 * 1024, first.length));
      NesFrame answer = holder.readNes();
      assertThat(answer).isNotNull();
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(served).singleElement().isEqualTo(FRAME_PAYLOAD);
      // released when the frame's pass through the pipeline ends, just after it was answered
      Awaitility.await("the first frame's charge is released")
          .atMost(Duration.ofSeconds(5))
          .until(() -> budget.inUse() == 0);
    }

    try (RawPeer third = RawPeer.nes("127.0.0.23", port)) {
      third.write(largeRequest(FRAME_PAYLOAD));
      NesFrame answer = third.readNes();
      assertThat(answer).as("with the budget free, a large frame is served again").isNotNull();
      assertThat(answer.statusCode()).isEqualTo(200);
    }
    assertThat(served).hasSize(2);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> budget.inUse() == 0);
    assertThat(violations).isEmpty();
  }

  @Test
  @DisplayName("SV-059: a socket closed in the middle of a large frame gives its charge back")
  void aSocketClosedMidFrameReleasesItsCharge() throws Exception {
    try (RawPeer peer = RawPeer.nes("127.0.0.24", port)) {
      peer.write(Arrays.copyOf(largeRequest(FRAME_PAYLOAD), 1024));
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> budget.inUse() > 0);
    }
    Awaitility.await("the charge is released")
        .atMost(Duration.ofSeconds(5))
        .until(() -> budget.inUse() == 0);
  }
}
