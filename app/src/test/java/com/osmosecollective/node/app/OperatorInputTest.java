package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.StoreOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue #13: operator input gets a clear answer, before anything is created where it can be. */
class OperatorInputTest {
  @TempDir Path dir;

  private Path devnetNetworkFile() throws Exception {
    return new DevnetNetworkFile().createOrLoad(dir.resolve("devnet"), null).file();
  }

  @Test
  void anEmptyDataDirIsRefusedInsteadOfTheCurrentDirectory() throws Exception {
    Path network = devnetNetworkFile();
    Path cwd = Path.of("").toAbsolutePath();
    List<String[]> commands =
        List.of(
            new String[] {"devnet", "--data-dir", ""},
            new String[] {"start", "--network", network.toString(), "--data-dir", ""},
            new String[] {"db", "check", "--data-dir", ""},
            new String[] {"snapshot", "export", "--data-dir", "", "--out", "x.snap"},
            new String[] {"snapshot", "import", "x.snap", "--data-dir", " "},
            new String[] {"delegate", "status", "--data-dir", "", "genesis_1"},
            new String[] {"config", "check", "--data-dir", ""});
    for (String[] args : commands) {
      CliRun run = CliRun.of(args);
      String name = String.join(" ", args);
      assertThat(run.exitCode()).as(name).isEqualTo(CommandLines.EXIT_BAD_INPUT);
      assertThat(run.err())
          .as(name)
          .contains("--data-dir must name a directory or file, not an empty text");
    }
    for (String made : List.of("chain", "network.json", "pool.dat", "logs", "forger")) {
      assertThat(cwd.resolve(made)).as(made).doesNotExist();
    }
  }

  @Test
  void aGarbageSecretsFileNamesTheFileAndLine() throws Exception {
    Path secrets = dir.resolve("secrets");
    SecretsFile.write(secrets, List.of("placeholder"));
    Files.write(secrets, new byte[] {'#', '\n', (byte) 0xFF, (byte) 0xFE, 0x01, '\n'});
    CliRun run =
        CliRun.of(
            "start",
            "--network",
            devnetNetworkFile().toString(),
            "--data-dir",
            dir.resolve("node").toString(),
            "--forge",
            "--secrets",
            secrets.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: line 2 of secrets file "
                + secrets
                + " is not UTF-8 text: a secrets file holds one BIP39 passphrase or bip38:<6P...>"
                + " key per line\n")
        .doesNotContain("Input length");
    assertThat(dir.resolve("node")).doesNotExist();
  }

  @Test
  void aKeyThatIsNoRegisteredDelegateIsAWarningNamingItsAddress() throws Exception {
    DevnetNetworkFile.Devnet devnet =
        new DevnetNetworkFile().createOrLoad(dir.resolve("devnet"), null);
    String delegate = devnet.plan().delegates().get(0).passphrase();
    String typo = delegate + "s";
    DelegateKeys keys = DelegateKeys.fromPassphrases(List.of(delegate, typo));
    int pubKeyHash = devnet.network().pubKeyHash();
    String typoAddress =
        Address.fromPublicKey(PrivateKey.fromPassphrase(typo).publicKey(), pubKeyHash);
    String delegateAddress =
        Address.fromPublicKey(PrivateKey.fromPassphrase(delegate).publicKey(), pubKeyHash);
    try (LogCapture log = new LogCapture(ForgerService.class.getName());
        NodeAssembly node =
            NodeAssembly.open(
                new NodeAssembly.Settings(
                        devnet.network(), dir.resolve("devnet"), keys, Clock.systemUTC())
                    .withNewChain(true))) {
      node.start();
      List<String> warnings = log.messages(Level.WARN);
      assertThat(warnings)
          .singleElement()
          .asString()
          .contains("forger key " + typoAddress)
          .contains("is not a registered delegate on devnet")
          .doesNotContain(delegateAddress);
    }
  }

