package com.osmosecollective.node.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * ARK's message signing (spec §1.7): ECDSA over sha256 of the message's UTF-8 bytes, with no
 * prefix. The network's message prefix plays no part, so signatures interoperate with ARK wallets.
 */
public final class MessageSigning {
  private MessageSigning() {}

  /** A message with its signer's compressed public key and DER signature. */
  // plain carrier of key and signature bytes, compared by callers with
  @SuppressWarnings("ArrayRecordComponent")
  // Arrays
  public record SignedMessage(byte[] publicKey, byte[] signature, String message) {
    public SignedMessage {
      Objects.requireNonNull(message, "message");
      publicKey = publicKey.clone();
      signature = signature.clone();
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SignedMessage other
          && Arrays.equals(publicKey, other.publicKey)
          && Arrays.equals(signature, other.signature)
          && message.equals(other.message);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * Arrays.hashCode(publicKey) + Arrays.hashCode(signature))
          + message.hashCode();
    }

    @Override
    public String toString() {
      return "SignedMessage[publicKey="
          + com.osmosecollective.node.core.encoding.Hex.encode(publicKey)
          + ", message="
          + message
          + "]";
    }
  }

  public static byte[] digest(String message) {
    return Hashes.sha256(message.getBytes(StandardCharsets.UTF_8));
  }

  public static SignedMessage sign(String message, PrivateKey key) {
    return new SignedMessage(key.publicKey(), Ecdsa.sign(digest(message), key), message);
  }

  /** Strict ECDSA verification (spec §2.1) with the given verifier; never throws on bad input. */
  public static boolean verify(SignedMessage signed, SignatureVerifier verifier) {
    return verifier.verifyEcdsa(digest(signed.message()), signed.signature, signed.publicKey);
  }

  public static boolean verify(SignedMessage signed) {
    return Ecdsa.verify(digest(signed.message()), signed.signature, signed.publicKey);
  }
}
