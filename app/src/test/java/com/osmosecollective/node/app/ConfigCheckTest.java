package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.config.settings.DevnetSettings;
import com.osmosecollective.node.config.settings.Environment;
import com.osmosecollective.node.config.settings.NodeSettings;
import com.osmosecollective.node.config.settings.SettingKey;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/** {@code osmose config check}: each setting's winning source, secrets masked, problems listed. */
class ConfigCheckTest {
  private static final Pattern ROW = Pattern.compile("^  (\\S+)\\s+(.+?)\\s{2,}(\\S.*)$");

  @TempDir Path dir;

  /** One row of the table: the value shown and where it came from. */
  record Row(String value, String source) {}

  private static Map<String, Row> rows(String out) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.put(m.group(1), new Row(m.group(2).strip(), m.group(3).strip()));
      }
    }
    return rows;
  }

  private Environment env(Map<String, String> variables) {
    return Environment.of(variables, dir.resolve("home"));
  }

  @Test
  void eachSettingShowsItsWinningSource() throws Exception {
    Path file = dir.resolve("osmose.yaml");
    Files.writeString(
        file,
        """
        network: testnet
        api:
          host: 127.0.0.1
          port: 5003
        p2p:
          port: 5002
          peers: [10.0.0.1:4002, 10.0.0.2:4002]
        logging:
          level: warn
        """);
    Path data = dir.resolve("data");
    CliRun run =
        CliRun.with(
            env(
                Map.of(
                    "OSMOSE_API_PORT", "6003",
                    "OSMOSE_P2P_PORT", "6002",
                    "OSMOSE_P2P_INBOUND_BUDGET", "32",
                    "OSMOSE_LOG_LEVELS", "osmose.blocks=WARN",
                    "OSMOSE_CONFIG", file.toString())),
            "config",
            "check",
            "--p2p-port",
            "7002",
            "--data-dir",
            data.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("settings file: " + file + " (env OSMOSE_CONFIG)");
    assertThat(run.out()).contains("OK: the settings are valid");
    Map<String, Row> rows = rows(run.out());
    // flag > env > file > default, for the one setting every layer gives
    assertThat(rows.get("p2p.port")).isEqualTo(new Row("7002", "flag --p2p-port"));
    // env > file
    assertThat(rows.get("api.port")).isEqualTo(new Row("6003", "env OSMOSE_API_PORT"));
    // file > default
    assertThat(rows.get("network")).isEqualTo(new Row("testnet", "file " + file + " line 1"));
    assertThat(rows.get("api.host")).isEqualTo(new Row("127.0.0.1", "file " + file + " line 3"));
    assertThat(rows.get("p2p.peers"))
        .isEqualTo(new Row("10.0.0.1:4002,10.0.0.2:4002", "file " + file + " line 7"));
    assertThat(rows.get("logging.level")).isEqualTo(new Row("WARN", "file " + file + " line 9"));
    assertThat(rows.get("logging.levels"))
        .isEqualTo(new Row("osmose.blocks=WARN", "env OSMOSE_LOG_LEVELS"));
    assertThat(rows.get("dataDir")).isEqualTo(new Row(data.toString(), "flag --data-dir"));
    assertThat(rows.get("p2p.inboundBudgetMiB"))
        .isEqualTo(new Row("32", "env OSMOSE_P2P_INBOUND_BUDGET"));
    // defaults, the network's where it has one
    assertThat(rows.get("p2p.host")).isEqualTo(new Row("0.0.0.0", "default"));
    assertThat(rows.get("api.disabled")).isEqualTo(new Row("false", "default"));
    assertThat(rows.get("forging.forge")).isEqualTo(new Row("false", "default"));
    assertThat(rows.get("devnet.blocktime").source()).startsWith("default");
    assertThat(rows.keySet())
        .containsAll(
            List.of(
                "network",
                "dataDir",
                "api.host",
                "api.port",
                "api.disabled",
                "forging.forge",
                "forging.secrets",
                "forging.bip38PasswordEnv",
                "forging.bip38Password",
                "p2p.host",
                "p2p.port",
                "p2p.peers",
                "p2p.minimumNetworkReach",
                "p2p.allowLocalPeers",
                "p2p.disabled",
                "logging.level",
                "logging.levels",
                "logging.dir",
                "devnet.blocktime"));
  }

  @Test
  void everySettingIsOneFlagThatNamesItsVariableAndFileKey() {
    picocli.CommandLine cli = CommandLines.create();
    picocli.CommandLine check = cli.getSubcommands().get("config").getSubcommands().get("check");
    for (SettingKey<?> key : NodeSettings.allKeys()) {
      OptionSpec option = check.getCommandSpec().findOption(key.flag());
      assertThat(option).as(key.name()).isNotNull();
      String description = String.join(" ", option.description()).replaceAll("\\s+", " ");
      assertThat(description).as(key.name()).containsIgnoringCase("file: " + key.name());
      if (key.env() != null) {
        assertThat(description).as(key.name()).contains("Env: " + key.env());
      }
      // the node commands declare the same option (one declaration, shared)
      picocli.CommandLine node =
          key == DevnetSettings.BLOCKTIME
              ? cli.getSubcommands().get("devnet")
              : cli.getSubcommands().get("start");
      assertThat(node.getCommandSpec().findOption(key.flag()).description())
          .as(key.name())
          .isEqualTo(option.description());
    }
  }

  @Test
  void theDefaultDataDirIsTheNetworksOwn() {
    CliRun run = CliRun.with(env(Map.of("OSMOSE_NETWORK", "testnet")), "config", "check");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, Row> rows = rows(run.out());
    assertThat(rows.get("network")).isEqualTo(new Row("testnet", "env OSMOSE_NETWORK"));
    assertThat(rows.get("dataDir"))
        .isEqualTo(
            new Row(
                dir.resolve("home").resolve(".osmose").resolve("testnet").toString(),
                "default ~/.osmose/<network>"));
    assertThat(rows.get("p2p.port")).isEqualTo(new Row("4000", "default ARK's for testnet"));
    assertThat(dir.resolve("home")).as("config check creates nothing").doesNotExist();
  }

  @Test
  void secretsAreMaskedAndTheSecretsFileIsReadButNotPrinted() throws Exception {
    Path secrets = dir.resolve("delegates.secrets");
    SecretsFile.write(secrets, List.of("# forger", "these are my secret delegate words"));
    CliRun run =
        CliRun.with(
            env(Map.of("OSMOSE_BIP38_PASSWORD", "hunter2hunter2", "OSMOSE_NETWORK", "testnet")),
            "config",
            "check",
            "--forge",
            "--secrets",
            secrets.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out() + run.err())
        .doesNotContain("secret delegate words")
        .doesNotContain("hunter2hunter2");
    Map<String, Row> rows = rows(run.out());
    assertThat(rows.get("forging.bip38Password"))
        .isEqualTo(new Row("******** (set)", "env OSMOSE_BIP38_PASSWORD"));
    assertThat(rows.get("forging.forge")).isEqualTo(new Row("true", "flag --forge"));
    assertThat(run.out()).contains("1 passphrase(s), 0 BIP38 key(s) (contents not shown");
  }

  @Test
  void everyInvalidSettingIsNamedWithItsSourceAndExits2() throws Exception {
    Path file = dir.resolve("osmose.yaml");
    Files.writeString(file, "p2p:\n  peers: [10.0.0.1]\n");
    CliRun run =
        CliRun.with(
            env(Map.of("OSMOSE_API_PORT", "70000")),
            "config",
            "check",
            "--config",
            file.toString(),
            "--api-host",
            "999.1.1.1",
            "--data-dir",
            "");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("INVALID: 4 problem(s)");
    assertThat(run.err().lines())
        .containsExactlyInAnyOrder(
            "error: --data-dir must name a directory or file, not an empty text (which would be"
                + " the current directory)",
            "error: --api-host must be an IPv4 address of four numbers 0-255 (e.g. 127.0.0.1),"
                + " not '999.1.1.1'",
            "error: OSMOSE_API_PORT must be between 0 and 65535, not '70000'",
            "error: p2p.peers ("
                + file
                + " line 2) must be ip:port items separated by commas, not '10.0.0.1'");
    assertThat(rows(run.out()).get("api.port"))
        .isEqualTo(new Row("(invalid)", "env OSMOSE_API_PORT"));
  }

  @Test
  void aBadSettingsFileNamesItsLine() throws Exception {
    Path file = dir.resolve("osmose.yaml");
    Files.writeString(file, "network: testnet\napi:\n  prot: 4003\n");
    CliRun run = CliRun.with(env(Map.of()), "config", "check", "--config", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: settings file " + file + " line 3: unknown setting 'api.prot'");
  }

  @Test
  void whatStartChecksBeforeOpeningAnythingIsCheckedToo() throws Exception {
    Path open = dir.resolve("open.secrets");
    Files.writeString(open, "some words\n");
    CliRun run =
        CliRun.with(
            env(Map.of()),
            "config",
            "check",
            "--network",
            "mainnet",
            "--api-host",
            "192.0.2.1",
            "--api-port",
            "4001",
            "--secrets",
            open.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("network mainnet has no genesis block yet")
        .contains("--api-host 192.0.2.1 is not an address of this machine")
        .contains("api.port and p2p.port are both 4001")
        .contains("accessible by group or others; run: chmod 600");
  }

  @Test
  void aDataDirOfAnotherNetworkIsNamed() throws Exception {
    Path devnetDir = dir.resolve("devnet");
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(devnetDir, null);
    DevnetChains.forge(devnetDir, devnet, 1, 2);
    CliRun run =
        CliRun.with(
            env(Map.of()),
            "config",
            "check",
            "--network",
            "osmose-2018",
            "--data-dir",
            devnetDir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("holds the chain of network devnet (network file " + devnetDir)
        .contains("this node was asked to run osmose-2018");

    CliRun same =
        CliRun.with(
            env(Map.of()),
            "config",
            "check",
            "--network",
            devnet.file().toString(),
            "--data-dir",
            devnetDir.toString());
    assertThat(same.exitCode()).as(same.err()).isZero();
    assertThat(same.out()).contains("holds the chain of devnet").contains("at height 2");
  }
}
