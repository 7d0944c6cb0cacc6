package com.osmosecollective.node.consensus.forger;

import com.osmosecollective.node.storage.StorageFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The last slot this node signed a block for. Remembered (and, with a file, fsynced) before the
 * block leaves the forger, so that even after a crash it never signs two different blocks for one
 * slot.
 */
public final class ForgedSlots {
  private final Path file;
  private long lastSlot;

  private ForgedSlots(Path file, long lastSlot) {
    this.file = file;
    this.lastSlot = lastSlot;
  }

  public static ForgedSlots inMemory() {
    return new ForgedSlots(null, -1);
  }

  /** Reads the last forged slot from {@code file} (absent: none yet). */
  public static ForgedSlots inFile(Path file) throws IOException {
    long last = -1;
    if (Files.isRegularFile(file)) {
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      try {
        last = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IOException("forged-slot file " + file + " is corrupt: '" + text + "'");
      }
    }
    return new ForgedSlots(file, last);
  }

  /** Where the slot is kept, for messages. */
  public String location() {
    return file == null ? "the forger's memory" : file.toString();
  }

  public synchronized long lastSlot() {
    return lastSlot;
  }

  /**
   * Records {@code slot}; false (nothing recorded) when it is not after the last one.
   *
   * @throws UncheckedIOException when the file cannot be written (nothing may be signed then)
   * @throws StorageFailure when that is because the disk is full
   */
  public synchronized boolean claim(long slot) {
    if (slot <= lastSlot) {
      return false;
    }
    if (file != null) {
      write(slot);
    }
    lastSlot = slot;
    return true;
  }

  private void write(long slot) {
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        channel.write(
            java.nio.ByteBuffer.wrap(Long.toString(slot).getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("No space left")) {
        // the chain's own next write would fail the same way: the node must stop, not retry
        throw new StorageFailure(
            "disk full: cannot record the forged slot in " + file,
            StorageFailure.Kind.DISK_FULL,
            file.getParent(),
            e);
      }
      throw new UncheckedIOException("cannot record the forged slot in " + file, e);
    }
  }
}
