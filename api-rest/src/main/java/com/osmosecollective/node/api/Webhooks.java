package com.osmosecollective.node.api;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * ARK Core's webhooks ({@code @arkecosystem/core-webhooks}) for this node: the registrations kept
 * in the data dir, their routes on a server of their own (ARK's port 4004, loopback clients only),
 * and the deliveries of the API's chain events. The app opens it when {@code api.webhooks.enabled}
 * is set, subscribes it to the API's {@link EventHub} and serves it.
 */
public final class Webhooks implements AutoCloseable {
  /** The file in the data dir (ARK's {@code webhooks.json}). */
  public static final String FILE = "webhooks.json";

  private final WebhookStore store;
  private final WebhookDeliveries deliveries;
  private EventHub subscribedTo;

  private Webhooks(WebhookStore store, WebhookDeliveries deliveries) {
    this.store = store;
    this.deliveries = deliveries;
  }

  /**
   * Loads the webhooks of {@code dataDir} and the deliveries the last stop left, and starts the
   * senders.
   *
   * @throws IllegalStateException naming the file when it cannot be read
   */
  public static Webhooks open(
      Path dataDir, WebhookDeliverySettings settings, MeterRegistry registry) {
    WebhookStore store = WebhookStore.open(dataDir.resolve(FILE));
    PendingWebhookDeliveries pending =
        new PendingWebhookDeliveries(dataDir.resolve(PendingWebhookDeliveries.FILE));
    return new Webhooks(store, new WebhookDeliveries(store, settings, pending, registry));
  }

  /** Delivers {@code events}' chain events from now on. */
  public synchronized void deliverFrom(EventHub events) {
    events.subscribe(deliveries);
    subscribedTo = events;
  }

  /**
   * Serves the webhook routes at {@code address} with {@code settings} ({@link
   * ApiServerSettings#webhooks()}: loopback clients only), on its own event loops.
   *
   * @param services for the tip height answers carry and the server's meters
   */
  public ApiHttpServer serve(
      InetSocketAddress address, ApiServerSettings settings, ApiServices services)
      throws InterruptedException {
    java.util.List<Route> routes = new WebhookRoutes(store).all();
    DocsEndpoint docs =
        new DocsEndpoint(
            OpenApiDocument.of(
                routes,
                "3.9",
                RouteDocs.WEBHOOK_SUMMARIES,
                "OSMOSE node webhooks API (ARK Core 3.9 core-webhooks compatible)",
                "Registers URLs the node POSTs chain events to. Served on its own port (4004 by"
                    + " default) to loopback clients only."));
    return ApiHttpServer.start(address, new RestApi(services, routes, docs), settings, services);
  }

  /** Deliveries waiting now (queued or between tries). */
  public int waiting() {
    return deliveries.waiting();
  }

  @Override
  public synchronized void close() {
    if (subscribedTo != null) {
      subscribedTo.unsubscribe(deliveries);
    }
    deliveries.close();
  }
}
