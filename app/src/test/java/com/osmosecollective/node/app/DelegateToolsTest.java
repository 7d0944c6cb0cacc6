package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainReader;
import com.osmosecollective.node.storage.StoreOptions;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code osmose delegate status} and {@code osmose keys}, on a devnet chain forged for the test.
 */
class DelegateToolsTest {
  private static final int BLOCKTIME = 8;
  private static final long FIRST_SLOT = 1000;
  private static final long TIP = 60;

  @TempDir static Path shared;
  static Path data;
  static Path networkFile;
  static DevnetNetworkFile.Devnet devnet;
  static Network network;

  @TempDir Path dir;

  @BeforeAll
  static void forge() throws Exception {
    data = shared.resolve("devnet");
    devnet = new DevnetNetworkFile().createOrLoad(data, BLOCKTIME);
    network = devnet.network();
    networkFile = data.resolve("network.json");
    DevnetForging.forgeUntil(devnet, data, FIRST_SLOT, TIP, false, 0);
  }

  private static GenesisAccount delegate(int n) {
    return devnet.plan().delegates().get(n - 1);
  }

  /**
   * The predicted next slot of every delegate is the slot in which it does forge when the chain
   * goes on filling every slot to the round's end (heights 61..102 of round 2).
   */
  @Test
  void nextSlotsAreTheSlotsTheDelegatesThenForge() throws Exception {
    Path copy = dir.resolve("copy");
    CliRun replay =
        CliRun.of("db", "replay", "--source", data.toString(), "--data-dir", copy.toString());
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    long tipSlot = FIRST_SLOT + TIP - 2; // every slot from FIRST_SLOT filled, height 2 first
    Clock clock =
        Clock.fixed(network.epoch().plusSeconds((tipSlot + 1) * BLOCKTIME), ZoneOffset.UTC);
    Map<Long, String> predicted = new HashMap<>();
    int none = 0;
    try (StoreDelegateView view = StoreDelegateView.open(copy, network)) {
      for (GenesisAccount account : devnet.plan().delegates()) {
        DelegateStatus status =
            DelegateStatus.of(
                view, network, clock, view.delegate(account.username()).orElseThrow());
        assertThat(status.round()).isEqualTo(2);
        assertThat(status.roundLastHeight()).isEqualTo(102);
        assertThat(status.active()).isTrue();
        if (status.nextSlot() == null) {
          none++;
        } else {
          assertThat(predicted.put(status.nextSlot().slot(), account.publicKey())).isNull();
          assertThat(status.nextSlot().time())
              .isEqualTo(network.epoch().plusSeconds(status.nextSlot().slot() * BLOCKTIME));
        }
      }
    }
    assertThat(predicted).hasSize(102 - 60); // one block per remaining height of the round
    assertThat(none).isEqualTo(51 - 42);

    DevnetForging.forgeUntil(devnet, copy, tipSlot + 1, 102, false, 0);
    try (ChainReader reader = ChainReader.open(StoreOptions.inDataDir(copy), network.nethash())) {
      for (long height = 61; height <= 102; height++) {
        BlockData block = reader.queries().block(height).orElseThrow();
        long slot = block.timestamp() / BLOCKTIME;
        assertThat(predicted.get(slot))
            .as("forger of slot " + slot)
            .isEqualTo(block.generatorPublicKey());
      }
    }
  }

