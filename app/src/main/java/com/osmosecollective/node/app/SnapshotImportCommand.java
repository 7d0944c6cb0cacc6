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
import com.osmosecollective.node.storage.StateHash;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.snapshot.SnapshotException;
import com.osmosecollective.node.storage.snapshot.SnapshotHeader;
import com.osmosecollective.node.storage.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osmose snapshot import}: checks a snapshot file from end to end, then applies every block
 * through the chain. A snapshot from height 1 is built in {@code <data-dir>/.snapshot-import} and
 * moved into place only when its last block is applied and the state hash matches, so a refused
 * file or block leaves the data dir as it was; an interrupted import continues from there.
 */
@Command(
    name = "import",
    description = {
      "Import a snapshot file into a data dir. The whole file is checked first (checksums,"
          + " heights, end marker): a truncated or altered file is refused and nothing is written."
          + " Then every block is applied through the chain's checks and state rules: block"
          + " signatures always, transaction signatures only with --verify-signatures or when the"
          + " snapshot carries no state hash (the state hash at the end must match, else the"
          + " import is undone).",
      "A snapshot from height 1 needs a data dir without a chain and is built aside, moved in"
          + " place when complete; run the same command again to continue an interrupted import."
          + " A snapshot from height H > 1 extends a data dir whose chain ends at H-1.",
      "Exit 0 done, 1 file or block refused, 2 bad input, 4 another network, 5 stopped by"
          + " --max-blocks (run again to continue)."
    })
final class SnapshotImportCommand implements Callable<Integer> {
  static final int EXIT_REFUSED = 1;
  static final int EXIT_INCOMPLETE = 5;
  static final String STAGING = ".snapshot-import";
  private static final String MARK = "snapshot.id";

  @Parameters(index = "0", paramLabel = "<snapshot>", description = "The snapshot file.")
  Path file;

  @Mixin ConfigOption config;

  /** The data dir to import into (required, from any source). */
  @Mixin DataDirOption dataDirOption;

  /** Must be the snapshot's; default: the network the snapshot names or carries. */
  @Mixin NetworkOption networkOption;

  private Path dataDir;
  private String network;

  @Option(
      names = "--verify-signatures",
      description = "Check every transaction signature again (slower).")
  boolean verifySignatures;

  @Option(
      names = "--max-blocks",
      paramLabel = "<n>",
      description = "Apply at most n blocks in this run (import in slices; run again to continue).")
  Long maxBlocks;

  @Option(
      names = "--progress-seconds",
      paramLabel = "<seconds>",
      defaultValue = "5",
      description = "Seconds between progress lines (default 5).")
  double progressSeconds;

  @Spec CommandSpec spec;

  private PrintWriter out;
  private PrintWriter err;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    SettingsSources sources = config.sources(dataDirOption, networkOption);
    Optional<Setting<Path>> target = sources.given(StorageSettings.DATA_DIR);
    network = sources.given(NetworkSettings.NETWORK).map(Setting::value).orElse(null);
    sources.requireValid();
    if (target.isEmpty()) {
      err.println("error: snapshot import needs --data-dir <dir> (or OSMOSE_DATA_DIR)");
      return CommandLines.EXIT_BAD_INPUT;
    }
    dataDir = target.get().value();
    if (maxBlocks != null && maxBlocks < 1) {
      err.println("error: --max-blocks must be at least 1");
      return CommandLines.EXIT_BAD_INPUT;
    }
    SnapshotHeader header;
    String snapshotId;
    try (SnapshotReader reader = SnapshotReader.open(file)) {
      header = reader.header();
      snapshotId = reader.headerChecksum();
    } catch (SnapshotException e) {
      return refused(e.getMessage());
    }
    Network net;
    try {
      net = network(header);
    } catch (NetworkConfigException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return CommandLines.EXIT_BAD_INPUT;
    }
    if (!net.nethash().equals(header.nethash())) {
      err.printf(
          "error: the snapshot is of network %s (nethash %s), not of %s (%s)%n",
          header.network(), header.nethash(), net.name(), net.nethash());
      return StoreOpenException.Reason.NETWORK_MISMATCH.exitCode();
    }
    boolean fresh = header.from() == 1;
    Path chainDir = StoreOptions.inDataDir(dataDir).directory();
    Path staging = dataDir.resolve(STAGING);
    if (fresh && Files.exists(chainDir.resolve("CURRENT"))) {
      err.println(
          "error: "
              + dataDir
              + " already holds a chain; import a snapshot from height 1 into a new data dir");
      return CommandLines.EXIT_BAD_INPUT;
    }
    if (!fresh && !Files.exists(chainDir.resolve("CURRENT"))) {
      err.printf(
          "error: the snapshot starts at height %d: %s must hold the chain up to height %d%n",
          header.from(), dataDir, header.from() - 1);
      return CommandLines.EXIT_BAD_INPUT;
    }
    if (fresh && Files.exists(staging.resolve(MARK))) {
      String mark = Files.readString(staging.resolve(MARK), StandardCharsets.US_ASCII).strip();
      if (!mark.equals(snapshotId)) {
        err.println(
            "error: "
                + staging
                + " holds an interrupted import of another snapshot; import that one again to"
                + " finish it, or delete the directory");
        return CommandLines.EXIT_BAD_INPUT;
      }
    }

