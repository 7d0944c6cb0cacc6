package com.osmosecollective.node.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Osmose-Signature} of a delivery: {@code sha256=} and the lowercase hex HMAC-SHA256
 * of the body's bytes, keyed by the webhook's whole token (its 64 characters as ASCII bytes). A
 * receiver recomputes it over the raw body and compares in constant time.
 */
final class WebhookSignature {
  static final String HEADER = "X-Osmose-Signature";

  private WebhookSignature() {}

  static String sign(String token, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM provides HmacSHA256", e);
    }
  }
}