  @Test
  void statusFromTheDataDirAndFromTheApiAgree() throws Exception {
    CliRun fromDisk =
        CliRun.of(
            "delegate",
            "status",
            "--network",
            networkFile.toString(),
            "--data-dir",
            data.toString(),
            "--json",
            delegate(7).username());
    assertThat(fromDisk.exitCode()).as(fromDisk.err()).isZero();
    JsonNode disk = Json.mapper().readTree(fromDisk.out());
    assertThat(disk.get("username").asText()).isEqualTo(delegate(7).username());
    assertThat(disk.get("tipHeight").asLong()).isEqualTo(TIP);
    assertThat(disk.get("active").asBoolean()).isTrue();
    assertThat(disk.get("producedBlocks").asLong()).isPositive();
    assertThat(disk.get("missedBlocks").isNumber()).isTrue();
    assertThat(disk.get("rank").asInt()).isBetween(1, 51);

    // the node's own REST API over the same chain (a relay: no keys, so nothing is forged)
    Path relay = dir.resolve("relay");
    CliRun copy =
        CliRun.of("db", "replay", "--source", data.toString(), "--data-dir", relay.toString());
    assertThat(copy.exitCode()).as(copy.err()).isZero();
    try (NodeAssembly node =
        NodeAssembly.openAndStart(
            new NodeAssembly.Settings(
                    network, relay, new DelegateKeys(List.of()), Clock.systemUTC())
                .withApi(Optional.of(new InetSocketAddress("127.0.0.1", 0))))) {
      int port = node.apiAddress().orElseThrow().getPort();
      String url = "http://127.0.0.1:" + port;
      CliRun fromApi =
          CliRun.of(
              "delegate",
              "status",
              "--network",
              networkFile.toString(),
              "--api",
              url,
              "--json",
              delegate(7).address(network.pubKeyHash()));
      assertThat(fromApi.exitCode()).as(fromApi.err()).isZero();
      JsonNode viaApi = Json.mapper().readTree(fromApi.out());
      assertThat(viaApi.get("missedBlocks").isNull()).as("ARK's API has no missed count").isTrue();
      for (String field :
          List.of(
              "username",
              "address",
              "publicKey",
              "rank",
              "votes",
              "active",
              "round",
              "tipHeight",
              "producedBlocks",
              "lastBlock")) {
        assertThat(viaApi.get(field)).as(field).isEqualTo(disk.get(field));
      }
      CliRun text =
          CliRun.of(
              "delegate",
              "status",
              "--network",
              networkFile.toString(),
              "--api",
              url + "/api/",
              delegate(7).publicKey());
      assertThat(text.out())
          .contains("delegate " + delegate(7).username())
          .contains("active in round 2")
          .contains("missed unknown")
          .contains("read from:  the API at " + url);

      CliRun unknown =
          CliRun.of(
              "delegate", "status", "--network", networkFile.toString(), "--api", url, "nobody");
      assertThat(unknown.exitCode()).isEqualTo(DelegateCommand.EXIT_NOT_A_DELEGATE);
      assertThat(unknown.err()).contains("no registered delegate 'nobody'");
    }
  }

