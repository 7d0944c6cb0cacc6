package com.osmosecollective.node.api;

/**
 * One delivery of one event to one webhook. The {@code id} (the {@code X-Osmose-Delivery} header)
 * stays the same over its tries and across a restart, so a receiver can drop a repeat; {@code
 * attempt} counts from 1; {@code sequence} orders deliveries as their events came.
 */
// the body is sent as it is, never compared
@SuppressWarnings("ArrayRecordComponent")
record WebhookDelivery(
    Webhook webhook, String event, byte[] body, String id, int attempt, long sequence) {
  WebhookDelivery next() {
    return new WebhookDelivery(webhook, event, body, id, attempt + 1, sequence);
  }
}