    // 1. the whole file, before anything is written
    out.printf(
        "checking %s: %s blocks %d..%d%s%n",
        file,
        header.network(),
        header.from(),
        header.to(),
        header.hasStateHash() ? ", with state hash" : ", no state hash");
    out.flush();
    try (SnapshotReader reader = SnapshotReader.open(file)) {
      ReplayProgress check =
          new ReplayProgress(
              "check", header.to(), (long) (progressSeconds * 1e9), System::nanoTime);
      reader.verifyRest(height -> check.advance(height, 0));
    } catch (SnapshotException e) {
      return refused(e.getMessage());
    }

    // 2. apply, aside for a fresh chain
    boolean createdDataDir = !Files.exists(dataDir);
    Path work = fresh ? staging : dataDir;
    if (fresh) {
      Files.createDirectories(staging);
      Files.writeString(staging.resolve(MARK), snapshotId + "\n", StandardCharsets.US_ASCII);
    }
    ReplayVerification level =
        verifySignatures || !header.hasStateHash()
            ? ReplayVerification.FULL
            : ReplayVerification.TRUSTED_SOURCE;
    Outcome outcome;
    try {
      outcome = apply(net, header, work, level);
    } catch (RuntimeException | StoreOpenException | SnapshotException e) {
      outcome = Outcome.refused(e.getMessage());
    }
    if (outcome.refusal() != null) {
      if (fresh) {
        deleteTree(staging);
        if (createdDataDir) {
          deleteTree(dataDir);
        }
        return refused(outcome.refusal() + "; nothing was imported");
      }
      return refused(outcome.refusal() + "; the blocks before it stay in " + dataDir);
    }
    if (outcome.tip() < header.to()) {
      out.printf(
          "INCOMPLETE: stopped at height %d of %d; run the same command again to continue%n",
          outcome.tip(), header.to());
      return EXIT_INCOMPLETE;
    }

