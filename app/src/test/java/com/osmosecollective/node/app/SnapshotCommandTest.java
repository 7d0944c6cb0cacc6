package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainReader;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StateHash;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.snapshot.SnapshotHeader;
import com.osmosecollective.node.storage.snapshot.SnapshotReader;
import com.osmosecollective.node.storage.snapshot.SnapshotWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code osmose snapshot export} and {@code import} on a devnet chain of 320 blocks. */
class SnapshotCommandTest {
  private static final long TIP = 320;

  @TempDir static Path shared;
  static Path source;
  static Path snapshot;
  static Network network;
  static String sourceState;

  @TempDir Path dir;

  @BeforeAll
  static void forgeAndExport() throws Exception {
    source = shared.resolve("source");
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(source, 8);
    network = devnet.network();
    DevnetForging.forgeUntil(devnet, source, 1000, TIP, true, 0);
    sourceState = stateOf(source);
    snapshot = shared.resolve("chain.snap");
    CliRun export =
        CliRun.of(
            "snapshot", "export", "--data-dir", source.toString(), "--out", snapshot.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out())
        .contains("exported blocks 1.." + TIP)
        .contains("state hash at height " + TIP + ": " + sourceState);
  }

  private static String stateOf(Path dataDir) throws Exception {
    try (ChainReader reader =
        ChainReader.open(StoreOptions.inDataDir(dataDir), network.nethash())) {
      return StateHash.of(reader.queries());
    }
  }

  private static CliRun importInto(Path file, Path target, String... more) {
    String[] args =
        Stream.concat(
                Stream.of(
                    "snapshot",
                    "import",
                    file.toString(),
                    "--data-dir",
                    target.toString(),
                    "--progress-seconds",
                    "0"),
                Arrays.stream(more))
            .toArray(String[]::new);
    return CliRun.of(args);
  }

  /** Nothing imported: the data dir was not created (or is still empty). */
  private static void assertLeftEmpty(Path target) throws Exception {
    if (Files.exists(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        assertThat(entries).as("left in " + target).isEmpty();
      }
    }
  }

  @Test
  void anImportIntoAnEmptyDataDirHasTheExportersState() throws Exception {
    Path target = dir.resolve("imported");
    Logger log = (Logger) LoggerFactory.getLogger("osmose.replay");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    log.setLevel(ch.qos.logback.classic.Level.INFO); // the tests' logback config says WARN
    log.setAdditive(false); // captured, not printed
    log.addAppender(lines);
    CliRun run;
    try {
      run = importInto(snapshot, target);
    } finally {
      log.detachAppender(lines);
      log.setLevel(null);
      log.setAdditive(true);
    }
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("importing blocks 2..320")
        .contains("state hash checked")
        .contains("OK: " + target + " holds devnet up to height 320; state hash " + sourceState);
    assertThat(stateOf(target)).isEqualTo(sourceState);
    assertThat(DatabaseChecker.check(StoreOptions.inDataDir(target)).problems()).isEmpty();
    assertThat(target.resolve("network.json"))
        .hasSameBinaryContentAs(source.resolve("network.json"));
    assertThat(target.resolve(SnapshotImportCommand.STAGING)).doesNotExist();
    // progress: blocks, blocks/s and ETA, first while checking the file, then while importing
    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(l -> l.matches("check at height \\d+ of 320: \\d+ blocks/s, 0 tx/s, ETA .*"))
        .anyMatch(l -> l.matches("import at height \\d+ of 320: \\d+ blocks/s, \\d+ tx/s, ETA .*"));
  }

  @Test
  void aTruncatedFileIsRefusedAndNothingIsImported() throws Exception {
    byte[] whole = Files.readAllBytes(snapshot);
    Path cut = dir.resolve("cut.snap");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    Path target = dir.resolve("t");
    CliRun run = importInto(cut, target);
    assertThat(run.exitCode()).isEqualTo(SnapshotImportCommand.EXIT_REFUSED);
    assertThat(run.err()).contains("snapshot refused").contains("is truncated").hasLineCount(1);
    assertThat(target).doesNotExist();

    Path existing = Files.createDirectories(dir.resolve("existing"));
    assertThat(importInto(cut, existing).exitCode()).isEqualTo(SnapshotImportCommand.EXIT_REFUSED);
    assertLeftEmpty(existing);
  }

  @Test
  void aByteFlippedFileIsRefusedAndNothingIsImported() throws Exception {
    byte[] bytes = Files.readAllBytes(snapshot);
    bytes[bytes.length * 2 / 3] ^= 0x01;
    Path flipped = dir.resolve("flipped.snap");
    Files.write(flipped, bytes);
    Path target = dir.resolve("t");
    CliRun run = importInto(flipped, target);
    assertThat(run.exitCode()).isEqualTo(SnapshotImportCommand.EXIT_REFUSED);
    assertThat(run.err()).contains("snapshot refused").contains("is damaged");
    assertLeftEmpty(target);
  }

  @Test
  void anInterruptedImportContinuesWhereItStopped() throws Exception {
    Path target = dir.resolve("sliced");
    CliRun first = importInto(snapshot, target, "--max-blocks", "100");
    assertThat(first.exitCode()).as(first.err()).isEqualTo(SnapshotImportCommand.EXIT_INCOMPLETE);
    assertThat(first.out()).contains("INCOMPLETE: stopped at height 101 of 320");
    // the partial chain is aside: the data dir holds no chain a node could start on
    assertThat(StoreOptions.inDataDir(target).directory()).doesNotExist();
    assertThat(target.resolve(SnapshotImportCommand.STAGING)).isDirectory();

    CliRun second = importInto(snapshot, target);
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("importing blocks 102..320");
    assertThat(stateOf(target)).isEqualTo(sourceState);
  }