  @Test
  void anUnreachableApiOrAMissingDataDirSaySo() {
    CliRun down =
        CliRun.of(
            "delegate",
            "status",
            "--network",
            networkFile.toString(),
            "--api",
            "http://127.0.0.1:1",
            "genesis_1");
    assertThat(down.exitCode()).isEqualTo(DelegateCommand.EXIT_UNREADABLE);
    assertThat(down.err()).contains("cannot reach the node's API at http://127.0.0.1:1");
    CliRun missing =
        CliRun.of(
            "delegate",
            "status",
            "--network",
            networkFile.toString(),
            "--data-dir",
            dir.resolve("none").toString(),
            "genesis_1");
    assertThat(missing.exitCode()).isEqualTo(DelegateCommand.EXIT_UNREADABLE);
    CliRun bad =
        CliRun.of(
            "delegate", "status", "--network", networkFile.toString(), "--api", "ftp://x", "g");
    assertThat(bad.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(bad.err()).contains("--api must be an http(s) URL");
  }

  private record Run(int exitCode, String out, String err) {}

  /** A keys subcommand with a stand-in environment (the BIP38 password) and standard input. */
  private static Run keys(Object command, Map<String, String> env, String stdin, String... args) {
    if (command instanceof KeysCommand.Encrypt e) {
      e.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    }
    CommandLine cli = new CommandLine(command);
    if (command instanceof KeysCommand.Encrypt e) {
      e.password.getenv = env::get;
    } else if (command instanceof KeysCommand.Check c) {
      c.password.getenv = env::get;
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void encryptedSecretsAreWhatTheForgerReadsAndCheckNamesTheirDelegates() throws Exception {
    Path plain = dir.resolve("plain.secrets");
    String stranger = "a passphrase that registered no delegate";
    Files.writeString(
        plain,
        "# two delegates and a stranger\n"
            + delegate(1).passphrase()
            + "\n\n"
            + delegate(2).passphrase()
            + "\n"
            + stranger
            + "\n");
    Path encrypted = dir.resolve("encrypted.secrets");
    Map<String, String> env = Map.of("OSMOSE_BIP38_PASSWORD", "a good password");
    Run encrypt =
        keys(
            new KeysCommand.Encrypt(),
            env,
            "",
            "--secrets",
            plain.toString(),
            "--out",
            encrypted.toString());
    assertThat(encrypt.exitCode()).as(encrypt.err()).isZero();
    assertThat(encrypt.out()).contains("encrypted 3 key(s)");
    assertThat(Files.getPosixFilePermissions(encrypted))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    List<String> lines = Files.readAllLines(encrypted);
    assertThat(lines).contains("# two delegates and a stranger", "");
    assertThat(lines.stream().filter(l -> l.startsWith("bip38:6P"))).hasSize(3);
    assertThat(String.join("\n", lines)).doesNotContain(delegate(1).passphrase());
    // the forger's own reader accepts the file
    assertThat(SecretsFile.read(encrypted).encryptedKeys()).hasSize(3);

    Run check =
        keys(
            new KeysCommand.Check(),
            env,
            "",
            "--secrets",
            encrypted.toString(),
            "--network",
            networkFile.toString(),
            "--data-dir",
            data.toString());
    assertThat(check.exitCode()).as(check.err()).isEqualTo(DelegateCommand.EXIT_NOT_A_DELEGATE);
    String strangerAddress =
        Address.fromPublicKey(
            PrivateKey.fromPassphrase(stranger).publicKey(), network.pubKeyHash());
    assertThat(check.out())
        .contains("holds 3 key(s)")
        .contains(delegate(1).address(network.pubKeyHash()) + "  " + delegate(1).username())
        .contains(delegate(2).username() + ", rank ")
        .contains("active in round 2")
        .contains(strangerAddress + "  not a registered delegate")
        .contains("3 key(s): 2 registered delegate(s), 2 active in round 2");

    Run wrong =
        keys(
            new KeysCommand.Check(),
            Map.of("OSMOSE_BIP38_PASSWORD", "not the password"),
            "",
            "--secrets",
            encrypted.toString(),
            "--network",
            networkFile.toString(),
            "--data-dir",
            data.toString());
    assertThat(wrong.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(wrong.err()).contains("wrong password");
  }

  @Test
  void encryptReadsStandardInputAndRefusesWithoutAPassword() throws Exception {
    Map<String, String> env = Map.of("MY_PASSWORD", "another good one");
    Run run =
        keys(
            new KeysCommand.Encrypt(),
            env,
            delegate(3).passphrase() + "\n",
            "--bip38-password-env",
            "MY_PASSWORD");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip()).startsWith("bip38:6P").hasLineCount(1);

    Run none = keys(new KeysCommand.Encrypt(), Map.of(), delegate(3).passphrase() + "\n");
    assertThat(none.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(none.err()).contains("no BIP38 password").contains("OSMOSE_BIP38_PASSWORD");

    Run garbage = keys(new KeysCommand.Encrypt(), env, "", "--bip38-password-env", "MY_PASSWORD");
    assertThat(garbage.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(garbage.err()).contains("no passphrase to encrypt");

    Path binary = dir.resolve("binary.secrets");
    Files.write(binary, new byte[] {'o', 'k', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
    Run notText =
        keys(
            new KeysCommand.Encrypt(),
            env,
            "",
            "--secrets",
            binary.toString(),
            "--bip38-password-env",
            "MY_PASSWORD");
    assertThat(notText.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(notText.err()).contains("line 2 of " + binary + " is not UTF-8 text");
  }

  @Test
  void checkWithoutAChainListsTheKeys() throws Exception {
    Path plain = dir.resolve("one.secrets");
    SecretsFile.write(plain, List.of(delegate(4).passphrase()));
    Run run =
        keys(
            new KeysCommand.Check(),
            Map.of(),
            "",
            "--secrets",
            plain.toString(),
            "--network",
            "osmose-2018");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String address =
        Address.fromPublicKey(PrivateKey.fromPassphrase(delegate(4).passphrase()).publicKey(), 115);
    assertThat(run.out()).contains(address).contains("no chain to check them against");
  }
}
