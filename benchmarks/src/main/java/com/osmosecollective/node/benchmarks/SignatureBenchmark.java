package com.osmosecollective.node.benchmarks;

import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.crypto.Ecdsa;
import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.crypto.NativeSecp256k1Verifier;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.Schnorr;
import com.osmosecollective.node.core.crypto.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-signature verification throughput. The signatures rotate over 64 signers and messages, as
 * in a block of transactions; every one is valid, so each call does the full work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {
  private static final int SIGNERS = 64;

  private final byte[][] digests = new byte[SIGNERS][];
  private final byte[][] publicKeys = new byte[SIGNERS][];
  private final byte[][] ecdsa = new byte[SIGNERS][];
  private final byte[][] schnorr = new byte[SIGNERS][];
  private SignatureVerifier bouncyCastle;
  private SignatureVerifier nativeVerifier;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    bouncyCastle = new BouncyCastleVerifier();
    nativeVerifier =
        NativeSecp256k1Verifier.load()
            .orElseThrow(() -> new IllegalStateException("libsecp256k1 did not load"));
    for (int i = 0; i < SIGNERS; i++) {
      PrivateKey key = PrivateKey.fromPassphrase("benchmark signer " + i);
      digests[i] = Hashes.sha256(("benchmark message " + i).getBytes(StandardCharsets.UTF_8));
      publicKeys[i] = key.publicKey();
      ecdsa[i] = Ecdsa.sign(digests[i], key);
      schnorr[i] = Schnorr.sign(digests[i], key);
      if (!bouncyCastle.verifyEcdsa(digests[i], ecdsa[i], publicKeys[i])
          || !nativeVerifier.verifySchnorr(digests[i], schnorr[i], publicKeys[i])) {
        throw new IllegalStateException("benchmark signature does not verify");
      }
    }
  }

  private int index() {
    next = (next + 1) & (SIGNERS - 1);
    return next;
  }

  @Benchmark
  public boolean ecdsaVerifyBouncyCastle() {
    int i = index();
    return bouncyCastle.verifyEcdsa(digests[i], ecdsa[i], publicKeys[i]);
  }

  @Benchmark
  public boolean ecdsaVerifyNative() {
    int i = index();
    return nativeVerifier.verifyEcdsa(digests[i], ecdsa[i], publicKeys[i]);
  }

  @Benchmark
  public boolean schnorrVerifyBouncyCastle() {
    int i = index();
    return bouncyCastle.verifySchnorr(digests[i], schnorr[i], publicKeys[i]);
  }

  @Benchmark
  public boolean schnorrVerifyNative() {
    int i = index();
    return nativeVerifier.verifySchnorr(digests[i], schnorr[i], publicKeys[i]);
  }
}
