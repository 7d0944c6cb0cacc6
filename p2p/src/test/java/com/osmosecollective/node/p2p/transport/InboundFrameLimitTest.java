package com.osmosecollective.node.p2p.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SV-059: an outbound socket's frames are capped by their header, at what the socket awaits. */
class InboundFrameLimitTest {
  private final List<String> violations = new ArrayList<>();
  private final AtomicInteger allowance = new AtomicInteger(100 * 1024);

  private final InboundByteBudget budget = new InboundByteBudget(1024 * 1024);

  private EmbeddedChannel channel() {
    EmbeddedChannel channel =
        new EmbeddedChannel() {
          @Override
          protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("127.0.0.9", 4002);
          }
        };
    channel
        .pipeline()
        .addLast(
            new InboundFrameLimit(
                allowance::get,
                budget,
                true,
                (ch, ip, violation, detail) -> violations.add(violation + " " + detail)));
    return channel;
  }

  /** A server frame (unmasked, binary) with {@code length} payload bytes of zeros. */
  private static byte[] frame(int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x82);
    if (length < 126) {
      out.write(length);
    } else if (length < 65536) {
      out.write(126);
      out.write(length >>> 8);
      out.write(length);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) length >>> (8 * i)));
      }
    }
    out.write(new byte[length], 0, length);
    return out.toByteArray();
  }

  private static int forwarded(EmbeddedChannel channel) {
    int bytes = 0;
    for (Object read; (read = channel.readInbound()) != null; ) {
      bytes += ((ByteBuf) read).readableBytes();
      ((ByteBuf) read).release();
    }
    return bytes;
  }

  @Test
  @DisplayName("SV-059: frames within the awaited size pass, also split anywhere across reads")
  void framesWithinTheCapPass() {
    EmbeddedChannel channel = channel();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int length : new int[] {0, 5, 125, 126, 300, 65535, 65536, 100 * 1024}) {
      byte[] f = frame(length);
      stream.write(f, 0, f.length);
    }
    byte[] all = stream.toByteArray();
    // one byte, then chunks of 7: every header is cut somewhere
    channel.writeInbound(Unpooled.wrappedBuffer(all, 0, 1));
    for (int at = 1; at < all.length; at += 7) {
      channel.writeInbound(Unpooled.wrappedBuffer(all, at, Math.min(7, all.length - at)));
    }
    assertThat(violations).isEmpty();
    assertThat(forwarded(channel)).isEqualTo(all.length);
  }

  @Test
  @DisplayName("SV-059: a frame above the awaited size is refused by its header, nothing passed on")
  void aFrameAboveTheCapIsRefusedByItsHeader() {
    EmbeddedChannel channel = channel();
    byte[] big = frame(100 * 1024 + 1);
    channel.writeInbound(Unpooled.wrappedBuffer(big, 0, 10)); // the header alone
    assertThat(violations).singleElement().asString().startsWith("OVERSIZE");
    assertThat(forwarded(channel)).isZero();
  }

  @Test
  @DisplayName("SV-059: 20 MiB frames pass only while a getBlocks answer is awaited")
  void theCapFollowsWhatIsAwaited() {
    EmbeddedChannel channel = channel();
    byte[] blocks = frame(1024 * 1024);
    allowance.set(20 * 1024 * 1024); // a getBlocks request is pending
    channel.writeInbound(Unpooled.wrappedBuffer(blocks));
    assertThat(violations).isEmpty();
    assertThat(forwarded(channel)).isEqualTo(blocks.length);

    allowance.set(100 * 1024); // answered: back to the default
    channel.writeInbound(Unpooled.wrappedBuffer(blocks));
    assertThat(violations).hasSize(1);
    assertThat(forwarded(channel)).isZero();
  }

  @Test
  @DisplayName("SV-059: an answer we asked for is admitted beyond the byte budget, and counted")
  void solicitedFramesAreAlwaysAdmittedAndCounted() {
    EmbeddedChannel channel = channel();
    allowance.set(20 * 1024 * 1024);
    byte[] blocks = frame(3 * 1024 * 1024); // three times the 1 MiB budget
    channel.writeInbound(Unpooled.wrappedBuffer(blocks, 0, 1000));
    assertThat(budget.inUse()).as("charged by its header").isEqualTo(3 * 1024 * 1024);
    assertThat(budget.tryCharge(200 * 1024)).as("nothing left for unasked frames").isFalse();
    channel.writeInbound(Unpooled.wrappedBuffer(blocks, 1000, blocks.length - 1000));
    assertThat(violations).isEmpty();
    assertThat(forwarded(channel)).isEqualTo(blocks.length);
    assertThat(budget.inUse()).as("released once handed on").isZero();
  }
}