    // 3. the state must be the exporter's
    String state;
    try (ChainReader reader = ChainReader.open(StoreOptions.inDataDir(work), net.nethash())) {
      state = StateHash.of(reader.queries());
    }
    if (header.hasStateHash() && !state.equals(header.stateHash())) {
      String problem =
          "the imported chain's state hash "
              + state
              + " is not the snapshot's "
              + header.stateHash();
      if (fresh) {
        deleteTree(staging);
        if (createdDataDir) {
          deleteTree(dataDir);
        }
        return refused(problem + "; nothing was imported");
      }
      return refused(problem + " (the blocks stay in " + dataDir + ")");
    }
    if (fresh) {
      Files.move(staging.resolve("chain"), chainDir, StandardCopyOption.ATOMIC_MOVE);
      byte[] definition = header.networkDefinition().toArray();
      Path networkFile = dataDir.resolve("network.json");
      if (definition.length > 0 && !Files.exists(networkFile)) {
        Files.write(networkFile, definition);
      }
      deleteTree(staging);
    }
    out.printf(
        "OK: %s holds %s up to height %d; state hash %s%s%n",
        dataDir,
        net.name(),
        header.to(),
        state,
        header.hasStateHash() ? " (matches the snapshot)" : "");
    return 0;
  }

  private record Outcome(long tip, String refusal) {
    static Outcome refused(String why) {
      return new Outcome(-1, why);
    }
  }

  private Outcome apply(Network net, SnapshotHeader header, Path work, ReplayVerification level)
      throws StoreOpenException, SnapshotException, IOException {
    ExecutorService verification = NodeAssembly.verificationPool();
    try (ChainStore store =
            ChainStore.open(StoreOptions.inDataDir(work).forBulkLoad(), net.nethash());
        Chain chain =
            NodeAssembly.newChain(
                net, store, verification, new NetworkTime(net.epoch(), Clock.systemUTC()));
        SnapshotReader reader = SnapshotReader.open(file)) {
      chain.start();
      String genesis = store.queries().block(1).map(BlockData::id).orElse("");
      if (!genesis.equals(header.genesisId())) {
        return Outcome.refused(
            "the snapshot's chain starts with block "
                + header.genesisId()
                + ", the network's genesis is "
                + genesis);
      }
      long start = chain.snapshot().height();
      if (start < header.from() - 1) {
        return Outcome.refused(
            "the data dir's chain ends at height " + start + ", below the snapshot's start");
      }
      if (start >= header.from()) {
        String ours = chain.snapshot().lastBlock().id();
        String theirs = idAt(reader, net, start);
        if (!ours.equals(theirs)) {
          return Outcome.refused(
              "the data dir's block " + start + " is not the snapshot's: another chain");
        }
      } else if (header.from() > 1) {
        String ours = chain.snapshot().lastBlock().id();
        if (!ours.equals(header.previousId())) {
          return Outcome.refused(
              "the snapshot continues block "
                  + header.previousId()
                  + " but the data dir's block "
                  + start
                  + " is "
                  + ours);
        }
      }
      if (start >= header.to()) {
        return new Outcome(start, null);
      }
      long stop = maxBlocks == null ? header.to() : Math.min(header.to(), start + maxBlocks);
      ReplayProgress progress =
          new ReplayProgress(
              "import", header.to(), (long) (progressSeconds * 1e9), System::nanoTime);
      chain.addListener(progress);
      out.printf(
          "importing blocks %d..%d into %s (%s)%n",
          start + 1,
          stop,
          dataDir,
          level == ReplayVerification.FULL
              ? "every signature verified"
              : "transaction signatures trusted, block signatures verified, state hash checked");
      out.flush();
      ReplayResult result = chain.replay(blocks(reader, net, start + 1, stop), level);
      ReplayProgress.Summary summary = progress.summary();
      out.printf(
          "imported %d blocks (%d transactions) in %.1f s: %.0f blocks/s%n",
          summary.blocks(), summary.transactions(), summary.seconds(), summary.blocksPerSecond());
      if (!result.complete()) {
        return Outcome.refused(
            "block " + (result.tipHeight() + 1) + " was refused: " + result.outcome().reason());
      }
      return new Outcome(result.tipHeight(), null);
    } catch (UncheckedSnapshotException e) {
      throw e.getCause();
    } finally {
      verification.shutdown();
      try {
        verification.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Reads forward to {@code height} and returns that block's id. */
  private static String idAt(SnapshotReader reader, Network net, long height)
      throws SnapshotException {
    BlockCodec codec = new BlockCodec(net);
    for (SnapshotReader.Entry e = reader.next(); e != null; e = reader.next()) {
      if (e.height() == height) {
        return decode(codec, e).id();
      }
    }
    throw new SnapshotException("the snapshot has no block " + height);
  }

  /** Blocks {@code from..to} decoded from the reader as the chain consumes them. */
  private static Iterable<Block> blocks(SnapshotReader reader, Network net, long from, long to) {
    BlockCodec codec = new BlockCodec(net);
    return () ->
        new Iterator<>() {
          private SnapshotReader.Entry pending = advance();

          private SnapshotReader.Entry advance() {
            try {
              SnapshotReader.Entry e = reader.next();
              while (e != null && e.height() < from) {
                e = reader.next();
              }
              return e != null && e.height() <= to ? e : null;
            } catch (SnapshotException ex) {
              throw new UncheckedSnapshotException(ex);
            }
          }

          @Override
          public boolean hasNext() {
            return pending != null;
          }

          @Override
          public Block next() {
            if (pending == null) {
              throw new NoSuchElementException();
            }
            Block block = decode(codec, pending);
            pending = pending.height() < to ? advance() : null;
            return block;
          }
        };
  }

  private static Block decode(BlockCodec codec, SnapshotReader.Entry entry) {
    try {
      return codec.decode(entry.serialized());
    } catch (DecodeException e) {
      throw new IllegalStateException(
          "snapshot block " + entry.height() + " does not decode: " + e.getMessage(), e);
    }
  }

  /** Carries a file problem out of the block iterator the chain consumes. */
  private static final class UncheckedSnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedSnapshotException(SnapshotException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized SnapshotException getCause() {
      return (SnapshotException) super.getCause();
    }
  }

  private Network network(SnapshotHeader header) throws NetworkConfigException {
    NetworkLoader loader = new NetworkLoader();
    if (network != null) {
      return loader.load(network);
    }
    byte[] definition = header.networkDefinition().toArray();
    if (definition.length > 0) {
      try {
        return loader.fromJson(Json.mapper().readTree(definition), null);
      } catch (IOException e) {
        throw new NetworkConfigException(
            "the snapshot's network definition does not read: " + e.getMessage());
      }
    }
    if (!NetworkLoader.SHIPPED.contains(header.network())) {
      throw new NetworkConfigException(
          "the snapshot names network "
              + header.network()
              + ", which is not shipped: give --network");
    }
    return loader.load(header.network());
  }

  private int refused(String message) {
    err.println("error: snapshot refused: " + message);
    return EXIT_REFUSED;
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(SnapshotImportCommand::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
