package com.osmosecollective.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@code GET /api/events} client: ARK's events as server-sent events ({@code id}, {@code
 * event}, {@code data} lines), those it asked for only, and a comment every 15 s so idle streams
 * stay open through proxies. A client that does not read is dropped: once its connection's outbound
 * buffer passes Netty's high-water mark the stream closes instead of queueing more, so a slow
 * reader costs a bounded buffer and never holds the event thread.
 */
final class EventStream implements Consumer<ChainEvent> {
  static final long HEARTBEAT_SECONDS = 15;

  private final Channel channel;
  private final Set<String> events;
  private final EventHub hub;
  private final ScheduledFuture<?> heartbeat;

  EventStream(Channel channel, Set<String> events, EventHub hub) {
    this.channel = channel;
    this.events = Set.copyOf(events);
    this.hub = hub;
    this.heartbeat =
        channel
            .eventLoop()
            .scheduleAtFixedRate(
                () -> send(": keep-alive\n\n"),
                HEARTBEAT_SECONDS,
                HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    channel.closeFuture().addListener(f -> stop());
  }

  @Override
  public void accept(ChainEvent event) {
    if (!events.contains(event.name())) {
      return;
    }
    String json;
    try {
      json = ApiHttpHandler.JSON.writeValueAsString(event.data());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    send("id: " + event.sequence() + "\nevent: " + event.name() + "\ndata: " + json + "\n\n");
  }

  private void send(String text) {
    if (!channel.isActive()) {
      stop();
      return;
    }
    if (!channel.isWritable()) {
      // a reader that does not keep up: dropped, never waited for
      var unused = channel.close();
      stop();
      return;
    }
    var unused =
        channel.writeAndFlush(
            new DefaultHttpContent(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8))));
  }

  private void stop() {
    heartbeat.cancel(false);
    hub.unsubscribe(this);
  }
}
