package com.osmosecollective.node.genesis.spec;

import com.osmosecollective.node.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The genesis accounts' passphrases, derived from one seed: HMAC-SHA256(seed, "osmose-genesis/v1/"
 * + role) as 64 hex characters. The same seed gives the same keys, so a spec and its seed reproduce
 * a network byte for byte; whoever knows the seed holds every genesis key, so a real network's seed
 * is kept like a private key (and a public testnet publishes it).
 */
public final class SeedKeys {
  private static final String DOMAIN = "osmose-genesis/v1/";
  private static final int MIN_SEED_CHARS = 8;

  private final byte[] seed;

  public SeedKeys(String seed) {
    if (seed == null || seed.length() < MIN_SEED_CHARS) {
      throw new IllegalArgumentException("the seed must be at least 8 characters");
    }
    this.seed = seed.getBytes(StandardCharsets.UTF_8);
  }

  /** A fresh random seed (256 bits, hex), for a spec that gives none. */
  public static String randomSeed() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Hex.encode(bytes);
  }

  /** The passphrase of the account with this role, e.g. {@code delegate/7}. */
  public String passphrase(String role) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(seed, "HmacSHA256"));
      return Hex.encode(mac.doFinal((DOMAIN + role).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
