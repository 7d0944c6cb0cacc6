package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** libsecp256k1 and Bouncy Castle must agree exactly, on valid and on hostile input. */
class DifferentialVerifierTest {
  private static final BouncyCastleVerifier BC = new BouncyCastleVerifier();
  private static NativeSecp256k1Verifier nativeVerifier;
  private static final int ROUNDS = 150;

  @BeforeAll
  static void nativeLibrary() {
    nativeVerifier = NativeVerifiers.require();
  }

  private final Random random = new Random(20261128);
  private int accepted;
  private int rejected;

  @Test
  void randomKeysMessagesAndMutations() {
    for (int i = 0; i < ROUNDS; i++) {
      PrivateKey key = randomKey();
      byte[] pub = key.publicKey();
      byte[] digest = bytes(32);
      byte[] der = Ecdsa.sign(digest, key);
      byte[] schnorr = Schnorr.sign(digest, key);

      assertEcdsa(digest, der, pub, true);
      assertSchnorr(digest, schnorr, pub, true);

      assertEcdsa(digest, flipBit(der), pub, null);
      assertSchnorr(digest, flipBit(schnorr), pub, false);
      assertEcdsa(flipBit(digest), der, pub, false);
      assertSchnorr(flipBit(digest), schnorr, pub, false);
      byte[] otherKey = randomKey().publicKey();
      assertEcdsa(digest, der, otherKey, false);
      assertSchnorr(digest, schnorr, otherKey, false);
      assertSchnorr(digest, bytes(64), pub, false);
      assertEcdsa(digest, highS(der), pub, false);
      // the wrong parity of the same x is a different, valid key
      byte[] twin = pub.clone();
      twin[0] ^= 1;
      assertEcdsa(digest, der, twin, false);
      assertSchnorr(digest, schnorr, twin, false);
    }
    assertThat(accepted).isEqualTo(2 * ROUNDS);
    assertThat(rejected).isGreaterThanOrEqualTo(9 * ROUNDS);
  }

