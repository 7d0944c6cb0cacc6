package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.config.settings.NetworkSettings;
import com.osmosecollective.node.config.settings.Setting;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.config.settings.StorageSettings;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.chain.ReplayResult;
import com.osmosecollective.node.consensus.chain.ReplayVerification;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainReader;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.ChainTip;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code osmose db replay}: rebuilds a chain database in a new data dir by replaying the blocks of
 * another one (a stopped node's, a copy or a snapshot), never writing to the source.
 */
@Command(
    name = "replay",
    description =
        "Rebuild a chain database in a new data dir from the blocks of another one: the network's"
            + " genesis block is applied, then blocks 2..tip (or --to-height) are read from the"
            + " source and replayed through the chain's checks and state rules. Transaction"
            + " signatures are not checked again unless --verify-signatures (the source verified"
            + " them when it accepted the blocks; block signatures, payload hashes and every state"
            + " rule are always checked). The source is opened read-only. Exit 0 done, 1 a block"
            + " was refused (the blocks before it stay), 2 bad input, 3 other schema version, 4"
            + " another network. An interrupted replay continues with --resume. The network is"
            + " --network (or OSMOSE_NETWORK, or the settings file's), else the source's"
            + " network.json, else mainnet.")
final class DbReplayCommand implements Callable<Integer> {
  /** Blocks read from the source at a time: bounds the memory whatever the chain's length. */
  private static final int PAGE_BLOCKS = 64;

  @ArgGroup(validate = false, heading = "Source%n")
  SourceOptions source = new SourceOptions();

  @Mixin ConfigOption config;

  @ArgGroup(validate = false, heading = "Network%n")
  NetworkOption network = new NetworkOption();

  @Option(
      names = "--network-file",
      paramLabel = "<file>",
      description = "Network file (instead of --network).")
  Path networkFile;

  @ArgGroup(validate = false, heading = "Storage%n")
  DataDirOption storage = new DataDirOption();

  @ArgGroup(validate = false, heading = "Replay%n")
  ReplayOptions replay = new ReplayOptions();

  @Spec CommandSpec spec;

  /** Whether the network came from the source's own network file (a devnet's data dir). */
  private boolean networkFromSource;

  static final class SourceOptions {
    @Option(
        names = "--source",
        paramLabel = "<data-dir>",
        defaultValue = "${env:OSMOSE_REPLAY_SOURCE}",
        description =
            "Data directory holding the chain to replay (its <data-dir>/chain is opened"
                + " read-only). Env: OSMOSE_REPLAY_SOURCE.")
    Path dataDir;
  }

  static final class ReplayOptions {
    @Option(
        names = "--verify-signatures",
        defaultValue = "${env:OSMOSE_REPLAY_VERIFY_SIGNATURES:-false}",
        description =
            "Check every transaction signature again (slower; for a source you do not trust to"
                + " have verified them). Env: OSMOSE_REPLAY_VERIFY_SIGNATURES.")
    boolean verifySignatures;

    @Option(
        names = "--resume",
        description =
            "Continue an interrupted replay: --data-dir already holds the first blocks of the"
                + " source's chain; replay the rest.")
    boolean resume;

    @Option(
        names = "--to-height",
        paramLabel = "<height>",
        description = "Stop after this height (default: the source's tip).")
    Long toHeight;

    @Option(
        names = "--progress-seconds",
        paramLabel = "<seconds>",
        defaultValue = "${env:OSMOSE_REPLAY_PROGRESS_SECONDS:-5}",
        description =
            "Seconds between progress lines (default 5). Env:" + " OSMOSE_REPLAY_PROGRESS_SECONDS.")
    double progressSeconds;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    SettingsSources sources = config.sources(network, storage);
    Optional<Setting<String>> networkChoice = sources.given(NetworkSettings.NETWORK);
    Optional<Setting<Path>> target = sources.given(StorageSettings.DATA_DIR);
    sources.requireValid();
    Path from = source.dataDir;
    Path into = target.map(Setting::value).orElse(null);
    if (from == null || into == null) {
      err.println("error: db replay needs --source <data-dir> and --data-dir <new data-dir>");
      return CommandLines.EXIT_BAD_INPUT;
    }
    if (!Files.isDirectory(from)) {
      err.println("error: source data directory " + from + " does not exist");
      return CommandLines.EXIT_BAD_INPUT;
    }
    if (Files.exists(into) && Files.isSameFile(from, into)) {
      err.println("error: --data-dir must be another directory than --source");
      return CommandLines.EXIT_BAD_INPUT;
    }
    Path targetDatabase = StoreOptions.inDataDir(into).directory();
    if (Files.exists(targetDatabase.resolve("CURRENT")) && !replay.resume) {
      err.println(
          "error: "
              + into
              + " already holds a chain database; replay into a new data directory, or add"
              + " --resume to continue an interrupted replay");
      return CommandLines.EXIT_BAD_INPUT;
    }
    if (replay.toHeight != null && replay.toHeight < 1) {
      err.println("error: --to-height must be at least 1");
      return CommandLines.EXIT_BAD_INPUT;
    }
    Network network;
    try {
      network = loadNetwork(from, networkChoice.map(Setting::value).orElse(null));
    } catch (NetworkConfigException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return CommandLines.EXIT_BAD_INPUT;
    }
    if (!network.hasGenesisBlock()) {
      err.println("error: network " + network.name() + " has no genesis block");
      return CommandLines.EXIT_BAD_INPUT;
    }
    try (ChainReader reader = ChainReader.open(StoreOptions.inDataDir(from), network.nethash())) {
      return replayFrom(reader, network, from, into);
    } catch (StoreOpenException e) {
      err.println("error: source: " + e.getMessage());
      return e.exitCode();
    }
  }

  private Network loadNetwork(Path from, String chosen) throws NetworkConfigException {
    NetworkLoader loader = new NetworkLoader();
    if (networkFile != null) {
      if (network.network != null) {
        throw new IllegalArgumentException("give either --network or --network-file, not both");
      }
      return loader.loadFile(networkFile);
    }
    if (chosen != null) {
      return loader.load(chosen);
    }
    Path sourceFile = from.resolve("network.json");
    if (Files.isRegularFile(sourceFile)) {
      networkFromSource = true;
      return loader.loadFile(sourceFile);
    }
    return loader.load("mainnet");
  }

  private int replayFrom(ChainReader reader, Network network, Path from, Path into)
      throws IOException, StoreOpenException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ChainTip sourceTip = reader.tip().orElse(null);
    if (sourceTip == null) {
      err.println("error: the source database holds no blocks");
      return CommandLines.EXIT_BAD_INPUT;
    }
    long to =
        replay.toHeight == null
            ? sourceTip.height()
            : Math.min(replay.toHeight, sourceTip.height());
    ReplayVerification level =
        replay.verifySignatures ? ReplayVerification.FULL : ReplayVerification.TRUSTED_SOURCE;
    Files.createDirectories(into);
    if (networkFromSource) {
      copyNetworkFile(from, into);
    }
    ExecutorService verification = NodeAssembly.verificationPool();
    try (ChainStore store =
            ChainStore.open(StoreOptions.inDataDir(into).forBulkLoad(), network.nethash());
        Chain chain =
            NodeAssembly.newChain(
                network,
                store,
                verification,
                new NetworkTime(network.epoch(), Clock.systemUTC()))) {
      chain.start();
      String genesis = reader.queries().block(1).map(BlockData::id).orElse(null);
      String ourGenesis = store.queries().block(1).map(BlockData::id).orElse(null);
      if (!Objects.equals(genesis, ourGenesis)) {
        err.println(
            "error: the source's genesis block " + genesis + " is not the network's " + ourGenesis);
        return StoreOpenException.Reason.NETWORK_MISMATCH.exitCode();
      }
      long start = chain.snapshot().height();
      String resumeProblem = resumeProblem(reader, chain);
      if (resumeProblem != null) {
        err.println("error: " + resumeProblem);
        return CommandLines.EXIT_BAD_INPUT;
      }
      if (start >= to) {
        out.println("OK: " + into + " already holds the chain up to height " + start);
        return 0;
      }
      ReplayProgress progress =
          new ReplayProgress(to, (long) (replay.progressSeconds * 1e9), System::nanoTime);
      chain.addListener(progress);
      out.printf(
          "replaying blocks %d..%d of %s into %s (%s)%n",
          start + 1,
          to,
          from,
          into,
          level == ReplayVerification.FULL
              ? "every signature verified"
              : "transaction signatures trusted, block signatures verified");
      out.flush();
      // SIGTERM/SIGINT: no more blocks are fed; those in flight are applied and made durable
      AtomicBoolean stopRequested = new AtomicBoolean();
      Signals.install(() -> stopRequested.set(true));
      ReplayResult result =
          chain.replay(decoded(reader, network, start + 1, to, stopRequested), level);
      ReplayProgress.Summary summary = progress.summary();
      out.printf(
          "replayed %d blocks (%d transactions) in %.1f s: %.0f blocks/s, %.0f tx/s; tip %d %s%n",
          summary.blocks(),
          summary.transactions(),
          summary.seconds(),
          summary.blocksPerSecond(),
          summary.transactionsPerSecond(),
          result.tipHeight(),
          chain.snapshot().lastBlock().id());
      if (stopRequested.get() && result.complete() && result.tipHeight() < to) {
        out.printf(
            "STOPPED by a signal at height %d: run the same command with --resume to continue%n",
            result.tipHeight());
        return 0;
      }
      if (!result.complete()) {
        out.printf(
            "STOPPED: block %d was refused: %s%n",
            result.tipHeight() + 1, result.outcome().reason());
        return 1;
      }
      out.println("OK: " + into + " holds the chain up to height " + result.tipHeight());
      return 0;
    } finally {
      verification.shutdown();
      try {
        verification.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A devnet's data dir carries its network file: the new one needs it too to be started. */
  private static void copyNetworkFile(Path from, Path into) throws IOException {
    Path file = from.resolve("network.json");
    if (Files.isRegularFile(file) && !Files.exists(into.resolve("network.json"))) {
      Files.copy(file, into.resolve("network.json"), StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /**
   * Why the chain already in the target cannot be continued from the source (null when it can): a
   * resumed target must hold a prefix of the source's chain, checked at its tip.
   */
  private static String resumeProblem(ChainReader reader, Chain chain) {
    long height = chain.snapshot().height();
    String ours = chain.snapshot().lastBlock().id();
    String theirs = reader.queries().block(height).map(BlockData::id).orElse(null);
    if (theirs == null) {
      return "the data directory's chain (height "
          + height
          + ") is longer than the source's; nothing to resume";
    }
    if (!theirs.equals(ours)) {
      return "the data directory's block "
          + height
          + " ("
          + ours
          + ") is not the source's ("
          + theirs
          + "): not an interrupted replay of this source";
    }
    return null;
  }

  /** Blocks from..to decoded from the source as the replay consumes them, until {@code stop}. */
  private static Iterable<Block> decoded(
      ChainReader reader, Network network, long from, long to, AtomicBoolean stop) {
    BlockCodec codec = new BlockCodec(network);
    Iterable<BlockData> stored = reader.blocks(from, to, PAGE_BLOCKS);
    return () ->
        new Iterator<>() {
          private final Iterator<BlockData> it = stored.iterator();

          @Override
          public boolean hasNext() {
            return !stop.get() && it.hasNext();
          }

          @Override
          public Block next() {
            BlockData data = it.next();
            try {
              return codec.decode(data.serialized());
            } catch (DecodeException e) {
              throw new IllegalStateException(
                  "source block " + data.height() + " does not decode: " + e.getMessage(), e);
            }
          }
        };
  }
}
