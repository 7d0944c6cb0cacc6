package com.osmosecollective.node.acceptance.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** A delegates' secrets file as forgers require it: one passphrase per line, owner-only. */
final class SecretsFile {
  private SecretsFile() {}

  /** Writes {@code secrets} to {@code file} (replacing it), readable by the owner alone. */
  static Path write(Path file, List<String> secrets) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, secrets);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
