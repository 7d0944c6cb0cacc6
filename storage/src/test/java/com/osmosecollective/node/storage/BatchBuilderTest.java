package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBatch;

/** The hand-built batch is byte for byte the one RocksJava builds with one call per record. */
class BatchBuilderTest {
  static {
    RocksDB.loadLibrary();
  }

  @TempDir Path dir;

  @Test
  void sameBytesAsRocksJavaAcrossChunkEdgesMarksAndRollbacks() throws Exception {
    List<ColumnFamilyDescriptor> families = new ArrayList<>();
    families.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
    families.add(
        new ColumnFamilyDescriptor("one".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    families.add(
        new ColumnFamilyDescriptor("two".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options =
            new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        RocksDB db = RocksDB.open(options, dir.toString(), families, handles)) {
      Random random = new Random(3);
      for (int shift : new int[] {4, 5, 8, 20}) {
        BatchBuilder ours = new BatchBuilder(shift);
        try (WriteBatch reference = new WriteBatch()) {
          BatchBuilder.Mark mark = ours.mark();
          reference.setSavePoint();
          for (int op = 0; op < 2000; op++) {
            int family = random.nextInt(3);
            byte[] key = bytes(random, random.nextInt(40));
            // values up to a few chunks long, and lengths whose varint takes several bytes
            byte[] value =
                bytes(random, random.nextInt(10) == 0 ? random.nextInt(600) : random.nextInt(20));
            int action = random.nextInt(20);
            if (action < 14) {
              ours.put(handles.get(family).getID(), key, value);
              reference.put(handles.get(family), key, value);
            } else if (action < 18) {
              ours.delete(handles.get(family).getID(), key);
              reference.delete(handles.get(family), key);
            } else if (action == 18) {
              mark = ours.mark();
              reference.setSavePoint();
            } else {
              ours.rollback(mark);
              reference.rollbackToSavePoint();
              mark = ours.mark();
              reference.setSavePoint();
            }
          }
          assertThat(ours.count()).isEqualTo(reference.count());
          assertThat(ours.dataSize()).isEqualTo(reference.getDataSize());
          try (WriteBatch built = ours.toWriteBatch()) {
            assertThat(built.data())
                .as("chunks of %d bytes", 1 << shift)
                .isEqualTo(reference.data());
          }
        }
      }
      handles.forEach(ColumnFamilyHandle::close);
    }
  }

  @Test
  void aResetBuilderBuildsTheNextBatchFromScratch() throws Exception {
    Random random = new Random(5);
    BatchBuilder ours = new BatchBuilder(5);
    for (int batch = 0; batch < 3; batch++) {
      try (WriteBatch reference = new WriteBatch()) {
        ours.reset();
        for (int op = 0; op < 50 + 200 * (batch % 2); op++) {
          byte[] key = bytes(random, 1 + random.nextInt(30));
          byte[] value = bytes(random, random.nextInt(100));
          ours.put(0, key, value);
          reference.put(key, value);
        }
        assertThat(ours.count()).isEqualTo(reference.count());
        try (WriteBatch built = ours.toWriteBatch()) {
          assertThat(built.data()).as("batch %d", batch).isEqualTo(reference.data());
        }
      }
    }
  }

  private static byte[] bytes(Random random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }
}
