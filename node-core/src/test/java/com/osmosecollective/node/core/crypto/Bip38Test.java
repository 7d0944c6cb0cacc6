package com.osmosecollective.node.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import java.text.Normalizer;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test vectors of BIP38 itself (bitcoin/bips bip-0038.mediawiki), which ARK's own fixtures
 * (core __tests__/unit/crypto/crypto/fixtures/bip38.json) repeat. scrypt with N=16384, r=8, p=8
 * makes each case slow (about a second on a busy 2-core machine), so one vector of each kind runs
 * in the default build and the others are tagged {@code slow} ({@code ./mvnw -Pslow verify}).
 */
class Bip38Test {

  @ParameterizedTest(name = "{3}")
  @CsvSource({
    "TestingOneTwoThree, 6PRVWUbkzzsbcVac2qwfssoUJAN1Xhrg6bNk8J7Nzm5H7kxEbn2Nh2ZoGg,"
        + " 5KN7MzqK5wt2TP1fQCYyHBtDrXdJuXbUzm4A9rKAteGu3Qi5CVR, plain uncompressed 1",
    "TestingOneTwoThree, 6PYNKZ1EAgYgmQfmNVamxyXVWHzK5s6DGhwP4J5o44cvXdoY7sRzhtpUeo,"
        + " L44B5gGEpqEDRS9vVPz7QT35jcBG2r3CZwSwQ4fCewXAhAhqGVpP, plain compressed 1",
  })
  void encryptsAndDecryptsPlainVectors(String password, String encrypted, String wif, String name)
      throws DecodeException {
    checkPlainVector(password, encrypted, wif);
  }

  @Tag("slow")
  @ParameterizedTest(name = "{3}")
  @CsvSource({
    "Satoshi, 6PRNFFkZc2NZ6dJqFfhRoFNMR9Lnyj7dYGrzdgXXVMXcxoKTePPX1dWByq,"
        + " 5HtasZ6ofTHP6HCwTqTkLDuLQisYPah7aUnSKfC7h4hMUVw2gi5, plain uncompressed 2",
    "Satoshi, 6PYLtMnXvfG3oJde97zRyLYFZCYizPU5T3LwgdYJz1fRhh16bU7u6PPmY7,"
        + " KwYgW8gcxj1JWJXhPSu4Fqwzfhp5Yfi42mdYmMa4XqK7NJxXUSK7, plain compressed 2",
  })
  void encryptsAndDecryptsMorePlainVectors(
      String password, String encrypted, String wif, String name) throws DecodeException {
    checkPlainVector(password, encrypted, wif);
  }

