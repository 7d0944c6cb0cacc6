package com.osmosecollective.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers chain events to the webhooks registered for them: {@code POST target} with ARK's body
 * {@code {timestamp, data, event}}, ARK's {@code Authorization} header, and an HMAC-SHA256 {@code
 * X-Osmose-Signature}. Subscribed to the {@link EventHub}, whose thread only matches the event and
 * offers it to a bounded queue (full → dropped and counted), so no receiver slows the chain. A try
 * that fails (no connection, no status within the timeout, a status other than 2xx) is retried with
 * doubling waits up to {@link WebhookDeliverySettings#attempts()}. The client follows no redirect,
 * decompresses nothing and reads no answer body: only the status counts (SV-052, SV-057).
 */
final class WebhookDeliveries implements Consumer<ChainEvent>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveries.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebhookStore store;
  private final WebhookDeliverySettings settings;
  private final BlockingQueue<WebhookDelivery> queue;
  private final AtomicInteger waiting = new AtomicInteger();
  private final PendingWebhookDeliveries pending;

  /** Every delivery counted in {@link #waiting}, by sequence: what a stop saves. */
  private final java.util.concurrent.ConcurrentSkipListMap<Long, WebhookDelivery> unsent =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  private final java.util.concurrent.atomic.AtomicLong sequence =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.ExecutorService http;
  private final HttpClient client;
  private final ScheduledExecutorService retries;
  private final List<Thread> senders = new ArrayList<>();
  private final ErrorLog failures = new ErrorLog(LOG, 10_000);
  private final Counter delivered;
  private final Counter retried;
  private final Counter failed;
  private final Counter dropped;
  private volatile boolean closed;

  WebhookDeliveries(
      WebhookStore store,
      WebhookDeliverySettings settings,
      PendingWebhookDeliveries pending,
      MeterRegistry registry) {
    this.store = store;
    this.pending = pending;
    this.settings = settings;
    this.queue = new ArrayBlockingQueue<>(settings.capacity());
    this.http = Executors.newSingleThreadExecutor(new DefaultThreadFactory("webhook-http", true));
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(settings.timeout())
            .executor(http)
            .build();
    this.retries =
        Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("webhook-retry", true));
    this.delivered = outcome(registry, "delivered");
    this.retried = outcome(registry, "retried");
    this.failed = outcome(registry, "failed");
    this.dropped = outcome(registry, "dropped");
    for (WebhookDelivery left : pending.takeAll(store, settings.capacity())) {
      offer(
          new WebhookDelivery(
              left.webhook(),
              left.event(),
              left.body(),
              left.id(),
              left.attempt(),
              sequence.getAndIncrement()));
    }
    for (int i = 0; i < settings.senders(); i++) {
      Thread sender = new Thread(this::send, "webhook-sender-" + i);
      sender.setDaemon(true);
      senders.add(sender);
      sender.start();
    }
  }

  private static Counter outcome(MeterRegistry registry, String outcome) {
    return Counter.builder("osmose.webhooks.deliveries")
        .description("webhook deliveries by outcome (retried counts each retry)")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** On the event hub's thread: match, then offer; never waits. */
  @Override
  public void accept(ChainEvent event) {
    try {
      byte[] body = null;
      for (Webhook webhook : store.all()) {
        if (!webhook.enabled()
            || !webhook.event().equals(event.name())
            || !webhook.accepts(event.data())) {
          continue;
        }
        if (body == null) {
          body = body(event);
        }
        offer(
            new WebhookDelivery(
                webhook,
                event.name(),
                body,
                UUID.randomUUID().toString(),
                1,
                sequence.getAndIncrement()));
      }
    } catch (RuntimeException e) {
      // a subscriber that throws is removed from the hub: webhooks must outlive a bad event
      failures.error("webhook matching failed for " + event.name(), e);
    }
  }

  /** ARK's body: {@code {timestamp (ms), data, event}}. */
  private static byte[] body(ChainEvent event) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("timestamp", System.currentTimeMillis());
    o.set("data", event.data());
    o.put("event", event.name());
    try {
      return JSON.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private void offer(WebhookDelivery delivery) {
    if (closed || waiting.incrementAndGet() > settings.capacity()) {
      waiting.decrementAndGet();
      dropped.increment();
      return;
    }
    unsent.put(delivery.sequence(), delivery);
    // room is reserved by the count above, so the queue (of the same capacity) takes it
    if (!queue.offer(delivery)) {
      finished(delivery);
      dropped.increment();
    }
  }

  private void finished(WebhookDelivery delivery) {
    unsent.remove(delivery.sequence());
    waiting.decrementAndGet();
  }

  private void send() {
    while (!closed) {
      WebhookDelivery delivery;
      try {
        delivery = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (delivery == null) {
        continue;
      }
      String failure = attempt(delivery);
      if (failure == null) {
        delivered.increment();
        finished(delivery);
      } else if (closed) {
        // cut off by the stop: stays unsent, saved and tried again after the restart
        return;
      } else if (delivery.attempt() < settings.attempts()) {
        retried.increment();
        long wait = settings.backoff(delivery.attempt()).toMillis();
        LOG.debug(
            "webhook {} try {} failed ({}); next in {} ms",
            delivery.webhook().id(),
            delivery.attempt(),
            failure,
            wait);
        // stays counted in `waiting` while it waits, so the queue always has its room back
        WebhookDelivery next = delivery.next();
        unsent.put(next.sequence(), next);
        var unused = retries.schedule(() -> requeue(next), wait, TimeUnit.MILLISECONDS);
      } else {
        failed.increment();
        finished(delivery);
        failures.error(
            "webhook "
                + delivery.webhook().id()
                + " gave up on "
                + delivery.event()
                + " after "
                + delivery.attempt()
                + " tries: "
                + failure,
            null);
      }
    }
  }

  private void requeue(WebhookDelivery delivery) {
    if (!closed && !queue.offer(delivery)) {
      finished(delivery);
      dropped.increment();
    }
  }

  /** One try; null when the receiver answered 2xx, else why not. */
  private String attempt(WebhookDelivery d) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(d.webhook().target()))
              .timeout(settings.timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "osmose-node")
              .header("Authorization", d.webhook().authorization())
              .header(WebhookSignature.HEADER, WebhookSignature.sign(d.webhook().token(), d.body()))
              .header("X-Osmose-Event", d.event())
              .header("X-Osmose-Delivery", d.id())
              .header("X-Osmose-Attempt", Integer.toString(d.attempt()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
              .build();
    } catch (IllegalArgumentException e) {
      return "bad target: " + e.getMessage();
    }
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      // the body is never read: closing it now drops whatever the receiver sends
      response.body().close();
      int status = response.statusCode();
      return status >= 200 && status < 300 ? null : "status " + status;
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Deliveries waiting now (queued or waiting for a retry). */
  int waiting() {
    return waiting.get();
  }

  /**
   * Stops sending and saves what still waits (queued, between tries, cut off mid-try) for the next
   * start.
   */
  @Override
  public void close() {
    closed = true;
    retries.shutdownNow();
    senders.forEach(Thread::interrupt);
    for (Thread sender : senders) {
      try {
        sender.join(settings.timeout().toMillis() + 1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    http.shutdownNow();
    List<WebhookDelivery> left = List.copyOf(unsent.values());
    try {
      pending.save(left);
      if (!left.isEmpty()) {
        LOG.info("{} webhook deliveries kept for the next start", left.size());
      }
    } catch (IOException e) {
      failures.error(left.size() + " webhook deliveries waiting at the stop are lost", e);
    }
  }
}
