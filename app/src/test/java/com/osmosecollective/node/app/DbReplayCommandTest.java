package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.storage.ChainReader;
import com.osmosecollective.node.storage.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code osmose db replay} as a user runs it, on a devnet chain forged for the test. */
class DbReplayCommandTest {
  private static final int BLOCKTIME = 8;
  private static final long TIP = 60;

  @TempDir Path dir;
  Path source;
  Network network;
  List<String> funded = new ArrayList<>();

  /** The nonce of the last transfer the test signed: the sender's nonce at the tip. */
  long lastNonce;

  DevnetNetworkFile.Devnet devnet;

  @BeforeEach
  void forgeSourceChain() throws Exception {
    source = dir.resolve("source");
    devnet = new DevnetNetworkFile().createOrLoad(source, BLOCKTIME);
    network = devnet.network();
    for (GenesisAccount account : devnet.plan().funded()) {
      funded.add(account.address(network.pubKeyHash()));
    }
    lastNonce = forgeUntil(source, 1000, TIP, true);
  }

  /**
   * Forges on the chain of {@code dataDir} from slot {@code firstSlot} until {@code height}; with
   * {@code transfers}, transfers to the other funded wallets in every third slot (across a round
   * end at 51). Returns the sender's last nonce.
   */
  private long forgeUntil(Path dataDir, long firstSlot, long height, boolean transfers)
      throws Exception {
    return DevnetForging.forgeUntil(devnet, dataDir, firstSlot, height, transfers, 0);
  }

