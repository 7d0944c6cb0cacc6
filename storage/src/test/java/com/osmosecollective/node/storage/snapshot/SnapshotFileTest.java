package com.osmosecollective.node.storage.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.encoding.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot file format: round trip, and every truncation and byte flip refused. */
class SnapshotFileTest {
  private static final String NETHASH = "ab".repeat(32);

  @TempDir Path dir;

  private static SnapshotHeader header(long from, long to) {
    return new SnapshotHeader(
        "testnet",
        NETHASH,
        "cd".repeat(32),
        from,
        to,
        from == 1 ? "" : "ef".repeat(32),
        "12".repeat(32),
        Bytes.of("{\"network\":{}}".getBytes(StandardCharsets.UTF_8)));
  }

  /** Blocks of varied sizes; half-compressible (a repeated header part, a random part). */
  private static List<byte[]> blocks(int count) {
    return blocks(count, 150);
  }

  private static List<byte[]> blocks(int count, int minSize) {
    Random random = new Random(42);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] block = new byte[minSize + random.nextInt(minSize * 3)];
      random.nextBytes(block);
      Arrays.fill(block, 0, minSize / 3, (byte) 7);
      out.add(block);
    }
    return out;
  }

  private Path write(SnapshotHeader header, List<byte[]> blocks) throws IOException {
    Path file = dir.resolve("s-" + header.from() + "-" + header.to() + ".snap");
    try (SnapshotWriter writer = SnapshotWriter.create(file, header)) {
      for (int i = 0; i < blocks.size(); i++) {
        writer.write(header.from() + i, blocks.get(i));
      }
      writer.finish();
    }
    return file;
  }

  private static List<SnapshotReader.Entry> readAll(Path file) throws SnapshotException {
    List<SnapshotReader.Entry> out = new ArrayList<>();
    try (SnapshotReader reader = SnapshotReader.open(file)) {
      for (SnapshotReader.Entry e = reader.next(); e != null; e = reader.next()) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void blocksComeBackAsWrittenWithTheHeader() throws Exception {
    List<byte[]> blocks = blocks(600); // more than two chunks of 256
    Path file = write(header(101, 700), blocks);
    try (SnapshotReader reader = SnapshotReader.open(file)) {
      assertThat(reader.header()).isEqualTo(header(101, 700));
      assertThat(reader.headerChecksum()).matches("[0-9a-f]{64}");
    }
    List<SnapshotReader.Entry> read = readAll(file);
    assertThat(read).hasSize(600);
    for (int i = 0; i < read.size(); i++) {
      assertThat(read.get(i).height()).isEqualTo(101 + i);
      assertThat(read.get(i).serialized()).isEqualTo(blocks.get(i));
    }
    long total = blocks.stream().mapToLong(b -> b.length).sum();
    assertThat(Files.size(file)).as("compressed").isLessThan(total);
  }

  @Test
  void everyTruncationIsRefused() throws Exception {
    Path file = write(header(1, 300), blocks(300));
    byte[] whole = Files.readAllBytes(file);
    Path cut = dir.resolve("cut.snap");
    for (int length = 0; length < whole.length; length += Math.max(1, length / 40)) {
      Files.write(cut, Arrays.copyOf(whole, length));
      assertThatThrownBy(() -> readAll(cut))
          .as("cut at %d of %d bytes", length, whole.length)
          .isInstanceOf(SnapshotException.class)
          .message()
          .containsAnyOf("truncated", "damaged", "not an OSMOSE snapshot");
    }
    Files.write(cut, Arrays.copyOf(whole, whole.length - 1));
    assertThatThrownBy(() -> readAll(cut)).isInstanceOf(SnapshotException.class);
  }

  @Test
  void everyFlippedByteIsRefused() throws Exception {
    // small blocks keep the file (and the number of flips) small; the format is the same
    Path file = write(header(1, 30), blocks(30, 20));
    byte[] whole = Files.readAllBytes(file);
    Path flipped = dir.resolve("flipped.snap");
    for (int i = 0; i < whole.length; i++) {
      byte[] copy = whole.clone();
      copy[i] ^= 0x10;
      Files.write(flipped, copy);
      int at = i;
      assertThatThrownBy(() -> readAll(flipped))
          .as("byte %d of %d flipped", at, whole.length)
          .isInstanceOf(SnapshotException.class);
    }
  }

  @Test
  void bytesAfterTheEndAreRefused() throws Exception {
    Path file = write(header(1, 10), blocks(10));
    Files.write(file, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> readAll(file)).hasMessageContaining("bytes follow the end marker");
  }

  @Test
  void theWriterKeepsHeightsInOrderAndComplete() throws Exception {
    Path file = dir.resolve("w.snap");
    try (SnapshotWriter writer = SnapshotWriter.create(file, header(1, 3))) {
      writer.write(1, new byte[10]);
      assertThatThrownBy(() -> writer.write(3, new byte[10]))
          .hasMessageContaining("expected block 2");
      assertThatThrownBy(writer::finish).hasMessageContaining("last block written is 1");
    }
    assertThatThrownBy(() -> readAll(file)).hasMessageContaining("truncated");
    assertThatThrownBy(() -> SnapshotWriter.create(file, header(1, 3)))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
  }

  @Test
  void notASnapshotAndMissingFilesSaySo() throws Exception {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "hello, this is not a snapshot");
    assertThatThrownBy(() -> SnapshotReader.open(text))
        .hasMessageContaining("is not an OSMOSE snapshot");
    assertThatThrownBy(() -> SnapshotReader.open(dir.resolve("none")))
        .hasMessageContaining("no such snapshot file");
  }
}
