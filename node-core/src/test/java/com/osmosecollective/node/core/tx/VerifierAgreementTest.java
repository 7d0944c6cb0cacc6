package com.osmosecollective.node.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.crypto.NativeSecp256k1Verifier;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.testing.TestData;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Transaction verification gives the same verdict and reasons with libsecp256k1 as with Bouncy
 * Castle, on every valid and every tampered transaction of the shared vectors.
 */
class VerifierAgreementTest {
  @Test
  void nativeAndBouncyCastleAgreeOnEveryVectorTransaction() throws DecodeException {
    Optional<NativeSecp256k1Verifier> loaded = NativeSecp256k1Verifier.load();
    assumeTrue(loaded.isPresent(), "libsecp256k1 JNI not available on this platform");
    TransactionVerifier bouncyCastle = new TransactionVerifier(new BouncyCastleVerifier());
    TransactionVerifier nativeVerifier = new TransactionVerifier(loaded.get());
    JsonNode wallet = TestData.load("transactions-v2.json").at("/multiSignatureWallet/asset");
    SenderKeys multiSignatureSender = SenderKeys.of(null, TxVectors.multiSignature(wallet));

    int compared = 0;
    int rejected = 0;
    for (String file :
        new String[] {"transactions-v2.json", "transactions-v1.json", "negative.json"}) {
      JsonNode root = TestData.load(file);
      JsonNode list = root.has("vectors") ? root.get("vectors") : root.get("transactions");
      for (JsonNode v : list) {
        long height =
            v.has("configuredHeight")
                ? v.get("configuredHeight").asLong()
                : root.get("configuredHeight").asLong();
        TxContext ctx = TxVectors.context(height);
        Transaction tx;
        try {
          tx = TransactionDecoder.decodeHex(v.get("serialized").asText(), ctx);
        } catch (DecodeException e) {
          continue; // nothing to verify
        }
        for (SenderKeys sender : new SenderKeys[] {SenderKeys.unknown(), multiSignatureSender}) {
          VerificationResult expected = bouncyCastle.verify(tx, ctx, sender);
          assertThat(nativeVerifier.verify(tx, ctx, sender))
              .as("%s %s", file, v.get("name").asText())
              .isEqualTo(expected);
          compared++;
          rejected += expected.verified() ? 0 : 1;
        }
      }
    }
    assertThat(compared).isGreaterThan(2 * 100);
    assertThat(rejected)
        .as("tampered and wrong-sender cases are part of the comparison")
        .isGreaterThan(50);
  }
}
