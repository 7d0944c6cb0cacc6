package com.osmosecollective.node.genesis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.genesis.spec.GenesisSpec.Allocation;
import com.osmosecollective.node.genesis.spec.GenesisSpec.RewardStep;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GenesisSpecReaderTest {
  private static final long OSM = 100_000_000L;

  /** The repository's specs, read from the module directory (where Maven runs the tests). */
  static Path specFile(String name) {
    Path file = Path.of("specs", name);
    assertThat(file)
        .as("genesis/specs/" + name + " (tests run from the module directory)")
        .exists();
    return file;
  }

  static String whitePaperText() throws Exception {
    return Files.readString(specFile("whitepaper.yaml"));
  }

  @Test
  void theWhitePaperSpecSplitsTenBillionAsThePaperSays() throws Exception {
    GenesisSpec spec = new GenesisSpecReader().read(specFile("whitepaper.yaml"));

    assertThat(spec.seed()).as("a real launch keeps its seed out of the spec").isNull();
    assertThat(spec.premine()).isEqualTo(10_000_000_000L * OSM);
    assertThat(spec.distribution())
        .extracting(Allocation::name, Allocation::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("investors", 7_000_000_000L * OSM),
            org.assertj.core.groups.Tuple.tuple("founders", 1_000_000_000L * OSM),
            org.assertj.core.groups.Tuple.tuple("partners", 600_000_000L * OSM),
            org.assertj.core.groups.Tuple.tuple("bounty", 1_000_000_000L * OSM),
            org.assertj.core.groups.Tuple.tuple("reserves", 400_000_000L * OSM));
    assertThat(spec.rewards())
        .containsExactly(
            new RewardStep(1, 2000 * OSM),
            new RewardStep(1_576_801, 1500 * OSM),
            new RewardStep(3_153_601, 1000 * OSM),
            new RewardStep(4_730_401, 750 * OSM),
            new RewardStep(6_307_201, 500 * OSM));
    assertThat(spec.blocktime()).isEqualTo(20);
    assertThat(spec.delegates().count()).isEqualTo(51);
    assertThat(spec.fees()).containsEntry("vote", OSM).containsEntry("transfer", OSM);
    assertThat(spec.fees()).containsEntry("delegateRegistration", 4000 * OSM);
    assertThat(spec.network().pubKeyHash()).isEqualTo(115);
  }

  @Test
  void theTestnetSpecGivesTheRestToReservesAfterTheDelegatesBalances() throws Exception {
    GenesisSpec spec = new GenesisSpecReader().read(specFile("testnet.yaml"));
    assertThat(spec.seed()).isNotBlank();
    assertThat(spec.delegates().selfVote()).isTrue();
    long delegates = 51 * 100_000L * OSM;
    Allocation reserves = spec.distribution().get(4);
    assertThat(reserves.name()).isEqualTo("reserves");
    assertThat(reserves.amount()).isEqualTo(400_000_000L * OSM - delegates);
  }

  @Test
  void aMisspeltKeyIsRefusedNamingItsPath() throws Exception {
    String text = whitePaperText().replace("usernamePrefix:", "usernamePrefx:");
    assertThatThrownBy(() -> new GenesisSpecReader().parse(text))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("delegates.usernamePrefx: unknown key");
  }

  @Test
  void aDistributionThatDoesNotAddUpIsRefused() throws Exception {
    String text = whitePaperText().replace("percent: 4 }", "percent: 3 }");
    assertThatThrownBy(() -> new GenesisSpecReader().parse(text))
        .hasMessageContaining("premine.distribution: adds up to 9900000000")
        .hasMessageContaining("rest: true");
    String over = whitePaperText().replace("percent: 4 }", "percent: 5 }");
    assertThatThrownBy(() -> new GenesisSpecReader().parse(over))
        .hasMessageContaining("premine.distribution[4]: the distribution exceeds the premine");
  }

  @Test
  void amountsRulesAndHeightsAreChecked() throws Exception {
    String base = whitePaperText();
    assertThatThrownBy(
            () ->
                new GenesisSpecReader()
                    .parse(base.replace("transfer: 1\n", "transfer: 0.000000001\n")))
        .hasMessageContaining("fees.transfer: 0.000000001 is not an amount");
    assertThatThrownBy(
            () ->
                new GenesisSpecReader()
                    .parse(base.replace("{ height: 1, reward", "{ height: 2, reward")))
        .hasMessageContaining("rewards[0].height: the first reward starts at height 1");
    assertThatThrownBy(
            () -> new GenesisSpecReader().parse(base.replace("height: 4730401", "height: 3153601")))
        .hasMessageContaining("rewards[3].height: heights must climb");
    assertThatThrownBy(() -> new GenesisSpecReader().parse(base.replace("genesis_", "Genesis-")))
        .hasMessageContaining("delegates.usernamePrefix: 'Genesis-51' is no delegate username");
    assertThatThrownBy(() -> new GenesisSpecReader().parse(base.replace("  htlcRefund: 0\n", "")))
        .hasMessageContaining("fees.htlcRefund: is required");
    assertThatThrownBy(
            () -> new GenesisSpecReader().parse(base.replace("blocktime: 20", "blocktime: 2")))
        .hasMessageContaining("blocktime: must be between 3 and 3600");
    assertThatThrownBy(
            () ->
                new GenesisSpecReader()
                    .parse(
                        base.replace(
                            "{ name: founders, percent: 10 }", "{ name: investors, percent: 10 }")))
        .hasMessageContaining("'investors' appears twice");
    assertThatThrownBy(
            () ->
                new GenesisSpecReader()
                    .parse(base.replace("percent: 70 }", "percent: 70, amount: 5 }")))
        .hasMessageContaining("exactly one of percent, amount or rest");
  }

  @Test
  void aPercentThatIsNoWholeArktoshiIsRefused() throws Exception {
    String text =
        whitePaperText()
            .replace("total: 10000000000", "total: 0.00000003")
            .replace("percent: 70 }", "percent: 50 }");
    assertThatThrownBy(() -> new GenesisSpecReader().parse(text))
        .hasMessageContaining(
            "premine.distribution[0].percent: 50 % of the premine is not a whole");
  }

  @Test
  void brokenYamlAndMissingFilesGiveOneLine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    assertThatThrownBy(() -> new GenesisSpecReader().parse("network: [unclosed"))
        .hasMessageStartingWith("not valid YAML");
    assertThatThrownBy(() -> new GenesisSpecReader().parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> new GenesisSpecReader().read(dir.resolve("none.yaml")))
        .hasMessageContaining("no such spec file");
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[2 * 1024 * 1024]);
    assertThatThrownBy(() -> new GenesisSpecReader().read(big)).hasMessageContaining("1 MiB");
  }
}
