package com.osmosecollective.node.genesis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.genesis.GenesisAccount;
import com.osmosecollective.node.genesis.GenesisReport;
import com.osmosecollective.node.genesis.GenesisVerifier;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecNetworkTest {
  private static final long OSM = 100_000_000L;

  @TempDir Path dir;

  private static GenesisSpec whitePaper(String seed) throws Exception {
    return new GenesisSpecReader()
        .read(GenesisSpecReaderTest.specFile("whitepaper.yaml"))
        .withSeed(seed);
  }

  @Test
  void theSameSpecAndSeedWriteTheSameBytes() throws Exception {
    GenesisSpec spec = whitePaper("a launch seed for the test");
    NetworkFiles.write(SpecNetwork.create(spec), dir.resolve("a"));
    NetworkFiles.write(SpecNetwork.create(spec), dir.resolve("b"));
    for (String name :
        List.of(NetworkFiles.NETWORK, NetworkFiles.DELEGATE_SECRETS, NetworkFiles.ACCOUNTS)) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(name)));
    }
    Network other = SpecNetwork.create(whitePaper("another launch seed")).network();
    assertThat(other.nethash()).isNotEqualTo(SpecNetwork.create(spec).network().nethash());
  }

  @Test
  void theWhitePaperGenesisIsValidAndCarriesThePremineSplitAnd51Registrations() throws Exception {
    SpecNetwork.Created created = SpecNetwork.create(whitePaper("a launch seed for the test"));
    Network network = created.network();
    GenesisReport report =
        new GenesisVerifier(network, new BouncyCastleVerifier()).verify(network.genesisBlock());
    assertThat(report.failures()).isEmpty();
    assertThat(report.transactionCount()).isEqualTo(5 + 51);
    JsonNode genesis = network.genesisBlock();
    assertThat(genesis.get("totalAmount").asText()).isEqualTo("1000000000000000000");
    assertThat(genesis.get("payloadHash").asText()).isEqualTo(network.nethash());

    List<Long> transfers = new ArrayList<>();
    List<String> usernames = new ArrayList<>();
    for (JsonNode tx : genesis.get("transactions")) {
      switch (tx.get("type").asInt()) {
        case 0 -> transfers.add(Long.parseLong(tx.get("amount").asText()));
        case 2 -> usernames.add(tx.at("/asset/delegate/username").asText());
        default -> throw new AssertionError("unexpected type " + tx);
      }
    }
    assertThat(transfers)
        .containsExactly(
            7_000_000_000L * OSM,
            1_000_000_000L * OSM,
            600_000_000L * OSM,
            1_000_000_000L * OSM,
            400_000_000L * OSM);
    assertThat(usernames).hasSize(51).contains("genesis_1", "genesis_51").doesNotHaveDuplicates();

    // the rules as the node reads them
    assertThat(network.pubKeyHash()).isEqualTo(115);
    assertThat(network.milestones().at(1).blocktime()).isEqualTo(20);
    assertThat(network.milestones().at(1).reward()).isEqualTo(2000 * OSM);
    assertThat(network.milestones().at(1_576_800).reward()).isEqualTo(2000 * OSM);
    assertThat(network.milestones().at(1_576_801).reward()).isEqualTo(1500 * OSM);
    assertThat(network.milestones().at(6_307_201).reward()).isEqualTo(500 * OSM);
    assertThat(network.milestones().at(9_000_000).staticFees()).containsEntry("vote", OSM);
    assertThat(network.epoch().toString()).isEqualTo("2027-01-01T00:00:00Z");
  }

  @Test
  void theShippedMainnetDefinitionHasTheWhitePapersRules() throws Exception {
    Network spec = SpecNetwork.create(whitePaper("a launch seed for the test")).network();
    Network mainnet = new com.osmosecollective.node.config.NetworkLoader().load("mainnet");
    for (long height : new long[] {1, 1_576_801, 3_153_601, 4_730_401, 6_307_201, 9_000_000}) {
      assertThat(mainnet.milestones().at(height).staticFees())
          .as("fees at %d", height)
          .isEqualTo(spec.milestones().at(height).staticFees());
      assertThat(mainnet.milestones().at(height).reward())
          .as("reward at %d", height)
          .isEqualTo(spec.milestones().at(height).reward());
    }
    assertThat(mainnet.milestones().at(1).staticFee("vote", -1)).isEqualTo(OSM);
    assertThat(mainnet.premine()).isEqualTo(spec.premine());
  }

  @Test
  void selfVotesFollowTheRegistrationsAndTheDelegatesAreFunded() throws Exception {
    GenesisSpec spec = new GenesisSpecReader().read(GenesisSpecReaderTest.specFile("testnet.yaml"));
    SpecNetwork.Created created = SpecNetwork.create(spec);
    Network network = created.network();
    assertThat(
            new GenesisVerifier(network, new BouncyCastleVerifier())
                .verify(network.genesisBlock())
                .failures())
        .isEmpty();
    JsonNode txs = network.genesisBlock().get("transactions");
    assertThat(txs).hasSize(5 + 51 + 51 + 51);
    // transfers (wallets, then delegates), registrations, votes
    assertThat(txs.get(5).get("amount").asText()).isEqualTo(Long.toString(100_000 * OSM));
    assertThat(txs.get(56).get("type").asInt()).isEqualTo(2);
    JsonNode vote = txs.get(107);
    assertThat(vote.get("type").asInt()).isEqualTo(3);
    assertThat(vote.get("nonce").asText()).isEqualTo("2");
    assertThat(vote.at("/asset/votes/0").asText())
        .isEqualTo("+" + vote.get("senderPublicKey").asText());
  }

  @Test
  void theShippedTestnetIsWhatTheToolMakesFromTheTestnetSpec() throws Exception {
    GenesisSpec spec = new GenesisSpecReader().read(GenesisSpecReaderTest.specFile("testnet.yaml"));
    byte[] made = NetworkFiles.networkBytes(SpecNetwork.create(spec).definition());
    byte[] shipped;
    try (InputStream in =
        NetworkLoader.class.getResourceAsStream("/networks/testnet/network.json")) {
      assertThat(in).as("config ships networks/testnet/network.json").isNotNull();
      shipped = in.readAllBytes();
    }
    assertThat(new String(shipped, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(made, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(new NetworkLoader().load("testnet").nethash())
        .isEqualTo(SpecNetwork.create(spec).network().nethash());
  }

  @Test
  void theTestnetKeysArePublishedInTestnetMd() throws Exception {
    GenesisSpec spec = new GenesisSpecReader().read(GenesisSpecReaderTest.specFile("testnet.yaml"));
    SpecNetwork.Created created = SpecNetwork.create(spec);
    String published = Files.readString(GenesisSpecReaderTest.specFile("TESTNET.md"));
    int pubKeyHash = created.network().pubKeyHash();
    assertThat(published).contains(created.network().nethash());
    for (GenesisAccount delegate : created.plan().delegates()) {
      assertThat(published)
          .contains(
              "| "
                  + delegate.username()
                  + " | `"
                  + delegate.address(pubKeyHash)
                  + "` | `"
                  + delegate.passphrase()
                  + "` |");
    }
    for (SpecNetwork.Named wallet : created.wallets()) {
      assertThat(published)
          .contains(wallet.account().address(pubKeyHash))
          .contains(wallet.account().passphrase());
    }
  }

  @Test
  void secretFilesAreOwnerOnlyAndHoldEveryDelegateAndTheSeed() throws Exception {
    SpecNetwork.Created created = SpecNetwork.create(whitePaper("a launch seed for the test"));
    Path out = dir.resolve("net");
    NetworkFiles.write(created, out);
    Set<PosixFilePermission> ownerOnly =
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.getPosixFilePermissions(out.resolve(NetworkFiles.DELEGATE_SECRETS)))
        .isEqualTo(ownerOnly);
    assertThat(Files.getPosixFilePermissions(out.resolve(NetworkFiles.ACCOUNTS)))
        .isEqualTo(ownerOnly);

    List<String> secrets =
        Files.readAllLines(out.resolve(NetworkFiles.DELEGATE_SECRETS)).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertThat(secrets)
        .containsExactlyElementsOf(
            created.plan().delegates().stream().map(GenesisAccount::passphrase).toList());
    JsonNode accounts = new ObjectMapper().readTree(out.resolve(NetworkFiles.ACCOUNTS).toFile());
    assertThat(accounts.get("seed").asText()).isEqualTo("a launch seed for the test");
    assertThat(accounts.get("wallets")).hasSize(5);
    assertThat(accounts.get("delegates")).hasSize(51);
    // the network file loads as is
    assertThat(new NetworkLoader().loadFile(out.resolve(NetworkFiles.NETWORK)).nethash())
        .isEqualTo(created.network().nethash());
  }

  @Test
  void aNonEmptyOutputDirectoryIsRefused() throws Exception {
    Files.writeString(dir.resolve("keep.txt"), "mine");
    SpecNetwork.Created created = SpecNetwork.create(whitePaper("a launch seed for the test"));
    assertThatThrownBy(() -> NetworkFiles.write(created, dir)).hasMessageContaining("is not empty");
    assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
  }

  @Test
  void keysNeedASeed() throws Exception {
    GenesisSpec noSeed = whitePaper(null);
    assertThatThrownBy(() -> SpecNetwork.create(noSeed)).hasMessageContaining("no seed");
    assertThatThrownBy(() -> new SeedKeys("short")).hasMessageContaining("at least 8");
    assertThat(new SeedKeys("12345678").passphrase("delegate/1"))
        .isNotEqualTo(new SeedKeys("12345678").passphrase("delegate/2"))
        .hasSize(64);
  }
}
