package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.config.settings.NetworkSettings;
import com.osmosecollective.node.config.settings.Setting;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.config.settings.StorageSettings;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainReader;
import com.osmosecollective.node.storage.ChainTip;
import com.osmosecollective.node.storage.StateHash;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import com.osmosecollective.node.storage.snapshot.SnapshotHeader;
import com.osmosecollective.node.storage.snapshot.SnapshotWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osmose snapshot export}: a data dir's blocks into one compressed, checksummed file. */
@Command(
    name = "export",
    description = {
      "Write the blocks --from..--to of a data dir (opened read-only; the node may run) into a"
          + " compressed snapshot file with checksums. A snapshot that ends at the tip also"
          + " carries the state hash that an import must reproduce.",
      "The file is written as <out>.partial and renamed when complete."
    })
final class SnapshotExportCommand implements Callable<Integer> {
  private static final int PAGE_BLOCKS = 64;

  @Mixin ConfigOption config;

  /** The data dir whose chain is exported (required, from any source). */
  @Mixin DataDirOption dataDirOption;

  /** Default: {@code <data-dir>/network.json} when present, else mainnet. */
  @Mixin NetworkOption networkOption;

  private Path dataDir;
  private String network;

  @Option(names = "--out", required = true, paramLabel = "<file>", description = "Snapshot file.")
  Path out;

  @Option(names = "--from", paramLabel = "<height>", description = "First height (default 1).")
  long from = 1;

  @Option(names = "--to", paramLabel = "<height>", description = "Last height (default: the tip).")
  Long to;

  @Option(
      names = "--progress-seconds",
      paramLabel = "<seconds>",
      defaultValue = "5",
      description = "Seconds between progress lines (default 5).")
  double progressSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SettingsSources sources = config.sources(dataDirOption, networkOption);
    Optional<Setting<Path>> source = sources.given(StorageSettings.DATA_DIR);
    network = sources.given(NetworkSettings.NETWORK).map(Setting::value).orElse(null);
    sources.requireValid();
    if (source.isEmpty()) {
      err.println("error: snapshot export needs --data-dir <dir> (or OSMOSE_DATA_DIR)");
      return CommandLines.EXIT_BAD_INPUT;
    }
    dataDir = source.get().value();
    if (!Files.isDirectory(dataDir)) {
      err.println("error: data directory " + dataDir + " does not exist");
      return CommandLines.EXIT_BAD_INPUT;
    }
    if (Files.exists(out)) {
      err.println("error: " + out + " already exists; give another --out or remove it");
      return CommandLines.EXIT_BAD_INPUT;
    }
    if (from < 1) {
      err.println("error: --from must be at least 1");
      return CommandLines.EXIT_BAD_INPUT;
    }
    ExportedNetwork chosen = chooseNetwork();
    Network net = chosen.network();
    try (ChainReader reader = ChainReader.open(StoreOptions.inDataDir(dataDir), net.nethash())) {
      ChainTip tip = reader.tip().orElse(null);
      if (tip == null) {
        err.println("error: " + dataDir + " holds no blocks");
        return CommandLines.EXIT_BAD_INPUT;
      }
      long last = to == null ? tip.height() : to;
      if (last > tip.height() || last < from) {
        err.printf(
            "error: the data dir holds heights 1..%d; --from %d --to %d is not within them%n",
            tip.height(), from, last);
        return CommandLines.EXIT_BAD_INPUT;
      }
      String previous =
          from == 1 ? "" : reader.queries().block(from - 1).map(BlockData::id).orElseThrow();
      String genesis = reader.queries().block(1).map(BlockData::id).orElseThrow();
      String stateHash = last == tip.height() ? StateHash.of(reader.queries()) : "";
      SnapshotHeader header =
          new SnapshotHeader(
              net.name(), net.nethash(), genesis, from, last, previous, stateHash, chosen.file());
      Path partial = out.resolveSibling(out.getFileName() + ".partial");
      Files.deleteIfExists(partial);
      ReplayProgress progress =
          new ReplayProgress("export", last, (long) (progressSeconds * 1e9), System::nanoTime);
      try (SnapshotWriter writer = SnapshotWriter.create(partial, header)) {
        for (BlockData block : reader.blocks(from, last, PAGE_BLOCKS)) {
          writer.write(block.height(), block.serialized());
          progress.advance(block.height(), block.transactionCount());
        }
        writer.finish();
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
      ReplayProgress.Summary summary = progress.summary();
      stdout.printf(
          "exported blocks %d..%d of %s (%d transactions) to %s: %,d bytes in %.1f s%n",
          from, last, net.name(), summary.transactions(), out, Files.size(out), summary.seconds());
      stdout.println(
          stateHash.isEmpty()
              ? "no state hash: the snapshot ends below the tip (" + tip.height() + ")"
              : "state hash at height " + last + ": " + stateHash);
      return 0;
    } catch (StoreOpenException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    }
  }

  /** The network and, when it is defined by a file, that file's bytes to carry in the header. */
  private record ExportedNetwork(Network network, Bytes file) {}

  private ExportedNetwork chooseNetwork() throws NetworkConfigException, IOException {
    NetworkLoader loader = new NetworkLoader();
    if (network != null && NetworkLoader.SHIPPED.contains(network)) {
      return new ExportedNetwork(loader.load(network), Bytes.EMPTY);
    }
    Path file = network != null ? Path.of(network) : dataDir.resolve("network.json");
    if (network == null && !Files.isRegularFile(file)) {
      return new ExportedNetwork(loader.load("mainnet"), Bytes.EMPTY);
    }
    Network loaded = loader.load(file.toString());
    return new ExportedNetwork(loaded, Bytes.of(Files.readAllBytes(file)));
  }
}
