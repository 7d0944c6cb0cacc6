package com.osmosecollective.node.storage.testing;

import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.storage.ColumnFamily;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.LiveFileMetaData;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** The files of a chain database, for tests that damage a copy of one or check it is untouched. */
public final class StoreFiles {
  private StoreFiles() {}

  /** Relative path → SHA-256 of every file under {@code dir}. */
  public static Map<String, String> digests(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.put(dir.relativize(file).toString(), sha256(Files.readAllBytes(file)));
      }
    }
    return out;
  }

  /**
   * Inverts one byte of the largest table (SST) file of column {@code cf}, at {@code fraction} of
   * its length (inside its data blocks for a small fraction); returns the file.
   */
  public static Path flipByteInTable(Path dir, ColumnFamily cf, double fraction)
      throws IOException {
    Path table = largestTable(dir, cf);
    try (RandomAccessFile file = new RandomAccessFile(table.toFile(), "rw")) {
      long offset = (long) (file.length() * fraction);
      file.seek(offset);
      int b = file.read();
      file.seek(offset);
      file.write(b ^ 0xff);
    }
    return table;
  }

  /** The largest live table file of {@code cf} (the database opened read-only to find it). */
  public static Path largestTable(Path dir, ColumnFamily cf) throws IOException {
    try (Options options = new Options();
        DBOptions dbOptions = new DBOptions()) {
      List<byte[]> names = RocksDB.listColumnFamilies(options, dir.toString());
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : names) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (RocksDB db = RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, handles)) {
        try {
          LiveFileMetaData largest =
              db.getLiveFilesMetaData().stream()
                  .filter(
                      f ->
                          new String(f.columnFamilyName(), StandardCharsets.UTF_8)
                              .equals(cf.familyName()))
                  .max(Comparator.comparingLong(LiveFileMetaData::size))
                  .orElseThrow(
                      () -> new IllegalStateException("no table file of " + cf.familyName()));
          return dir.resolve(largest.fileName().replaceFirst("^/", ""));
        } finally {
          handles.forEach(ColumnFamilyHandle::close);
        }
      }
    } catch (RocksDBException e) {
      throw new IOException("cannot open " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Copies a directory tree (a stopped node's data dir). */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  /** Deletes a directory tree. */
  public static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return Hex.encode(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