  @Test
  void aSnapshotFromHeightHExtendsAChainEndingAtHMinusOne() throws Exception {
    Path first = dir.resolve("first.snap");
    CliRun head =
        CliRun.of(
            "snapshot",
            "export",
            "--data-dir",
            source.toString(),
            "--out",
            first.toString(),
            "--to",
            "200");
    assertThat(head.exitCode()).as(head.err()).isZero();
    assertThat(head.out()).contains("no state hash");
    Path rest = dir.resolve("rest.snap");
    CliRun tail =
        CliRun.of(
            "snapshot",
            "export",
            "--data-dir",
            source.toString(),
            "--out",
            rest.toString(),
            "--from",
            "201");
    assertThat(tail.exitCode()).as(tail.err()).isZero();

    Path target = dir.resolve("two-steps");
    CliRun refusedFirst = importInto(rest, target);
    assertThat(refusedFirst.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(refusedFirst.err()).contains("must hold the chain up to height 200");

    CliRun a = importInto(first, target);
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(a.out()).contains("every signature verified"); // no state hash to compare
    String at200 = stateOf(target);

    // the whole file is checked before a block is applied: a truncated extension adds nothing
    byte[] restBytes = Files.readAllBytes(rest);
    Path cut = dir.resolve("rest-cut.snap");
    Files.write(cut, Arrays.copyOf(restBytes, restBytes.length - 100));
    CliRun truncated = importInto(cut, target);
    assertThat(truncated.exitCode()).isEqualTo(SnapshotImportCommand.EXIT_REFUSED);
    assertThat(stateOf(target)).isEqualTo(at200);
    CliRun b = importInto(rest, target);
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(b.out()).contains("importing blocks 201..320");
    assertThat(stateOf(target)).isEqualTo(sourceState);

    CliRun again = importInto(snapshot, target);
    assertThat(again.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(again.err()).contains("already holds a chain");
  }

  /** A file whose checksums are right but whose state hash is not the blocks' is undone. */
  @Test
  void aStateHashThatTheBlocksDoNotReachUndoesTheImport() throws Exception {
    Path forged =
        rewrite(
            dir.resolve("other-state.snap"),
            (header, block) -> block,
            header ->
                new SnapshotHeader(
                    header.network(),
                    header.nethash(),
                    header.genesisId(),
                    header.from(),
                    header.to(),
                    header.previousId(),
                    "00".repeat(32),
                    header.networkDefinition()));
    Path target = dir.resolve("t");
    CliRun run = importInto(forged, target);
    assertThat(run.exitCode()).isEqualTo(SnapshotImportCommand.EXIT_REFUSED);
    assertThat(run.err()).contains("state hash").contains("nothing was imported");
    assertLeftEmpty(target);
  }

  /**
   * Checksums prove only that the file is what its writer wrote: a block altered before the
   * checksums were computed is refused by the chain (its id and signature), and the import undone.
   */
  @Test
  void anAlteredBlockWithFreshChecksumsIsRefusedByTheChain() throws Exception {
    Path forged =
        rewrite(
            dir.resolve("altered.snap"),
            (height, block) -> {
              if (height == 150) {
                block[block.length - 1] ^= 0x01; // inside the block signature
              }
              return block;
            },
            header -> header);
    Path target = dir.resolve("t");
    CliRun run = importInto(forged, target);
    assertThat(run.exitCode()).isEqualTo(SnapshotImportCommand.EXIT_REFUSED);
    assertThat(run.err()).contains("150").contains("nothing was imported");
    assertLeftEmpty(target);
  }

  @Test
  void anotherNetworkOrAMissingFileIsBadInput() throws Exception {
    CliRun other = importInto(snapshot, dir.resolve("t"), "--network", "testnet");
    assertThat(other.exitCode()).isEqualTo(4);
    assertThat(other.err()).contains("the snapshot is of network devnet");
    CliRun missing = importInto(dir.resolve("none.snap"), dir.resolve("t"));
    assertThat(missing.exitCode()).isEqualTo(SnapshotImportCommand.EXIT_REFUSED);
    assertThat(missing.err()).contains("no such snapshot file");
    assertLeftEmpty(dir.resolve("t"));
    CliRun exists =
        CliRun.of(
            "snapshot", "export", "--data-dir", source.toString(), "--out", snapshot.toString());
    assertThat(exists.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(exists.err()).contains("already exists");
  }

  /** The test snapshot rewritten block by block and with another header, checksums recomputed. */
  private static Path rewrite(
      Path out,
      BiFunction<Long, byte[], byte[]> block,
      java.util.function.UnaryOperator<SnapshotHeader> header)
      throws Exception {
    try (SnapshotReader reader = SnapshotReader.open(snapshot);
        SnapshotWriter writer = SnapshotWriter.create(out, header.apply(reader.header()))) {
      for (SnapshotReader.Entry e = reader.next(); e != null; e = reader.next()) {
        writer.write(e.height(), block.apply(e.height(), e.serialized()));
      }
      writer.finish();
    }
    return out;
  }

  @Test
  void theSourceIsReadOnly() throws Exception {
    try (ChainReader reader = ChainReader.open(StoreOptions.inDataDir(source), network.nethash())) {
      assertThat(reader.tip().orElseThrow().height()).isEqualTo(TIP);
      assertThat(reader.queries().block(TIP).map(BlockData::height)).contains(TIP);
    }
    assertThat(stateOf(source)).isEqualTo(sourceState);
  }
}
