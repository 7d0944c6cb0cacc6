package com.osmosecollective.node.p2p.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.function.IntSupplier;

/**
 * An outbound socket's frame cap, read from each WebSocket frame header in the raw byte stream
 * before the WebSocket decoder buffers the payload (SV-059). The cap is what the socket awaits now:
 * ARK's 100 KiB by default, 20 MiB only while a getBlocks answer is pending; a frame announcing
 * more is a violation before any of its payload is held.
 */
final class InboundFrameLimit extends ChannelInboundHandlerAdapter {
  private static final int MAX_HEADER = 14;

  private final IntSupplier allowance;
  private final ViolationSink violations;
  private final byte[] header = new byte[MAX_HEADER];
  private int headerBytes;
  private long payloadLeft;

  InboundFrameLimit(IntSupplier allowance, ViolationSink violations) {
    this.allowance = allowance;
    this.violations = violations;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf bytes)) {
      ctx.fireChannelRead(msg);
      return;
    }
    int at = bytes.readerIndex();
    int end = bytes.writerIndex();
    while (at < end) {
      if (payloadLeft > 0) {
        int step = (int) Math.min(payloadLeft, end - at);
        payloadLeft -= step;
        at += step;
        continue;
      }
      header[headerBytes++] = bytes.getByte(at++);
      if (headerBytes >= 2 && headerBytes == headerLength()) {
        long length = payloadLength();
        headerBytes = 0;
        int cap = allowance.getAsInt();
        if (length > cap) {
          bytes.release();
          violations.report(
              ctx.channel(),
              Channels.remoteIp(ctx.channel()),
              Violation.OVERSIZE,
              "frame of " + length + " bytes announced where at most " + cap + " are awaited");
          return;
        }
        payloadLeft = length;
      }
    }
    ctx.fireChannelRead(bytes);
  }

  private int headerLength() {
    int length7 = header[1] & 0x7f;
    int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
    int mask = (header[1] & 0x80) != 0 ? 4 : 0;
    return 2 + extended + mask;
  }

  private long payloadLength() {
    int length7 = header[1] & 0x7f;
    if (length7 == 126) {
      return ((header[2] & 0xffL) << 8) | (header[3] & 0xffL);
    }
    if (length7 == 127) {
      long length = 0;
      for (int i = 2; i < 10; i++) {
        length = (length << 8) | (header[i] & 0xffL);
      }
      return length < 0 ? Long.MAX_VALUE : length;
    }
    return length7;
  }
}
