package com.osmosecollective.node.consensus.forger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsAndSlotsTest {
  @TempDir Path dir;

  @Test
  void readsPassphrasesFromAnOwnerOnlyFile() throws Exception {
    Path file = dir.resolve("secrets");
    SecretsFile.write(file, List.of("first pass phrase", "second pass phrase"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    Files.writeString(file, "# delegates\n\nfirst pass phrase\n  second pass phrase  \n");
    assertThat(SecretsFile.read(file).passphrases())
        .containsExactly("first pass phrase", "second pass phrase");
    assertThat(SecretsFile.read(file).encryptedKeys()).isEmpty();
  }

  @Test
  void refusesFilesOpenToGroupOrOthersAndEmptyFiles() throws Exception {
    Path file = dir.resolve("secrets");
    SecretsFile.write(file, List.of("a passphrase"));
    for (String mode : List.of("rw-r-----", "rw----r--", "rw--w----", "rw-------")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
      if (mode.equals("rw-------")) {
        assertThat(SecretsFile.read(file).passphrases()).hasSize(1);
      } else {
        assertThatThrownBy(() -> SecretsFile.read(file))
            .as(mode)
            .isInstanceOf(SecretsFile.SecretsException.class)
            .hasMessageContaining("group or others");
      }
    }
    Files.writeString(file, "# nothing\n");
    assertThatThrownBy(() -> SecretsFile.read(file))
        .hasMessageContaining("no passphrase or BIP38 key");
    assertThatThrownBy(() -> SecretsFile.read(dir.resolve("missing")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void aGarbageFileIsRefusedNamingTheFileAndLineButNotItsContent() throws Exception {
    Path file = dir.resolve("secrets");
    SecretsFile.write(file, List.of("placeholder"));
    // line 3 is not UTF-8 (a binary file, a key in another encoding)
    Files.write(
        file, new byte[] {'#', ' ', 'k', '\n', 'o', 'k', '\n', 's', 'e', (byte) 0xC3, 0x28, '\n'});
    assertThatThrownBy(() -> SecretsFile.read(file))
        .isInstanceOf(SecretsFile.SecretsException.class)
        .hasMessage(
            "line 3 of secrets file "
                + file
                + " is not UTF-8 text: a secrets file holds one BIP39 passphrase or"
                + " bip38:<6P...> key per line");
    Files.write(file, new byte[] {'o', 'k', '\n', 'a', 0, 'b', '\n'});
    assertThatThrownBy(() -> SecretsFile.read(file))
        .hasMessageStartingWith("line 2 of secrets file " + file + " holds control characters");
    // Windows line ends and a byte order mark are text
    Files.write(file, "\uFEFFfirst words\r\nsecond words\r\n".getBytes("UTF-8"));
    assertThat(SecretsFile.read(file).passphrases()).containsExactly("first words", "second words");
  }

  @Test
  void aForgedSlotIsClaimedOnceEvenAcrossRestarts() throws Exception {
    Path file = dir.resolve("last-slot");
    ForgedSlots slots = ForgedSlots.inFile(file);
    assertThat(slots.claim(10)).isTrue();
    assertThat(slots.claim(10)).isFalse();
    assertThat(slots.claim(9)).isFalse();
    ForgedSlots reopened = ForgedSlots.inFile(file);
    assertThat(reopened.lastSlot()).isEqualTo(10);
    assertThat(reopened.claim(10)).isFalse();
    assertThat(reopened.claim(11)).isTrue();
    Files.writeString(file, "garbage");
    assertThatThrownBy(() -> ForgedSlots.inFile(file)).hasMessageContaining("corrupt");
  }
}
