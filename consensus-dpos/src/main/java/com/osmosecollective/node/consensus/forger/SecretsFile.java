package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.core.encoding.Base58;
import com.osmosecollective.node.core.encoding.DecodeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A forger's secrets, one per line ({@code #} comments and blank lines ignored): a BIP39
 * passphrase, or {@code bip38:} followed by a BIP38-encrypted key ({@code 6P…}, decrypted later by
 * {@link DelegateKeyLoader}). The file must not be readable or writable by group or others, else
 * the node refuses to start. Error messages name line numbers, never a line's content.
 */
public final class SecretsFile {
  /** Larger files are not secrets files; refuse before reading them. */
  private static final long MAX_BYTES = 1024 * 1024;

  private static final int BIP38_PAYLOAD_LENGTH = 39;

  private SecretsFile() {}

  /** Thrown for a missing, unreadable, too open or empty secrets file. */
  public static final class SecretsException extends Exception {
    public SecretsException(String message) {
      super(message);
    }
  }

  /** Marks a line holding a BIP38-encrypted key instead of a passphrase. */
  public static final String BIP38_PREFIX = "bip38:";

  public static ForgerSecrets read(Path file) throws SecretsException {
    if (!Files.isRegularFile(file)) {
      throw new SecretsException("secrets file " + file + " does not exist");
    }
    checkPermissions(file);
    List<String> passphrases = new ArrayList<>();
    List<ForgerSecrets.Bip38Line> encrypted = new ArrayList<>();
    List<String> lines;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new SecretsException("secrets file " + file + " is larger than 1 MiB");
      }
      lines = lines(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new SecretsException("cannot read secrets file " + file + ": " + e.getMessage());
    }
    for (int i = 0; i < lines.size(); i++) {
      String trimmed = lines.get(i).strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.startsWith(BIP38_PREFIX)) {
        String key = trimmed.substring(BIP38_PREFIX.length()).strip();
        checkBip38Format(file, i + 1, key);
        encrypted.add(new ForgerSecrets.Bip38Line(i + 1, key));
      } else {
        passphrases.add(trimmed);
      }
    }
    if (passphrases.isEmpty() && encrypted.isEmpty()) {
      throw new SecretsException("secrets file " + file + " holds no passphrase or BIP38 key");
    }
    return new ForgerSecrets(file, passphrases, encrypted);
  }

  /**
   * The file's lines, each decoded strictly as UTF-8 ({@code \r\n} endings and a leading byte order
   * mark accepted): a line that is not text (not UTF-8, or holding control characters) is refused
   * by its number, since as a passphrase it would silently give another key.
   */
  private static List<String> lines(Path file, byte[] bytes) throws SecretsException {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] != '\n') {
        continue;
      }
      if (i == bytes.length && start == i) {
        break; // nothing after the last newline
      }
      int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
      int number = lines.size() + 1;
      String line;
      try {
        line =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, end - start))
                .toString();
      } catch (CharacterCodingException e) {
        throw notText(file, number, "is not UTF-8 text");
      }
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1); // a byte order mark some editors write
      }
      if (line.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
        throw notText(file, number, "holds control characters");
      }
      lines.add(line);
      start = i + 1;
    }
    return lines;
  }

  private static SecretsException notText(Path file, int line, String problem) {
    return new SecretsException(
        "line "
            + line
            + " of secrets file "
            + file
            + " "
            + problem
            + ": a secrets file holds one BIP39 passphrase or bip38:<6P...> key per line");
  }

  /** Refuses a malformed BIP38 line before any password is asked for. */
  private static void checkBip38Format(Path file, int line, String key) throws SecretsException {
    String problem = null;
    try {
      byte[] payload = Base58.decodeCheck(key);
      if (payload.length != BIP38_PAYLOAD_LENGTH
          || payload[0] != 0x01
          || (payload[1] != 0x42 && payload[1] != 0x43)) {
        problem = "not a BIP38 key (39 bytes starting 0x01 0x42 or 0x01 0x43)";
      }
    } catch (DecodeException e) {
      // not e.getMessage(): Base58 errors quote the offending character of the line
      problem = "not a BIP38 key (not valid Base58Check)";
    }
    if (problem != null) {
      throw new SecretsException("line " + line + " of secrets file " + file + ": " + problem);
    }
  }

  /**
   * Writes lines (passphrases, or {@link #BIP38_PREFIX} + key) to a new file readable by its owner
   * only.
   */
  public static void write(Path file, List<String> passphrases) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, ".secrets", ".tmp");
    PosixFileAttributeView view =
        Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    Files.writeString(temporary, String.join("\n", passphrases) + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void checkPermissions(Path file) throws SecretsException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: nothing to check
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      throw new SecretsException("cannot read the permissions of " + file + ": " + e.getMessage());
    }
    for (PosixFilePermission open :
        List.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE)) {
      if (permissions.contains(open)) {
        throw new SecretsException(
            "secrets file " + file + " is accessible by group or others; run: chmod 600 " + file);
      }
    }
  }
}
