package com.osmosecollective.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.storage.testing.RandomChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only view a replay copies from. */
class ChainReaderTest {
  static final String NETHASH = "6e84d08bd299ed97c212c886c98a57e36545c8f5d645ca7eeae63a8bd62d8988";

  @TempDir Path dir;

  private List<BlockData> writeChain(int blocks) throws Exception {
    RandomChain chain = new RandomChain(new RandomChain.Settings(7, 40, 5, 10, true));
    List<BlockData> written = new ArrayList<>();
    try (ChainStore store = ChainStore.open(StoreOptions.defaults(dir), NETHASH)) {
      for (int i = 0; i < blocks; i++) {
        BlockCommit commit = chain.next();
        written.add(commit.block());
        store.commitBulk(commit);
      }
    }
    return written;
  }

  @Test
  void streamsARangePageByPageInHeightOrder() throws Exception {
    List<BlockData> written = writeChain(30);
    try (ChainReader reader = ChainReader.open(StoreOptions.defaults(dir), NETHASH)) {
      assertThat(reader.tip().orElseThrow().height()).isEqualTo(30);
      List<BlockData> read = new ArrayList<>();
      // 7 does not divide the 27 blocks: the last page is partial
      reader.blocks(2, 28, 7).forEach(read::add);
      assertThat(read).extracting(BlockData::height).containsExactlyElementsOf(range(2, 28));
      for (BlockData block : read) {
        BlockData original = written.get((int) block.height() - 1);
        assertThat(block.id()).isEqualTo(original.id());
        assertThat(block.serialized()).isEqualTo(original.serialized());
      }
      assertThat(reader.blocks(5, 4, 3)).isEmpty();
    }
  }

  @Test
  void aRangeBeyondTheTipEndsWithAClearError() throws Exception {
    writeChain(10);
    try (ChainReader reader = ChainReader.open(StoreOptions.defaults(dir), NETHASH)) {
      var blocks = reader.blocks(8, 12, 4).iterator();
      assertThat(blocks.next().height()).isEqualTo(8);
      blocks.next();
      blocks.next();
      assertThatThrownBy(blocks::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("block 11 is missing from the database");
    }
  }

  @Test
  void refusesAnotherNetworkAndAMissingDatabaseWithoutCreatingOne() throws Exception {
    writeChain(3);
    assertThatThrownBy(() -> ChainReader.open(StoreOptions.defaults(dir), "00".repeat(32)))
        .isInstanceOf(StoreOpenException.class)
        .extracting(e -> ((StoreOpenException) e).reason())
        .isEqualTo(StoreOpenException.Reason.NETWORK_MISMATCH);
    Path absent = dir.resolveSibling(dir.getFileName() + "-absent");
    assertThatThrownBy(() -> ChainReader.open(StoreOptions.defaults(absent), NETHASH))
        .isInstanceOf(StoreOpenException.class)
        .extracting(e -> ((StoreOpenException) e).reason())
        .isEqualTo(StoreOpenException.Reason.MISSING);
    assertThat(Files.exists(absent)).isFalse();
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long h = from; h <= to; h++) {
      out.add(h);
    }
    return out;
  }
}
