package com.osmosecollective.node.consensus.forger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.crypto.Bip38;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets files with BIP38 lines: parsing, decryption with the password, and refusals. */
class Bip38SecretsTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final PrivateKey DELEGATE = PrivateKey.fromPassphrase("bip38 test delegate");
  private static final String PLAIN = "a plain forger passphrase";

  /** Encrypted once: scrypt makes every BIP38 operation take about a second. */
  private static String encrypted;

  @TempDir Path dir;

  @BeforeAll
  static void encrypt() {
    encrypted = Bip38.encrypt(DELEGATE, true, PASSWORD);
  }

  @Test
  void mixedPassphraseAndBip38LinesGiveBothKeys() throws Exception {
    Path file = secrets("# forger\n" + PLAIN + "\n\n  bip38:" + encrypted + "  \n");
    ForgerSecrets secrets = SecretsFile.read(file);
    assertThat(secrets.passphrases()).containsExactly(PLAIN);
    assertThat(secrets.encryptedKeys()).containsExactly(new ForgerSecrets.Bip38Line(4, encrypted));
    assertThat(secrets.toString()).doesNotContain(PLAIN).doesNotContain(encrypted);

    AtomicInteger asked = new AtomicInteger();
    DelegateKeys keys =
        loader(
                () -> {
                  asked.incrementAndGet();
                  return java.util.Optional.of(PASSWORD.toCharArray());
                })
            .load(secrets);
    assertThat(asked).as("password asked once").hasValue(1);
    assertThat(keys.size()).isEqualTo(2);
    assertThat(keys.key(Hex.encode(DELEGATE.publicKey())).orElseThrow().toBytes())
        .isEqualTo(DELEGATE.toBytes());
    assertThat(keys.key(Hex.encode(PrivateKey.fromPassphrase(PLAIN).publicKey()))).isPresent();
  }

  @Test
  void passphrasesAloneNeverAskForAPassword() throws Exception {
    Path file = secrets(PLAIN + "\n");
    DelegateKeys keys =
        loader(
                () -> {
                  throw new AssertionError("asked for a password");
                })
            .load(SecretsFile.read(file));
    assertThat(keys.size()).isEqualTo(1);
  }

  @Test
  void theWrongPasswordIsRefusedWithoutShowingIt() throws Exception {
    Path file = secrets(PLAIN + "\nbip38:" + encrypted + "\n");
    assertThatThrownBy(
            () ->
                loader(PasswordSource.environment("PW", Map.of("PW", "not the password")::get))
                    .load(SecretsFile.read(file)))
        .isInstanceOf(SecretsFile.SecretsException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("wrong password")
        .hasMessageNotContaining("not the password")
        .hasMessageNotContaining(encrypted);
  }

  @Test
  void aMissingPasswordIsRefusedWithAHint() throws Exception {
    Path file = secrets("bip38:" + encrypted + "\n");
    // an empty variable counts as unset; no console attached
    PasswordSource none =
        PasswordSource.environment("PW", Map.of("PW", "")::get)
            .orElse(PasswordSource.prompt(null, "password: "));
    assertThatThrownBy(() -> loader(none).load(SecretsFile.read(file)))
        .isInstanceOf(SecretsFile.SecretsException.class)
        .hasMessageContaining("holds BIP38 keys but no password")
        .hasMessageContaining("set PW");
  }

  @Test
  void theEnvironmentComesBeforeThePrompt() {
    PasswordSource source =
        PasswordSource.environment("PW", Map.of("PW", "from env")::get)
            .orElse(() -> java.util.Optional.of("typed".toCharArray()));
    assertThat(new String(source.password().orElseThrow())).isEqualTo("from env");
    PasswordSource fallback =
        PasswordSource.environment("PW", Map.<String, String>of()::get)
            .orElse(() -> java.util.Optional.of("typed".toCharArray()));
    assertThat(new String(fallback.password().orElseThrow())).isEqualTo("typed");
  }

  @Test
  void malformedBip38LinesAreRefusedBeforeAnyPassword() throws Exception {
    String wif = "5KN7MzqK5wt2TP1fQCYyHBtDrXdJuXbUzm4A9rKAteGu3Qi5CVR"; // Base58Check, not BIP38
    for (String bad : List.of("bip38:", "bip38:6Pnot0base58", "bip38:" + wif)) {
      Path file = secrets(PLAIN + "\n" + bad + "\n");
      assertThatThrownBy(() -> SecretsFile.read(file))
          .as(bad)
          .isInstanceOf(SecretsFile.SecretsException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("not a BIP38 key");
    }
    String corrupted =
        encrypted.substring(0, 20)
            + (encrypted.charAt(20) == 'a' ? 'b' : 'a')
            + encrypted.substring(21);
    Path file = secrets("bip38:" + corrupted + "\n");
    assertThatThrownBy(() -> SecretsFile.read(file)).hasMessageContaining("not valid Base58Check");
    Path leaky = secrets("bip38:my secret words\n");
    assertThatThrownBy(() -> SecretsFile.read(leaky))
        .hasMessageContaining("line 1")
        .hasMessageNotContaining("my secret")
        .hasMessageNotContaining("'");
  }

  @Test
  void aBip38FileStillNeedsOwnerOnlyPermissions() throws Exception {
    Path file = secrets("bip38:" + encrypted + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> SecretsFile.read(file)).hasMessageContaining("group or others");
  }

  private Path secrets(String content) throws Exception {
    Path file = dir.resolve("secrets");
    SecretsFile.write(file, List.of("#"));
    Files.writeString(file, content);
    return file;
  }

  private static DelegateKeyLoader loader(PasswordSource source) {
    return new DelegateKeyLoader(source, "set PW");
  }
}
