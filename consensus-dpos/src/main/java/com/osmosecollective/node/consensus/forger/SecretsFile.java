package com.osmosecollective.node.consensus.forger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A forger's secrets: one BIP39 passphrase per line ({@code #} comments and blank lines ignored).
 * The file must not be readable or writable by group or others, else the node refuses to start.
 * (BIP38-encrypted keys are not supported yet.)
 */
public final class SecretsFile {
  /** Larger files are not secrets files; refuse before reading them. */
  private static final long MAX_BYTES = 1024 * 1024;

  private SecretsFile() {}

  /** Thrown for a missing, unreadable, too open or empty secrets file. */
  public static final class SecretsException extends Exception {
    public SecretsException(String message) {
      super(message);
    }
  }

  public static List<String> read(Path file) throws SecretsException {
    if (!Files.isRegularFile(file)) {
      throw new SecretsException("secrets file " + file + " does not exist");
    }
    checkPermissions(file);
    List<String> passphrases = new ArrayList<>();
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new SecretsException("secrets file " + file + " is larger than 1 MiB");
      }
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          passphrases.add(trimmed);
        }
      }
    } catch (IOException e) {
      throw new SecretsException("cannot read secrets file " + file + ": " + e.getMessage());
    }
    if (passphrases.isEmpty()) {
      throw new SecretsException("secrets file " + file + " holds no passphrase");
    }
    return passphrases;
  }

  /** Writes passphrases to a new file readable by its owner only. */
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
