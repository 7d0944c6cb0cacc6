package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.consensus.NetworkTime;
import com.osmosecollective.node.consensus.chain.Chain;
import com.osmosecollective.node.consensus.forger.DelegateKeyLoader;
import com.osmosecollective.node.consensus.forger.DelegateKeys;
import com.osmosecollective.node.consensus.forger.ForgedSlots;
import com.osmosecollective.node.consensus.forger.Forger;
import com.osmosecollective.node.consensus.forger.PasswordSource;
import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainStore;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.PageRequest;
import com.osmosecollective.node.storage.StoreOptions;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code osmose genesis create} and {@code economics --spec}, with the repository's specs. */
class GenesisCreateCommandTest {
  private static final long OSM = 100_000_000L;
  static final Path SPECS = Path.of("..", "genesis", "specs");

  @TempDir Path dir;

  @Test
  void theSameSpecGivesTheSameBytesAndAnotherSeedAnotherNetwork() throws Exception {
    Path spec = SPECS.resolve("testnet.yaml");
    CliRun first =
        CliRun.of(
            "genesis", "create", "--spec", spec.toString(), "--out", dir.resolve("a").toString());
    CliRun second =
        CliRun.of(
            "genesis", "create", "--spec", spec.toString(), "--out", dir.resolve("b").toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(first.out()).contains("network testnet written").contains("158 transactions");
    for (String file : List.of("network.json", "delegates.secrets", "accounts.json")) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
    }
    Path seed = dir.resolve("seed.txt");
    Files.writeString(seed, "another seed for this test\n");
    CliRun other =
        CliRun.of(
            "genesis",
            "create",
            "--spec",
            spec.toString(),
            "--seed-file",
            seed.toString(),
            "--out",
            dir.resolve("c").toString());
    assertThat(other.exitCode()).as(other.err()).isZero();
    assertThat(nethash(dir.resolve("c"))).isNotEqualTo(nethash(dir.resolve("a")));
  }

