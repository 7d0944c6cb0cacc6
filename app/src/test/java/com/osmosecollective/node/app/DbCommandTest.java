package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.testing.RandomChain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import picocli.CommandLine;

class DbCommandTest {
  static final String NETHASH = "11".repeat(32);

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cli = CommandLines.create();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void checksAHealthyDatabase() throws Exception {
    RandomChain chain = new RandomChain(new RandomChain.Settings(1, 30, 5, 10, true));
    try (ChainStore store = ChainStore.open(StoreOptions.inDataDir(dir), NETHASH)) {
      for (int i = 0; i < 25; i++) {
        store.commit(chain.next());
      }
    }
    assertThat(run("db", "check", "--data-dir", dir.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("tip 25, 25 blocks").contains("OK: all invariants hold");
  }

  @Test
  void reportsProblemsWithExitCodeOne() throws Exception {
    RandomChain chain = new RandomChain(new RandomChain.Settings(1, 30, 5, 10, true));
    try (ChainStore store = ChainStore.open(StoreOptions.inDataDir(dir), NETHASH)) {
      for (int i = 0; i < 5; i++) {
        store.commit(chain.next());
      }
    }
    deleteUndoRecord(dir.resolve("chain"), 5);
    assertThat(run("db", "check", "--data-dir", dir.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("PROBLEM: undo record of block 5 is missing")
        .contains("FAILED: 1 problem(s)");
  }

  /** Tampers with the database behind the store's back, as a disk fault or bad tool would. */
  private static void deleteUndoRecord(Path db, long height) throws Exception {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    try (Options options = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, db.toString())) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions();
        RocksDB rocks = RocksDB.open(options, db.toString(), descriptors, handles)) {
      for (int i = 0; i < descriptors.size(); i++) {
        if (new String(descriptors.get(i).getName(), StandardCharsets.US_ASCII).equals("undo")) {
          rocks.delete(handles.get(i), ByteBuffer.allocate(8).putLong(height).array());
        }
      }
      handles.forEach(ColumnFamilyHandle::close);
    }
  }

  @Test
  void missingDirectoryIsBadInput() {
    assertThat(run("db", "check", "--data-dir", dir.resolve("absent").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
  }

  @Test
  void directoryWithoutDatabaseIsBadInput() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    assertThat(run("db", "check", "--data-dir", dir.resolve("empty").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no chain database");
  }
}
