package com.osmosecollective.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.crypto.BouncyCastleVerifier;
import com.osmosecollective.node.core.encoding.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetNetworkFileTest {
  @TempDir Path dir;

  @Test
  void aNewDevnetHasAValidGenesisWithPremineAnd51Delegates() throws Exception {
    DevnetNetworkFile.Devnet devnet = new DevnetNetworkFile().createOrLoad(dir, null);
    Network network = devnet.network();
    assertThat(devnet.created()).isTrue();
    assertThat(network.hasGenesisBlock()).isTrue();

    GenesisReport report =
        new GenesisVerifier(network, new BouncyCastleVerifier()).verify(network.genesisBlock());
    assertThat(report.failures()).isEmpty();
    assertThat(report.transactionCount()).isEqualTo(5 + 51);

    JsonNode genesis = network.genesisBlock();
    assertThat(genesis.get("payloadHash").asText()).isEqualTo(network.nethash());
    // 10,000,000,000 coins of 10^8 arktoshi
    assertThat(genesis.get("totalAmount").asText()).isEqualTo("1000000000000000000");
    Set<String> usernames = new HashSet<>();
    for (JsonNode tx : genesis.get("transactions")) {
      assertThat(tx.get("version").asInt()).isEqualTo(2);
      if (tx.get("type").asInt() == 2) {
        usernames.add(tx.at("/asset/delegate/username").asText());
      }
    }
    assertThat(usernames).hasSize(51);
    var block = new BlockJson(new BlockCodec(network), network.pubKeyHash()).parse(genesis);
    assertThat(Hex.encode(block.header().payloadHash())).isEqualTo(network.nethash());
  }

  /**
   * ARK 3.9 serializes a full-SHA-256 network's previousBlock as a 64-character string and fails on
   * null: the genesis block says 64 zeros (the bytes null stands for), and reads back as no parent
   * with the same id, whichever of the two forms the file holds.
   */
  @Test
  void theGenesisBlockSaysSixtyFourZerosForItsParentAsArkReadsIt() throws Exception {
    Network network = new DevnetNetworkFile().createOrLoad(dir, null).network();
    JsonNode genesis = network.genesisBlock();
    assertThat(network.milestones().at(1).idFullSha256()).isTrue();
    assertThat(genesis.get("previousBlock").asText()).isEqualTo("0".repeat(64));

    BlockCodec codec = new BlockCodec(network);
    BlockJson reader = new BlockJson(codec, network.pubKeyHash());
    var zeros = reader.parse(genesis);
    ObjectNode withNull = ((ObjectNode) genesis).deepCopy();
    withNull.putNull("previousBlock");
    withNull.putNull("previousBlockHex");
    var nulls = reader.parse(withNull);
    assertThat(zeros.previousBlock()).isNull();
    assertThat(zeros.header()).isEqualTo(nulls.header());
    assertThat(codec.idOf(zeros.header()))
        .as("both forms hash to the declared id")
        .isEqualTo(genesis.get("id").asText())
        .isEqualTo(codec.idOf(nulls.header()));
    assertThat(new GenesisVerifier(network, new BouncyCastleVerifier()).verify(withNull).failures())
        .isEmpty();
  }

  @Test
  void theFileIsReusedAndTheBlocktimeOverrideIsKept() throws Exception {
    DevnetNetworkFile file = new DevnetNetworkFile();
    DevnetNetworkFile.Devnet first = file.createOrLoad(dir, 3);
    byte[] written = Files.readAllBytes(first.file());
    DevnetNetworkFile.Devnet second = file.createOrLoad(dir, 7);

    assertThat(second.created()).isFalse();
    assertThat(Files.readAllBytes(second.file())).isEqualTo(written);
    assertThat(second.network().nethash()).isEqualTo(first.network().nethash());
    assertThat(second.network().milestones().at(1).blocktime()).isEqualTo(3);
    assertThat(second.network().milestones().at(1_576_801).blocktime()).isEqualTo(3);
  }

  @Test
  void twoDevnetsHaveTheSameDeterministicGenesis() throws Exception {
    Network a = new DevnetNetworkFile().createOrLoad(dir.resolve("a"), null).network();
    Network b = new DevnetNetworkFile().createOrLoad(dir.resolve("b"), null).network();
    assertThat(a.nethash()).isEqualTo(b.nethash());
  }

  /** Issue #10: the devnet's definition says it is a local devnet, old files included. */
  @Test
  void aDevnetFileSaysItIsALocalDevnetAndAnOlderOneIsUpgraded() throws Exception {
    DevnetNetworkFile file = new DevnetNetworkFile();
    DevnetNetworkFile.Devnet made = file.createOrLoad(dir, null);
    assertThat(made.network().localDevnet()).isTrue();

    ObjectNode old = (ObjectNode) new ObjectMapper().readTree(made.file().toFile());
    ((ObjectNode) old.get("network")).remove(Network.LOCAL_DEVNET);
    new ObjectMapper().writeValue(made.file().toFile(), old);
    assertThat(new NetworkLoader().loadFile(made.file()).localDevnet()).isFalse();

    DevnetNetworkFile.Devnet again = file.createOrLoad(dir, null);
    assertThat(again.created()).isFalse();
    assertThat(again.network().localDevnet()).isTrue();
    assertThat(again.network().nethash()).isEqualTo(made.network().nethash());
    assertThat(new NetworkLoader().loadFile(made.file()).localDevnet()).isTrue();
  }
}