  @Test
  void withoutASeedOneIsDrawnAndKeptInTheAccountsFile() throws Exception {
    Path out = dir.resolve("mainnet");
    CliRun run =
        CliRun.of(
            "genesis",
            "create",
            "--spec",
            SPECS.resolve("whitepaper.yaml").toString(),
            "--out",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("drawn at random")
        .contains("investors:")
        .contains("7,000,000,000 OSM");
    JsonNode accounts = new ObjectMapper().readTree(out.resolve("accounts.json").toFile());
    assertThat(accounts.get("seed").asText()).matches("[0-9a-f]{64}");

    // the kept seed rebuilds the same network
    Path seed = dir.resolve("seed");
    Files.writeString(seed, accounts.get("seed").asText());
    CliRun again =
        CliRun.of(
            "genesis",
            "create",
            "--spec",
            SPECS.resolve("whitepaper.yaml").toString(),
            "--seed-file",
            seed.toString(),
            "--out",
            dir.resolve("again").toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("again").resolve("network.json")))
        .isEqualTo(Files.readAllBytes(out.resolve("network.json")));
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, "network: {name: x}\n");
    CliRun bad =
        CliRun.of(
            "genesis", "create", "--spec", spec.toString(), "--out", dir.resolve("o").toString());
    assertThat(bad.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(bad.err()).contains(spec.toString()).contains("is required").hasLineCount(1);
    assertThat(dir.resolve("o")).doesNotExist();

    Files.writeString(dir.resolve("taken.txt"), "x");
    CliRun taken =
        CliRun.of(
            "genesis",
            "create",
            "--spec",
            SPECS.resolve("testnet.yaml").toString(),
            "--out",
            dir.toString());
    assertThat(taken.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(taken.err()).contains("is not empty");
  }

  /**
   * The shipped testnet, forged by the keys the tool writes from the testnet spec (the published
   * ones): blocks across a round end, rewards paid, the genesis self-votes counted, db check clean.
   */
  @Test
  void theShippedTestnetForgesWithTheToolsDelegateSecrets() throws Exception {
    Path out = dir.resolve("testnet-keys");
    CliRun made =
        CliRun.of(
            "genesis",
            "create",
            "--spec",
            SPECS.resolve("testnet.yaml").toString(),
            "--out",
            out.toString());
    assertThat(made.exitCode()).as(made.err()).isZero();
    Network network = new NetworkLoader().load("testnet");
    assertThat(network.nethash()).isEqualTo(nethash(out));
    DelegateKeys keys =
        new DelegateKeyLoader(PasswordSource.NONE, "no BIP38 here")
            .load(SecretsFile.read(out.resolve("delegates.secrets")));
    assertThat(keys.size()).isEqualTo(51);

    Path data = dir.resolve("data");
    SteppedClock clock = new SteppedClock(network.epoch());
    NetworkTime time = new NetworkTime(network.epoch(), clock);
    ExecutorService verification = NodeAssembly.verificationPool();
    int blocktime = network.milestones().at(1).blocktime();
    try (ChainStore store = ChainStore.open(StoreOptions.inDataDir(data), network.nethash());
        Chain chain = NodeAssembly.newChain(network, store, verification, time)) {
      chain.start();
      Forger forger =
          new Forger(network, chain, time, keys, ForgedSlots.inMemory(), (max, bytes) -> List.of());
      for (long slot = 10; chain.snapshot().height() < 60; slot++) {
        clock.set(network.epoch().plusSeconds(slot * blocktime));
        var forged = forger.forgeIfDue().orElseThrow();
        assertThat(forged.outcome().isAccepted()).as(forged.outcome().reason()).isTrue();
      }
      Wallet first = store.queries().walletByUsername("genesis_1").orElseThrow();
      assertThat(first.delegate().voteBalance()).isGreaterThanOrEqualTo(100_000 * OSM);
      long produced =
          store.queries().delegates(false, PageRequest.newestFirst(0, 100)).items().stream()
              .mapToLong(w -> w.delegate().producedBlocks())
              .sum();
      assertThat(produced).isEqualTo(59);
      assertThat(chain.snapshot().lastBlock().header().reward()).isEqualTo(2000 * OSM);
    } finally {
      verification.shutdown();
    }
    assertThat(DatabaseChecker.check(StoreOptions.inDataDir(data)).problems()).isEmpty();
  }

  @Test
  void economicsOfTheWhitePaperSpecReachesThePapersSupplyAfterNineYears() throws Exception {
    CliRun run =
        CliRun.of(
            "economics",
            "--spec",
            SPECS.resolve("whitepaper.yaml").toString(),
            "--years",
            "9",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode years = new ObjectMapper().readTree(run.out()).get("years");
    BigInteger supply = new BigInteger(years.get(8).get("supplyEnd").asText());
    // 10 billion + 1,576,800 blocks a year x (2000 + 1500 + 1000 + 750 + 5 x 500) OSM
    assertThat(supply)
        .isEqualTo(BigInteger.valueOf(22_220_200_000L).multiply(BigInteger.valueOf(OSM)));
    // the white paper rounds it to 22.22 billion
    assertThat(supply.divide(BigInteger.valueOf(10_000_000L * OSM)).longValueExact())
        .isEqualTo(2222);
    assertThat(years.get(0).get("inflationWhitePaperPercent").decimalValue())
        .isEqualByComparingTo("23.98");

    CliRun text = CliRun.of("economics", "--spec", SPECS.resolve("whitepaper.yaml").toString());
    assertThat(text.out()).contains("22,220,200,000").contains("investors 70%");
    CliRun both =
        CliRun.of(
            "economics",
            "--spec",
            SPECS.resolve("whitepaper.yaml").toString(),
            "--network",
            "devnet");
    assertThat(both.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
  }

  private static String nethash(Path out) throws Exception {
    return new ObjectMapper()
        .readTree(out.resolve("network.json").toFile())
        .at("/network/nethash")
        .asText();
  }
}