  @Test
  void schnorrRangeAndZeroEdges() {
    PrivateKey key = randomKey();
    byte[] pub = key.publicKey();
    byte[] digest = bytes(32);
    byte[] sig = Schnorr.sign(digest, key);
    byte[] p = Secp256k1.toBytes32(Secp256k1.P);
    byte[] n = Secp256k1.toBytes32(Secp256k1.N);
    byte[] max = new byte[32];
    Arrays.fill(max, (byte) 0xff);

    assertSchnorr(digest, withR(sig, new byte[32]), pub, false);
    assertSchnorr(digest, withS(sig, new byte[32]), pub, false);
    assertSchnorr(digest, withR(sig, p), pub, false);
    assertSchnorr(digest, withR(sig, max), pub, false);
    assertSchnorr(digest, withS(sig, n), pub, false);
    assertSchnorr(digest, withS(sig, max), pub, false);
    // s + n would be the same scalar, but ARK requires s < n
    byte[] sPlusN =
        Secp256k1.toBytes32(new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)).add(Secp256k1.N));
    if (new BigInteger(1, sPlusN).bitLength() <= 256) {
      assertSchnorr(digest, withS(sig, sPlusN), pub, false);
    }
    assertSchnorr(digest, new byte[64], pub, false);
    assertSchnorr(digest, Arrays.copyOf(sig, 63), pub, false);
    assertSchnorr(digest, Arrays.copyOf(sig, 65), pub, false);
    assertSchnorr(Arrays.copyOf(digest, 31), sig, pub, false);
  }

  @Test
  void invalidPublicKeys() {
    PrivateKey key = randomKey();
    byte[] digest = bytes(32);
    byte[] der = Ecdsa.sign(digest, key);
    byte[] sig = Schnorr.sign(digest, key);
    byte[] pub = key.publicKey();
    byte[][] keys = {
      new byte[33],
      prefixed((byte) 0x04, pub),
      prefixed((byte) 0x00, pub),
      Arrays.copyOf(pub, 32),
      Arrays.copyOf(pub, 34),
      prefixed((byte) 0x02, Secp256k1.toBytes32(Secp256k1.P)),
      prefixed((byte) 0x03, Secp256k1.toBytes32(Secp256k1.P.add(BigInteger.ONE))),
      prefixed((byte) 0x02, notOnCurveX()),
      PrivateKey.fromBytes(Secp256k1.toBytes32(BigInteger.ONE)).publicKey(),
      null
    };
    for (byte[] bad : keys) {
      assertEcdsa(digest, der, bad, false);
      assertSchnorr(digest, sig, bad, false);
    }
  }

  /** s·G − e·P = infinity must be a rejection, not an exception, on both paths. */
  @Test
  void schnorrWithResultAtInfinity() {
    PrivateKey key = randomKey();
    byte[] digest = bytes(32);
    byte[] sig = Arrays.copyOf(bytes(32), 64);
    BigInteger e = NativeSecp256k1Verifier.challenge(sig, key.publicKey(), digest);
    BigInteger s = e.multiply(key.scalar()).mod(Secp256k1.N);
    System.arraycopy(Secp256k1.toBytes32(s), 0, sig, 32, 32);
    assertThat(nativeVerifier.sumOfMultiplies(s, e, key.publicKey())).isNull();
    assertSchnorr(digest, sig, key.publicKey(), false);
  }

  /** The recovery trick against Bouncy Castle's s·G − e·P, including keys with x ≥ n. */
  @Test
  void recoveryComputesTheSameSumAsBouncyCastle() throws Exception {
    byte[] highX = validKeyWithXAtLeastN();
    for (int i = 0; i < 60; i++) {
      byte[] pub = i % 10 == 0 ? highX : randomKey().publicKey();
      if (i % 20 == 1) {
        pub = pub.clone();
        pub[0] ^= 1;
      }
      BigInteger s = i % 7 == 0 ? BigInteger.ZERO : new BigInteger(256, random).mod(Secp256k1.N);
      BigInteger e = new BigInteger(256, random).mod(Secp256k1.N);
      ECPoint point = Secp256k1.decodePublicKey(pub);
      ECPoint expected =
          ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, s, point, Secp256k1.N.subtract(e))
              .normalize();

      byte[] actual = nativeVerifier.sumOfMultiplies(s, e, pub);
      assertThat(Hex.encode(actual)).isEqualTo(Hex.encode(expected.getEncoded(false)));
    }
  }

  @Test
  void signaturesByKeyWithXAtLeastN() throws Exception {
    // no private key is known for it, so only rejection can be compared; the recovery-id
    // branch for x ≥ n is covered by recoveryComputesTheSameSumAsBouncyCastle
    for (byte[] key : new byte[][] {validKeyWithXAtLeastN(), keyWithXEqualToN()}) {
      for (int i = 0; i < 5; i++) {
        assertSchnorr(bytes(32), bytes(64), key, false);
        assertEcdsa(bytes(32), Ecdsa.sign(bytes(32), randomKey()), key, false);
      }
    }
    assertThat(nativeVerifier.sumOfMultiplies(BigInteger.ONE, BigInteger.TWO, keyWithXEqualToN()))
        .as("needs the Bouncy Castle fallback")
        .isEmpty();
  }

  /** One verifier instance shared by several threads, as the block verifier uses it. */
  @Test
  void concurrentUseGivesTheSameAnswers() throws Exception {
    int count = 64;
    byte[][] digests = new byte[count][];
    byte[][] keys = new byte[count][];
    byte[][] sigs = new byte[count][];
    for (int i = 0; i < count; i++) {
      PrivateKey key = randomKey();
      digests[i] = bytes(32);
      keys[i] = key.publicKey();
      sigs[i] = i % 2 == 0 ? Schnorr.sign(digests[i], key) : Ecdsa.sign(digests[i], key);
      if (i % 3 == 0) {
        sigs[i] = flipBit(sigs[i]);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<boolean[]>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  boolean[] out = new boolean[count];
                  for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < count; i++) {
                      out[i] = nativeVerifier.verify(digests[i], sigs[i], keys[i]);
                    }
                  }
                  return out;
                }));
      }
      boolean[] expected = new boolean[count];
      for (int i = 0; i < count; i++) {
        expected[i] = BC.verify(digests[i], sigs[i], keys[i]);
      }
      for (Future<boolean[]> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void assertEcdsa(byte[] digest, byte[] der, byte[] key, Boolean expected) {
    boolean bc = BC.verifyEcdsa(digest, der, key);
    boolean nat = nativeVerifier.verifyEcdsa(digest, der, key);
    assertThat(nat).as("ECDSA %s", hex(der)).isEqualTo(bc);
    if (expected != null) {
      assertThat(bc).as("ECDSA %s", hex(der)).isEqualTo(expected);
    }
    count(bc);
  }

  private void assertSchnorr(byte[] digest, byte[] sig, byte[] key, boolean expected) {
    boolean bc = BC.verifySchnorr(digest, sig, key);
    boolean nat = nativeVerifier.verifySchnorr(digest, sig, key);
    assertThat(nat).as("Schnorr %s key %s", hex(sig), hex(key)).isEqualTo(bc);
    assertThat(bc).as("Schnorr %s", hex(sig)).isEqualTo(expected);
    count(bc);
  }

  private void count(boolean result) {
    if (result) {
      accepted++;
    } else {
      rejected++;
    }
  }

  private static String hex(byte[] b) {
    return b == null ? "null" : Hex.encode(b);
  }

  private PrivateKey randomKey() {
    return PrivateKey.fromBytes(
        Secp256k1.toBytes32(
            new BigInteger(256, random)
                .mod(Secp256k1.N.subtract(BigInteger.ONE))
                .add(BigInteger.ONE)));
  }

  private byte[] bytes(int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }

  private byte[] flipBit(byte[] data) {
    byte[] out = data.clone();
    int bit = random.nextInt(out.length * 8);
    out[bit / 8] ^= (byte) (1 << (bit % 8));
    return out;
  }

  private static byte[] highS(byte[] der) {
    BigInteger[] rs = DerSignature.decodeStrict(der);
    // encode() writes any value; decodeStrict would refuse n − s, so build it unchecked
    return DerSignature.encode(rs[0], Secp256k1.N.subtract(rs[1]));
  }

  private static byte[] withR(byte[] sig, byte[] r) {
    byte[] out = sig.clone();
    System.arraycopy(r, 0, out, 0, 32);
    return out;
  }

  private static byte[] withS(byte[] sig, byte[] s) {
    byte[] out = sig.clone();
    System.arraycopy(s, 0, out, 32, 32);
    return out;
  }

  private static byte[] prefixed(byte prefix, byte[] keyOrX) {
    byte[] out = new byte[33];
    out[0] = prefix;
    System.arraycopy(keyOrX, keyOrX.length - 32, out, 1, 32);
    return out;
  }

  private static byte[] notOnCurveX() {
    for (int x = 1; ; x++) {
      byte[] candidate = prefixed((byte) 0x02, Secp256k1.toBytes32(BigInteger.valueOf(x)));
      if (!Secp256k1.isValidPublicKey(candidate)) {
        return Arrays.copyOfRange(candidate, 1, 33);
      }
    }
  }

  /** x = n is on the curve; its x ≡ 0 mod n cannot be a recovery r, so it takes the fallback. */
  private static byte[] keyWithXEqualToN() {
    byte[] key = prefixed((byte) 0x02, Secp256k1.toBytes32(Secp256k1.N));
    assertThat(Secp256k1.isValidPublicKey(key)).isTrue();
    return key;
  }

  private static byte[] validKeyWithXAtLeastN() {
    for (BigInteger x = Secp256k1.N.add(BigInteger.ONE);
        x.compareTo(Secp256k1.P) < 0;
        x = x.add(BigInteger.ONE)) {
      byte[] candidate = prefixed((byte) 0x03, Secp256k1.toBytes32(x));
      if (Secp256k1.isValidPublicKey(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no point with n ≤ x < p");
  }
}
