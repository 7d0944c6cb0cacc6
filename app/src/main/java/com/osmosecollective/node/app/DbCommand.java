package com.osmosecollective.node.app;

import com.osmosecollective.node.config.settings.NetworkSettings;
import com.osmosecollective.node.config.settings.Setting;
import com.osmosecollective.node.config.settings.SettingsException;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.config.settings.StorageSettings;
import com.osmosecollective.node.storage.CheckReport;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osmose db}: tools for a stopped node's chain database. */
@Command(
    name = "db",
    description = "Chain database tools (run them on a stopped node).",
    subcommands = {DbCommand.Check.class, DbReplayCommand.class})
final class DbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code osmose db check}: verifies the database invariants; exit 1 when any is broken. */
  @Command(
      name = "check",
      description =
          "Verify a stopped node's chain database: blocks chained up to the tip, every transaction"
              + " indexed and every index entry valid, balances equal to genesis supply plus"
              + " rewards, undo records for the kept range. Exit 0 ok, 1 problems found, 2 bad"
              + " input, 3 other schema version.")
  static final class Check implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Mixin DataDirOption dataDir;

    @Mixin NetworkOption network;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws SettingsException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SettingsSources sources = config.sources(dataDir, network);
      // the network names the default data dir only: the check reads a database of any network
      Optional<Setting<Path>> given = sources.given(StorageSettings.DATA_DIR);
      Path dir =
          given.isPresent()
              ? given.get().value()
              : sources
                  .environment()
                  .defaultDataDir(NetworkSettings.resolve(sources, NetworkSettings.DEFAULT).name());
      sources.requireValid();
      if (!Files.isDirectory(dir)) {
        err.println("error: data directory " + dir + " does not exist");
        return CommandLines.EXIT_BAD_INPUT;
      }
      CheckReport report;
      try {
        report = DatabaseChecker.check(StoreOptions.inDataDir(dir));
      } catch (StoreOpenException e) {
        err.println("error: " + e.getMessage());
        return e.exitCode();
      }
      out.printf(
          "checked %s: tip %d, %d blocks, %d transactions, %d wallets, %d undo records%n",
          dir,
          report.tipHeight(),
          report.blocks(),
          report.transactions(),
          report.wallets(),
          report.undoRecords());
      if (report.ok()) {
        out.println("OK: all invariants hold");
        return 0;
      }
      report.problems().forEach(p -> out.println("PROBLEM: " + p));
      if (report.problemCount() > report.problems().size()) {
        out.println("... and " + (report.problemCount() - report.problems().size()) + " more");
      }
      out.println("FAILED: " + report.problemCount() + " problem(s)");
      return 1;
    }
  }
}