  @Test
  void replaysTheWholeChainIntoANewDataDirWithoutTouchingTheSource() throws Exception {
    Map<String, byte[]> sourceFiles = chainFiles(source);
    Path target = dir.resolve("copy");
    ListAppender<ILoggingEvent> log = captureReplayLog();

    CliRun run = replay(source, target, "--progress-seconds", "0");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out())
        .contains("transaction signatures trusted")
        .contains("replayed 59 blocks")
        .contains("OK: " + target + " holds the chain up to height 60");
    assertThat(log.list).isNotEmpty();
    assertThat(log.list.get(log.list.size() - 1).getFormattedMessage())
        .matches("replay at height 60 of 60: \\d+ blocks/s, \\d+ tx/s, ETA 0:00");
    assertSameChain(target, TIP);
    assertThat(target.resolve("network.json"))
        .hasSameBinaryContentAs(source.resolve("network.json"));
    assertThat(CliRun.of("db", "check", "--data-dir", target.toString()).exitCode()).isEqualTo(0);
    Map<String, byte[]> after = chainFiles(source);
    assertThat(after.keySet()).isEqualTo(sourceFiles.keySet());
    after.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(sourceFiles.get(name)));
  }

  @Test
  void replaysUpToAHeightWithEverySignatureVerified() throws Exception {
    Path target = dir.resolve("copy");
    CliRun run = replay(source, target, "--verify-signatures", "--to-height", "40");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out()).contains("every signature verified").contains("up to height 40");
    assertSameChain(target, 40);
    assertThat(CliRun.of("db", "check", "--data-dir", target.toString()).exitCode()).isEqualTo(0);
  }

  @Test
  void refusesADataDirThatHoldsAChainTheSourceItselfAndAMissingSource() throws Exception {
    CliRun occupied = replay(source, source);
    assertThat(occupied.exitCode()).isEqualTo(2);
    assertThat(occupied.err()).contains("another directory than --source").hasLineCount(1);

    Path target = dir.resolve("copy");
    assertThat(replay(source, target).exitCode()).isEqualTo(0);
    CliRun again = replay(source, target);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds a chain database").hasLineCount(1);

    CliRun missing = replay(dir.resolve("absent"), dir.resolve("other"));
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist").hasLineCount(1);
  }

  @Test
  void resumesAnInterruptedReplayAndRefusesToResumeAnotherChain() throws Exception {
    Path target = dir.resolve("copy");
    assertThat(replay(source, target, "--to-height", "30").exitCode()).isEqualTo(0);

    CliRun resumed = replay(source, target, "--resume");
    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(0);
    assertThat(resumed.out()).contains("replaying blocks 31..60").contains("replayed 30 blocks");
    assertSameChain(target, TIP);
    assertThat(CliRun.of("db", "check", "--data-dir", target.toString()).exitCode()).isEqualTo(0);

    CliRun nothingLeft = replay(source, target, "--resume");
    assertThat(nothingLeft.exitCode()).isEqualTo(0);
    assertThat(nothingLeft.out()).contains("already holds the chain up to height 60");

    // the source replayed only to 20 cannot continue a target that is ahead of it
    Path shortSource = dir.resolve("short");
    assertThat(replay(source, shortSource, "--to-height", "20").exitCode()).isEqualTo(0);
    Files.copy(
        source.resolve("network.json"),
        shortSource.resolve("network.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CliRun ahead = replay(shortSource, target, "--resume");
    assertThat(ahead.exitCode()).isEqualTo(2);
    assertThat(ahead.err()).contains("longer than the source's").hasLineCount(1);

    // a chain that left the source's after height 20 is not an interrupted replay of it
    Path forked = dir.resolve("forked");
    assertThat(replay(source, forked, "--to-height", "20").exitCode()).isEqualTo(0);
    forgeUntil(forked, 5000, 35, false);
    CliRun diverged = replay(source, forked, "--resume");
    assertThat(diverged.exitCode()).isEqualTo(2);
    assertThat(diverged.err()).contains("block 35").contains("is not the source's").hasLineCount(1);
  }

  @Test
  void refusesASourceOfAnotherNetwork() throws Exception {
    // the same devnet with another premine: another genesis block, another nethash
    var root = new DevnetNetworkFile().shippedTemplate();
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("network"))
        .put("premine", "2000000000000000000");
    DevnetNetworkFile.withGenesis(root);
    Path otherFile = dir.resolve("other.json");
    new com.fasterxml.jackson.databind.ObjectMapper().writeValue(otherFile.toFile(), root);
    assertThat(new com.osmosecollective.node.config.NetworkLoader().loadFile(otherFile).nethash())
        .isNotEqualTo(network.nethash());
    CliRun run = replay(source, dir.resolve("copy"), "--network-file", otherFile.toString());
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("belongs to the network").hasLineCount(1);
    assertThat(dir.resolve("copy").resolve("chain")).doesNotExist();
  }

  /** {@code osmose db replay --source from --data-dir target} and {@code more} arguments. */
  private static CliRun replay(Path from, Path target, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("db", "replay", "--source", from.toString(), "--data-dir", target.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /**
   * Every block id 1..height equal to the source's; replayed to the source's tip, also the funded
   * wallets (the sender's nonce shows the transfers were applied) and the last generator.
   */
  private void assertSameChain(Path target, long height) throws Exception {
    try (ChainReader a = ChainReader.open(StoreOptions.inDataDir(source), network.nethash());
        ChainReader b = ChainReader.open(StoreOptions.inDataDir(target), network.nethash())) {
      assertThat(b.tip().orElseThrow().height()).isEqualTo(height);
      for (long h = 1; h <= height; h++) {
        assertThat(b.queries().block(h).orElseThrow().id())
            .as("block %d", h)
            .isEqualTo(a.queries().block(h).orElseThrow().id());
      }
      if (height == TIP) {
        for (String address : funded) {
          assertThat(b.queries().wallet(address))
              .as(address)
              .isEqualTo(a.queries().wallet(address));
        }
        assertThat(b.queries().wallet(funded.get(0)).orElseThrow().nonce()).isEqualTo(lastNonce);
        String generator = a.queries().block(height).orElseThrow().generatorPublicKey();
        assertThat(b.queries().walletByPublicKey(generator))
            .isEqualTo(a.queries().walletByPublicKey(generator));
      }
    }
  }

  private static Map<String, byte[]> chainFiles(Path dataDir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(StoreOptions.inDataDir(dataDir).directory())) {
      for (Path p : all.toList()) {
        String name = p.getFileName().toString();
        // RocksDB's own info log is rotated by any open; it is not chain data
        if (!name.startsWith("LOG")) {
          files.put(name, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  private ListAppender<ILoggingEvent> captureReplayLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Logger logger = (Logger) LoggerFactory.getLogger("osmose.replay");
    logger.setLevel(ch.qos.logback.classic.Level.INFO); // the tests' logback config says WARN
    logger.setAdditive(false); // captured, not printed
    logger.addAppender(appender);
    captured = appender;
    return appender;
  }

  private ListAppender<ILoggingEvent> captured;

  @AfterEach
  void releaseReplayLog() {
    if (captured != null) {
      Logger logger = (Logger) LoggerFactory.getLogger("osmose.replay");
      logger.detachAppender(captured);
      logger.setLevel(null);
      logger.setAdditive(true);
    }
  }
}