  @Test
  void anApiHostThatCannotWorkIsRefusedBeforeTheDatabaseOpens() throws Exception {
    Path network = devnetNetworkFile();
    Path node = dir.resolve("node");
    CliRun bad =
        CliRun.of(
            "start",
            "--network",
            network.toString(),
            "--data-dir",
            node.toString(),
            "--api-host",
            "999.1.1.1");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "error: --api-host must be an IPv4 address of four numbers 0-255 (e.g. 127.0.0.1),"
                + " not '999.1.1.1'\n");
    // a documentation address (RFC 5737): well formed, but no interface of this machine has it
    CliRun foreign = CliRun.of("devnet", "--data-dir", node.toString(), "--api-host", "192.0.2.1");
    assertThat(foreign.exitCode()).isEqualTo(2);
    assertThat(foreign.err()).contains("--api-host 192.0.2.1 is not an address of this machine");
    assertThat(node).doesNotExist();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anApiPortInUseNamesTheAddressAndPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      CliRun run =
          CliRun.of(
              "devnet",
              "--data-dir",
              dir.resolve("devnet").toString(),
              "--api-port",
              Integer.toString(port),
              "--no-p2p");
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains(
              "the REST API cannot listen on 127.0.0.1:"
                  + port
                  + ": address already in use (another osmose node or another program listens"
                  + " there); stop it or choose another --api-port");
    }
  }

  @Test
  void devnetWritesNothingIntoAnotherNetworksDataDir() throws Exception {
    Path data = dir.resolve("osmose");
    Network osmose = new NetworkLoader().load("osmose-2018");
    ExecutorService verification = NodeAssembly.verificationPool();
    try (ChainStore store = ChainStore.open(StoreOptions.inDataDir(data), osmose.nethash());
        Chain chain =
            NodeAssembly.newChain(
                osmose, store, verification, new NetworkTime(osmose.epoch(), Clock.systemUTC()))) {
      chain.start(); // the genesis block
    } finally {
      verification.shutdown();
    }
    CliRun run = CliRun.of("devnet", "--data-dir", data.toString(), "--no-api");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: "
                + data
                + " holds the chain of osmose-2018 and no devnet network file: it is not a devnet's"
                + " data dir; give the devnet its own --data-dir (by default ~/.osmose/devnet)\n");
    assertThat(data.resolve("network.json")).doesNotExist();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aP2pPortInUseNamesTheAddressAndPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      CliRun run =
          CliRun.of(
              "devnet",
              "--data-dir",
              dir.resolve("devnet").toString(),
              "--no-api",
              "--p2p-port",
              Integer.toString(port));
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains(
              "the P2P server cannot listen on 0.0.0.0:"
                  + port
                  + ": address already in use (another osmose node or another program listens"
                  + " there); stop it or choose another --p2p-port");
    }
  }

  @Test
  void aP2pHostThatIsNotThisMachinesIsRefusedBeforeAnythingIsCreated() {
    Path node = dir.resolve("node");
    CliRun run =
        CliRun.of("devnet", "--data-dir", node.toString(), "--no-api", "--p2p-host", "192.0.2.1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--p2p-host 192.0.2.1 is not an address of this machine");
    CliRun name =
        CliRun.of("devnet", "--data-dir", node.toString(), "--peers", "seed.example.org:4002");
    assertThat(name.exitCode()).isEqualTo(2);
    assertThat(name.err())
        .contains("--peers peer 'seed.example.org:4002' must name a literal IP address");
    assertThat(node).doesNotExist();
  }

  @Test
  void startOnAnotherNetworksDataDirSaysWhichNetworkEachIs() throws Exception {
    Path devnetDir = dir.resolve("devnet");
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(devnetDir, null);
    DevnetChains.forge(devnetDir, devnet, 1, 2);
    CliRun run =
        CliRun.of(
            "start",
            "--network",
            "osmose-2018",
            "--data-dir",
            devnetDir.toString(),
            "--no-api",
            "--no-p2p");
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err())
        .contains(
            "data dir "
                + devnetDir
                + " holds the chain of network devnet (network file "
                + devnetDir.resolve("network.json")
                + "), nethash "
                + devnet.network().nethash())
        .contains("this node was asked to run osmose-2018 (nethash 7dfc04c2")
        .contains("by default ~/.osmose/osmose");
  }
}
