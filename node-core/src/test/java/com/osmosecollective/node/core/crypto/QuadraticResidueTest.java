package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuadraticResidueTest {
  private static final BigInteger P = Secp256k1.P;
  private static final BigInteger HALF = P.subtract(BigInteger.ONE).shiftRight(1);

  /** Euler's criterion, the textbook definition, as the reference. */
  private static boolean euler(BigInteger y) {
    return y.signum() > 0 && y.modPow(HALF, P).equals(BigInteger.ONE);
  }

  @Test
  void agreesWithEulersCriterionOnRandomAndEdgeValues() {
    Random random = new Random(42);
    int residues = 0;
    for (int i = 0; i < 3000; i++) {
      BigInteger y = new BigInteger(256, random).mod(P);
      // also values with long runs of zero bits, which exercise the limb shifts
      BigInteger sparse =
          BigInteger.ONE.shiftLeft(random.nextInt(256)).add(BigInteger.valueOf(i)).mod(P);
      for (BigInteger v : new BigInteger[] {y, sparse}) {
        boolean expected = euler(v);
        residues += expected ? 1 : 0;
        assertThat(QuadraticResidue.isQuadraticResidue(v)).as(v.toString(16)).isEqualTo(expected);
        assertThat(QuadraticResidue.isQuadraticResidue(Secp256k1.toBytes32(v), 0))
            .isEqualTo(expected);
      }
    }
    assertThat(residues).isBetween(2700, 3300); // about half of all values are residues
    for (long small = 1; small < 200; small++) {
      BigInteger v = BigInteger.valueOf(small);
      assertThat(QuadraticResidue.isQuadraticResidue(v)).isEqualTo(euler(v));
      assertThat(QuadraticResidue.isQuadraticResidue(P.subtract(v)))
          .isEqualTo(euler(P.subtract(v)));
    }
  }

  @Test
  void agreesWithEulersCriterionOnValuesOfEveryLength() {
    // every bit length, so the switch to single-limb arithmetic happens at every stage
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      BigInteger v = new BigInteger(1 + random.nextInt(256), random).mod(P);
      assertThat(QuadraticResidue.isQuadraticResidue(v)).as(v.toString(16)).isEqualTo(euler(v));
    }
    for (int bits = 1; bits < 256; bits++) {
      BigInteger power = BigInteger.ONE.shiftLeft(bits);
      for (BigInteger v :
          new BigInteger[] {power.subtract(BigInteger.ONE), power.add(BigInteger.ONE)}) {
        BigInteger inRange = v.mod(P);
        assertThat(QuadraticResidue.isQuadraticResidue(inRange))
            .as(inRange.toString(16))
            .isEqualTo(euler(inRange));
      }
    }
  }

  @Test
  void zeroAndOutOfRangeAreNotResidues() {
    assertThat(QuadraticResidue.isQuadraticResidue(BigInteger.ZERO)).isFalse();
    assertThat(QuadraticResidue.isQuadraticResidue(P)).isFalse();
    assertThat(QuadraticResidue.isQuadraticResidue(P.add(BigInteger.ONE))).isFalse();
    assertThat(QuadraticResidue.isQuadraticResidue(new byte[32], 0)).isFalse();
    assertThat(QuadraticResidue.isQuadraticResidue(Secp256k1.toBytes32(P), 0)).isFalse();
    byte[] ones = new byte[32];
    java.util.Arrays.fill(ones, (byte) 0xff);
    assertThat(QuadraticResidue.isQuadraticResidue(ones, 0)).isFalse();
  }
}