  private static void checkPlainVector(String password, String encrypted, String wif)
      throws DecodeException {
    Bip38.Decrypted expected = bitcoinWif(wif);

    Bip38.Decrypted decrypted = Bip38.decrypt(encrypted, password);
    assertThat(decrypted.key().toBytes()).isEqualTo(expected.key().toBytes());
    assertThat(decrypted.compressed()).isEqualTo(expected.compressed());
    assertThat(Bip38.encrypt(expected.key(), expected.compressed(), password)).isEqualTo(encrypted);
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource({
    "ΜΟΛΩΝ ΛΑΒΕ, 6PgGWtx25kUg8QWvwuJAgorN6k9FbE25rv5dMRwu5SKMnfpfVe5mar2ngH,"
        + " 5KMKKuUmAkiNbA3DazMQiLfDq47qs8MAEThm4yL8R2PhV1ov33D, EC multiply Greek password",
  })
  void decryptsEcMultiplyVectors(String password, String encrypted, String wif, String name)
      throws DecodeException {
    checkEcMultiplyVector(password, encrypted, wif);
  }

  @Tag("slow")
  @ParameterizedTest(name = "{3}")
  @CsvSource({
    "TestingOneTwoThree, 6PfQu77ygVyJLZjfvMLyhLMQbYnu5uguoJJ4kMCLqWwPEdfpwANVS76gTX,"
        + " 5K4caxezwjGCGfnoPTZ8tMcJBLB7Jvyjv4xxeacadhq8nLisLR2, EC multiply 1",
    "MOLON LABE, 6PgNBNNzDkKdhkT6uJntUXwwzQV8Rr2tZcbkDcuC9DZRsS6AtHts4Ypo1j,"
        + " 5JLdxTtcTHcfYcmJsNVy1v2PMDx432JPoYcBTVVRHpPaxUrdtf8, EC multiply lot/sequence",
  })
  void decryptsMoreEcMultiplyVectors(String password, String encrypted, String wif, String name)
      throws DecodeException {
    checkEcMultiplyVector(password, encrypted, wif);
  }

  private static void checkEcMultiplyVector(String password, String encrypted, String wif)
      throws DecodeException {
    Bip38.Decrypted decrypted = Bip38.decrypt(encrypted, password);
    assertThat(decrypted.key().toBytes()).isEqualTo(bitcoinWif(wif).key().toBytes());
    assertThat(decrypted.compressed()).isFalse();
  }

  /** BIP38's third vector needs NFC normalisation of the password, which the caller applies. */
  @Tag("slow")
  @Test
  void decryptsUnicodeVectorWhenPasswordIsNormalised() throws DecodeException {
    String password =
        "\u03D2\u0301\u0000"
            + new String(Character.toChars(0x10400))
            + new String(Character.toChars(0x1F4A9));
    Bip38.Decrypted decrypted =
        Bip38.decrypt(
            "6PRW5o9FLp4gJDDVqJQKJFTpMvdsSGJxMYHtHaQBF3ooa8mwD69bapcDQn",
            Normalizer.normalize(password, Normalizer.Form.NFC));
    assertThat(Hex.encode(decrypted.key().toBytes()))
        .isEqualTo(
            Hex.encode(
                bitcoinWif("5Jajm8eQ22H3pGWLEVCXyvND8dQZhiQhoLJNKjYXk9roUFTMSZ4").key().toBytes()));
  }

  @Test
  void roundTripsAnOsmoseKeyAndRefusesAWrongPassword() throws DecodeException {
    PrivateKey key = PrivateKey.fromPassphrase("osmose vector 1");
    String encrypted = Bip38.encrypt(key, true, "forger secret");

    assertThat(encrypted).startsWith("6PY");
    Bip38.Decrypted decrypted = Bip38.decrypt(encrypted, "forger secret");
    assertThat(decrypted.key().toBytes()).isEqualTo(key.toBytes());
    assertThat(decrypted.compressed()).isTrue();
    assertThat(Wif.encode(decrypted.key(), 44))
        .isEqualTo("7bf3P45x1cpZnX7VxdqERbJyb6DZ2PSdTpY3j9hxc6Z3Wx4esVzo");
    assertThatThrownBy(() -> Bip38.decrypt(encrypted, "forger secreT"))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("wrong password");
  }

  /** ARK's invalid fixtures, refused before any scrypt work. */
  @Test
  void rejectsMalformedPayloads() throws DecodeException {
    String[] invalid = {
      "6PgGWtx25kUg8QWvwuJAgorN6k9FbE25rv5dMRwu5SKMnfpfVe5marXXXX", // checksum
      "QmxDezFMDL7ExfYmsETsQXAtBbw5YE1CDyA8pm1AGpMpVVUpsVy1yXv4VTL", // 40 bytes
      "2DnNxWcx4Prn8wmjbkvtYGDALsq8BMWxQ33KnXkeH8vrxE41psDLXRmK3", // 38 bytes
      "AfE1YY4Wr2FLAENaH9PVaLRdyk714V4rhwiJMSGyQCGFB3rhGDCs2R7c4s", // prefix 0x02
      "5JjnYkbFBmUnhGeDMVhR7aSitLToe1odEfXDBeg4RMK6JmAm9g7rkm7qY3", // type 0x01
      "",
      "0OIl"
    };
    for (String text : invalid) {
      assertThatThrownBy(() -> Bip38.decrypt(text, "x"))
          .as(text)
          .isInstanceOf(DecodeException.class);
    }
    byte[] badPlainFlag = Hex.decode("0142d0" + "00".repeat(36));
    byte[] badEcFlag = Hex.decode("0143db" + "00".repeat(36));
    for (byte[] payload : new byte[][] {badPlainFlag, badEcFlag}) {
      assertThatThrownBy(() -> Bip38.decrypt(Base58.encodeCheck(payload), "x"))
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining("flag");
    }
    assertThat(Arrays.asList(invalid)).hasSize(7);
  }

  /** Bitcoin WIF (version 0x80): 33-byte payload for an uncompressed key, 34 for compressed. */
  private static Bip38.Decrypted bitcoinWif(String wif) throws DecodeException {
    byte[] payload = Base58.decodeCheck(wif);
    assertThat(payload[0]).isEqualTo((byte) 0x80);
    return new Bip38.Decrypted(Wif.decode(wif, 0x80), payload.length == 34);
  }
}
