package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries still waiting when the node stops (queued, between tries, or cut off mid-try),
 * kept in the data dir ({@code webhooks-pending.json}) and sent again at the next start with their
 * ids, so a stop loses no event a receiver was owed (a receiver may see a try twice: at least once,
 * as ARK's retries). A delivery whose webhook was deleted meanwhile is dropped; it goes to the
 * webhook's current target and token.
 */
final class PendingWebhookDeliveries {
  /** The file in the data dir. */
  static final String FILE = "webhooks-pending.json";

  private static final Logger LOG = LoggerFactory.getLogger(PendingWebhookDeliveries.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A pending file is read only up to this size: deliveries are small, their count bounded. */
  static final long MAX_FILE_BYTES = 32L << 20;

  private final Path file;

  PendingWebhookDeliveries(Path file) {
    this.file = file;
  }

  /** Writes {@code deliveries} (none: removes the file). */
  void save(List<WebhookDelivery> deliveries) throws IOException {
    if (deliveries.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode list = root.putArray("deliveries");
    for (WebhookDelivery d : deliveries) {
      ObjectNode o = list.addObject();
      o.put("webhook", d.webhook().id());
      o.put("event", d.event());
      o.put("id", d.id());
      o.put("attempt", d.attempt());
      o.set("body", JSON.readTree(d.body()));
    }
    PrivateFile.write(file, JSON.writeValueAsBytes(root));
  }

  /**
   * The deliveries saved at the last stop, at most {@code max}, for webhooks {@code store} still
   * has; the file is removed once read. A file that cannot be read is set aside ({@code .bad}) with
   * a warning: a stop's leftovers never keep the node from starting.
   */
  List<WebhookDelivery> takeAll(WebhookStore store, int max) {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<WebhookDelivery> out = new ArrayList<>();
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
      }
      long sequence = 0;
      for (JsonNode d : JSON.readTree(file.toFile()).required("deliveries")) {
        Optional<Webhook> webhook = store.find(d.required("webhook").asText());
        if (webhook.isEmpty() || out.size() >= max) {
          continue;
        }
        out.add(
            new WebhookDelivery(
                webhook.get(),
                d.required("event").asText(),
                JSON.writeValueAsBytes(d.required("body")),
                d.required("id").asText(),
                Math.max(1, d.required("attempt").asInt()),
                sequence++));
      }
      Files.delete(file);
      if (!out.isEmpty()) {
        LOG.info("{} webhook deliveries left at the last stop are sent again", out.size());
      }
      return out;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read the pending webhook deliveries of {}: {}", file, e.getMessage());
      try {
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + ".bad"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        LOG.warn("cannot set {} aside: {}", file, moveFailed.getMessage());
      }
      return List.of();
    }
  }
}
