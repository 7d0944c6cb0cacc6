package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registered webhooks, kept in one JSON file of the data dir ({@code webhooks.json}, ARK's
 * {@code {"webhooks": […]}}) that every change rewrites whole and atomically (a temporary file
 * forced to disk, then renamed over it), readable by the node's user only: it holds the tokens.
 * Readers get an immutable snapshot, so delivering never waits for a registration.
 */
final class WebhookStore {
  /** Webhooks kept at most: each event is matched against every one. */
  static final int MAX_WEBHOOKS = 100;

  private static final long MAX_FILE_BYTES = 4L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final SecureRandom random = new SecureRandom();
  private volatile List<Webhook> webhooks;

  private WebhookStore(Path file, List<Webhook> webhooks) {
    this.file = file;
    this.webhooks = List.copyOf(webhooks);
  }

  /**
   * The webhooks of {@code file}, none when it does not exist yet.
   *
   * @throws IllegalStateException naming the file when it is not a webhooks file
   */
  static WebhookStore open(Path file) {
    if (!Files.exists(file)) {
      return new WebhookStore(file, List.of());
    }
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalStateException(file + " is larger than a webhooks file can be");
      }
      return new WebhookStore(file, parse(JSON.readTree(file.toFile())));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the webhooks of " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Webhook> parse(JsonNode root) {
    List<Webhook> list = new ArrayList<>();
    for (JsonNode w : root.required("webhooks")) {
      List<WebhookCondition> conditions = new ArrayList<>();
      for (JsonNode c : w.required("conditions")) {
        conditions.add(
            new WebhookCondition(
                c.required("key").asText(), c.get("value"), c.required("condition").asText()));
      }
      list.add(
          new Webhook(
              w.required("id").asText(),
              w.required("event").asText(),
              w.required("target").asText(),
              w.required("token").asText(),
              w.required("enabled").asBoolean(),
              conditions));
    }
    return list;
  }

  List<Webhook> all() {
    return webhooks;
  }

  Optional<Webhook> find(String id) {
    return webhooks.stream().filter(w -> w.id().equals(id)).findFirst();
  }

  /**
   * Registers a webhook with a new id and token.
   *
   * @throws ApiException 422 when {@link #MAX_WEBHOOKS} are registered
   */
  synchronized Webhook create(WebhookRegistration registration) throws ApiException {
    if (webhooks.size() >= MAX_WEBHOOKS) {
      throw new ApiException(
          ApiError.unprocessable("at most " + MAX_WEBHOOKS + " webhooks may be registered"));
    }
    byte[] token = new byte[32];
    random.nextBytes(token);
    Webhook created =
        new Webhook(
            UUID.randomUUID().toString(),
            registration.event(),
            registration.target(),
            HexFormat.of().formatHex(token),
            registration.enabled(),
            registration.conditions());
    List<Webhook> next = new ArrayList<>(webhooks);
    next.add(created);
    save(next);
    return created;
  }

  /** Replaces what a registration gives (id and token stay); false when there is no such id. */
  synchronized boolean update(String id, WebhookRegistration change) {
    List<Webhook> next = new ArrayList<>(webhooks);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).id().equals(id)) {
        next.set(i, next.get(i).with(change));
        save(next);
        return true;
      }
    }
    return false;
  }

  synchronized boolean delete(String id) {
    List<Webhook> next = new ArrayList<>(webhooks);
    if (!next.removeIf(w -> w.id().equals(id))) {
      return false;
    }
    save(next);
    return true;
  }

  private void save(List<Webhook> next) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode list = root.putArray("webhooks");
    next.forEach(w -> list.add(w.toJson(true)));
    try {
      PrivateFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    webhooks = List.copyOf(next);
  }
}
