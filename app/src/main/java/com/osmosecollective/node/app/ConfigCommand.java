package com.osmosecollective.node.app;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.settings.DevnetSettings;
import com.osmosecollective.node.config.settings.ForgingSettings;
import com.osmosecollective.node.config.settings.NodeSettings;
import com.osmosecollective.node.config.settings.Setting;
import com.osmosecollective.node.config.settings.SettingsException;
import com.osmosecollective.node.config.settings.SettingsSources;
import com.osmosecollective.node.consensus.forger.ForgerSecrets;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.storage.ChainReader;
import com.osmosecollective.node.storage.ChainTip;
import com.osmosecollective.node.storage.StoreOpenException;
import com.osmosecollective.node.storage.StoreOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osmose config}: the node's settings. */
@Command(
    name = "config",
    description = "The node's settings.",
    subcommands = {ConfigCommand.Check.class})
final class ConfigCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code osmose config check}: the effective settings, their sources, and what is wrong. */
  @Command(
      name = "check",
      description = {
        "Validate the node's settings and print each one's effective value and where it came"
            + " from: flag, env (OSMOSE_*), file (--config, with its line) or default. Secrets are"
            + " masked: the BIP38 password is never printed, nor a secrets file's contents.",
        "Also checks what osmose start checks before it opens anything: the network has a"
            + " genesis block, the listen addresses are this machine's, the secrets file is"
            + " readable by its owner only and well formed, and the data dir holds no other"
            + " network's chain (opened read-only; the node may run).",
        "Exit 0 valid, 2 a setting is invalid (each problem on its own line on stderr)."
      })
  static final class Check implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Mixin NodeOptions options;

    @ArgGroup(validate = false, heading = "Devnet%n")
    DevnetOptions devnet = new DevnetOptions();

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SettingsSources sources;
      try {
        sources = config.sources(options, devnet);
      } catch (SettingsException e) {
        return invalid(out, err, e.problems());
      }
      NodeSettings settings = NodeSettings.resolve(sources);
      DevnetSettings devnetSettings = DevnetSettings.resolve(sources);
      List<String> notes = new ArrayList<>();
      List<String> problems = new ArrayList<>(sources.problems());
      if (problems.isEmpty()) {
        problems.addAll(beyondValues(settings, notes));
      }

      out.printf(
          "settings file: %s%n",
          sources
              .config()
              .map(c -> c.value() + " (" + c.describeSource() + ")")
              .orElse("none (--config or OSMOSE_CONFIG)"));
      List<Setting<?>> rows = new ArrayList<>(settings.all());
      rows.add(devnetSettings.blocktime());
      for (Setting<?> s : rows) {
        out.printf(
            "  %-26s  %-34s  %s%n",
            s.key().name(), s.valid() ? s.shown() : "(invalid)", s.describeSource());
      }
      ForgingSettings forging = settings.forging();
      out.printf(
          "  %-26s  %-34s  %s%n",
          "forging.bip38Password",
          forging.passwordGiven(config.environment()) ? "******** (set)" : "(not set)",
          forging.bip38PasswordEnv().valid()
              ? "env " + forging.bip38PasswordEnv().value()
              : "(invalid variable name)");
      notes.forEach(n -> out.println("  " + n));
      if (!problems.isEmpty()) {
        return invalid(out, err, problems);
      }
      out.println("OK: the settings are valid");
      out.flush();
      return 0;
    }

    private static int invalid(PrintWriter out, PrintWriter err, List<String> problems) {
      out.printf("INVALID: %d problem(s)%n", problems.size());
      out.flush();
      problems.forEach(p -> err.println("error: " + p));
      err.flush();
      return CommandLines.EXIT_BAD_INPUT;
    }

    /** What osmose start checks beyond each value's text, before it opens anything. */
    private List<String> beyondValues(NodeSettings settings, List<String> notes) {
      List<String> problems = new ArrayList<>();
      Network network = settings.network().network();
      if (!network.hasGenesisBlock()) {
        problems.add(
            "network "
                + network.name()
                + " has no genesis block yet: osmose start refuses it (a local chain: osmose"
                + " devnet)");
      }
      if (settings.api().enabled()) {
        listen(settings.api().host(), settings.api().port(), problems);
      }
      if (settings.p2p().enabled()) {
        listen(settings.p2p().host(), settings.p2p().port(), problems);
      }
      if (settings.webhooks().on()) {
        try {
          StartCommand.webhooksAddress(settings.webhooks(), settings.api());
        } catch (SettingsException e) {
          problems.addAll(e.problems());
        } catch (Exception e) {
          problems.add(String.valueOf(e.getMessage()));
        }
      }
      if (settings.api().enabled()
          && settings.p2p().enabled()
          && settings.api().port().value() != 0
          && settings.api().port().value().equals(settings.p2p().port().value())) {
        problems.add(
            "api.port and p2p.port are both "
                + settings.p2p().port().value()
                + " ("
                + settings.api().port().describeSource()
                + ", "
                + settings.p2p().port().describeSource()
                + ")");
      }
      settings.forging().secrets().value().ifPresent(file -> secrets(file, notes, problems));
      dataDir(settings.storage().path(), network, notes, problems);
      return problems;
    }

    private static void listen(Setting<String> host, Setting<Integer> port, List<String> problems) {
      try {
        ListenAddress.of(host, port);
      } catch (SettingsException e) {
        problems.addAll(e.problems());
      }
    }

    /** The secrets file is read as the forger reads it; only counts are printed. */
    private static void secrets(Path file, List<String> notes, List<String> problems) {
      try {
        ForgerSecrets secrets = SecretsFile.read(file);
        notes.add(
            "secrets file "
                + file
                + ": "
                + secrets.passphrases().size()
                + " passphrase(s), "
                + secrets.encryptedKeys().size()
                + " BIP38 key(s) (contents not shown; osmose keys check tells which are"
                + " delegates)");
      } catch (SecretsFile.SecretsException e) {
        problems.add(e.getMessage());
      }
    }

    /** A data dir that holds a chain must hold this network's; it is opened read-only. */
    private static void dataDir(
        Path dir, Network network, List<String> notes, List<String> problems) {
      boolean hasChain;
      try {
        hasChain = DataDirGuard.hasChain(dir);
      } catch (IOException e) {
        problems.add("data dir " + dir + " cannot be read: " + e.getMessage());
        return;
      }
      if (!hasChain) {
        notes.add(
            "data dir "
                + dir
                + (Files.isDirectory(dir) ? " holds no chain yet" : " does not exist yet")
                + " (osmose start creates it)");
        return;
      }
      try (ChainReader reader = ChainReader.open(StoreOptions.inDataDir(dir), null)) {
        if (network.hasGenesisBlock() && !reader.nethash().equals(network.nethash())) {
          problems.add(KnownNetworks.mismatch(dir, reader.nethash(), network));
          return;
        }
        notes.add(
            "data dir "
                + dir
                + " holds the chain of "
                + KnownNetworks.name(reader.nethash(), dir).orElse(network.name())
                + " at height "
                + reader.tip().map(ChainTip::height).orElse(0L));
      } catch (StoreOpenException e) {
        problems.add("data dir " + dir + ": " + e.getMessage());
      }
    }
  }
}
