package com.osmosecollective.node.p2p.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A socket's frame cap and its share of the {@link InboundByteBudget}, read from each WebSocket
 * frame header in the raw byte stream before the WebSocket decoder buffers the payload (SV-059).
 * The cap is what the socket accepts now: on an outbound socket ARK's 100 KiB by default, 20 MiB
 * only while a getBlocks answer is pending; on an inbound socket ARK's server maximum of 20 MiB. A
 * frame announcing more is a violation before any of its payload is held.
 *
 * <p>A large frame is charged to the budget by its header and released once its last byte has gone
 * through the pipeline (the decoder hands frames on synchronously) or its socket closes. An unasked
 * frame (inbound socket) that does not fit in what is left of the budget is refused: the socket is
 * closed with no reply, but not counted as a violation, since an honest peer can meet a full budget
 * that others filled (their own frames are judged, and counted, when they complete). Answers we
 * asked for (outbound socket) are always admitted and counted.
 */
final class InboundFrameLimit extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(InboundFrameLimit.class);
  private static final int MAX_HEADER = 14;

  private final IntSupplier allowance;
  private final InboundByteBudget budget;
  private final boolean solicited;
  private final ViolationSink violations;
  private final byte[] header = new byte[MAX_HEADER];
  private int headerBytes;
  private long payloadLeft;

  /** The charge of the frame being read. */
  private long charged;

  /** Charges of frames whose last byte is in the buffer being handed on. */
  private long completed;

  /** A frame was refused: the socket is going away and nothing more is passed on. */
  private boolean refused;

  InboundFrameLimit(
      IntSupplier allowance,
      InboundByteBudget budget,
      boolean solicited,
      ViolationSink violations) {
    this.allowance = allowance;
    this.budget = budget;
    this.solicited = solicited;
    this.violations = violations;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf bytes)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (refused) {
      bytes.release();
      return;
    }
    int at = bytes.readerIndex();
    int end = bytes.writerIndex();
    while (at < end) {
      if (payloadLeft > 0) {
        int step = (int) Math.min(payloadLeft, end - at);
        payloadLeft -= step;
        at += step;
        if (payloadLeft == 0) {
          frameDone();
        }
        continue;
      }
      header[headerBytes++] = bytes.getByte(at++);
      if (headerBytes >= 2 && headerBytes == headerLength()) {
        long length = payloadLength();
        headerBytes = 0;
        int cap = allowance.getAsInt();
        if (length > cap) {
          refuse(bytes);
          violations.report(
              ctx.channel(),
              Channels.remoteIp(ctx.channel()),
              Violation.OVERSIZE,
              "frame of " + length + " bytes announced where at most " + cap + " are awaited");
          return;
        }
        if (!charge(length)) {
          refuse(bytes);
          LOG.info(
              "frame of {} bytes from {} refused: {} of the {} bytes of the inbound byte budget"
                  + " are held",
              length,
              Channels.remoteIp(ctx.channel()).getHostAddress(),
              budget.inUse(),
              budget.capacity());
          Channels.tearDown(ctx.channel());
          return;
        }
        payloadLeft = length;
        if (length == 0) {
          frameDone();
        }
      }
    }
    try {
      ctx.fireChannelRead(bytes);
    } finally {
      budget.release(completed);
      completed = 0;
    }
  }

  private void refuse(ByteBuf bytes) {
    refused = true;
    bytes.release();
    releaseAll();
  }

  private boolean charge(long length) {
    if (length <= InboundByteBudget.UNCHARGED_FRAME_BYTES) {
      return true;
    }
    if (solicited) {
      budget.chargeSolicited(length);
    } else if (!budget.tryCharge(length)) {
      return false;
    }
    charged = length;
    return true;
  }

  private void frameDone() {
    completed += charged;
    charged = 0;
  }

  private void releaseAll() {
    budget.release(charged + completed);
    charged = 0;
    completed = 0;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseAll();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releaseAll();
    ctx.fireChannelInactive();
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
