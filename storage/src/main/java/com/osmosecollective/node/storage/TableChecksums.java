package com.osmosecollective.node.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rocksdb.LiveFileMetaData;
import org.rocksdb.Options;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileReader;

/**
 * Verifies the block checksums of the database's live table (SST) files one file at a time, so that
 * a damaged file is named with its column. Table files never change once written, so a file that a
 * compaction removes while it is read is simply skipped.
 */
final class TableChecksums {
  /** A table file whose checksums do not match, or that cannot be read. */
  record Damage(String file, String column, String message) {
    String describe() {
      return "table file " + file + " (column " + column + ") is corrupt: " + message;
    }
  }

  /**
   * @param verifiedFiles files read in full
   * @param liveFiles all live table files
   * @param verifiedBytes bytes read
   * @param liveBytes bytes of all live table files
   */
  record Result(
      List<Damage> damage, int verifiedFiles, int liveFiles, long verifiedBytes, long liveBytes) {
    Result {
      damage = List.copyOf(damage);
    }

    boolean complete() {
      return verifiedFiles == liveFiles;
    }
  }

  private TableChecksums() {}

  /** Verifies the newest table files until {@code budgetBytes} are read (the first always is). */
  static Result verify(RocksDatabase database, Path directory, long budgetBytes) {
    List<LiveFileMetaData> files = new ArrayList<>(database.db().getLiveFilesMetaData());
    // newer files carry higher numbers: the ones written last are checked first
    files.sort(Comparator.comparing((LiveFileMetaData f) -> f.fileName()).reversed());
    long liveBytes = files.stream().mapToLong(LiveFileMetaData::size).sum();
    List<Damage> damage = new ArrayList<>();
    long read = 0;
    int verified = 0;
    try (Options options = new Options()) {
      for (LiveFileMetaData file : files) {
        if (budgetBytes == 0 || (read + file.size() > budgetBytes && verified > 0)) {
          break;
        }
        Path path = directory.resolve(file.fileName().replaceFirst("^/", ""));
        String column = new String(file.columnFamilyName(), StandardCharsets.UTF_8);
        try (SstFileReader reader = new SstFileReader(options)) {
          reader.open(path.toString());
          reader.verifyChecksum();
        } catch (RocksDBException e) {
          if (Files.exists(path)) {
            damage.add(new Damage(path.toString(), column, StorageFailure.describe(e)));
          }
        }
        read += file.size();
        verified++;
      }
    }
    return new Result(damage, verified, files.size(), read, liveBytes);
  }
}
