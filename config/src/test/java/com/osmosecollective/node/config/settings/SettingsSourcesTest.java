package com.osmosecollective.node.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence: flags > environment > settings file > (network) defaults, with each source kept. */
class SettingsSourcesTest {
  @TempDir Path dir;

  private Path configFile(String yaml) throws Exception {
    Path file = dir.resolve("etc").resolve("osmose.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void eachLayerWinsOverTheOnesBelowIt() throws Exception {
    Path file =
        configFile(
            """
            network: testnet
            api:
              host: 10.1.1.1
              port: 5003
              disabled: true
            p2p:
              port: 5002
            """);
    Environment env =
        Environment.of(
            Map.of("OSMOSE_API_PORT", "6003", "OSMOSE_P2P_PORT", "6002", "OSMOSE_NO_API", ""),
            dir.resolve("home"));
    SettingsSources sources =
        SettingsSources.open(Map.of("config", file.toString(), "p2p.port", "7002"), env);

    NodeSettings settings = NodeSettings.resolve(sources);
    sources.requireValid();

    // p2p.port: flag over env over file
    assertThat(settings.p2p().port().value()).isEqualTo(7002);
    assertThat(settings.p2p().port().source()).isEqualTo(Source.FLAG);
    assertThat(settings.p2p().port().origin()).isEqualTo("--p2p-port");
    // api.port: env over file
    assertThat(settings.api().port().value()).isEqualTo(6003);
    assertThat(settings.api().port().describeSource()).isEqualTo("env OSMOSE_API_PORT");
    // api.disabled: an empty variable is unset, so the file wins
    assertThat(settings.api().disabled().value()).isTrue();
    assertThat(settings.api().disabled().describeSource()).isEqualTo("file " + file + " line 5");
    // network: the file over the default
    assertThat(settings.network().choice().source()).isEqualTo(Source.FILE);
    assertThat(settings.network().network().name()).isEqualTo("testnet");
    // defaults: the data dir is the network's own, the P2P host everyone's
    assertThat(settings.storage().path())
        .isEqualTo(dir.resolve("home").resolve(".osmose").resolve("testnet"));
    assertThat(settings.storage().dataDir().source()).isEqualTo(Source.DEFAULT);
    assertThat(settings.p2p().host().value()).isEqualTo("0.0.0.0");
    assertThat(sources.config().orElseThrow().describeSource()).isEqualTo("flag --config");
  }

  @Test
  void theDefaultsAreTheNetworksOwn() throws Exception {
    Environment env = Environment.of(Map.of("OSMOSE_NETWORK", "osmose-2018"), dir);
    SettingsSources sources = SettingsSources.open(Map.of(), env);
    NodeSettings settings = NodeSettings.resolve(sources);
    sources.requireValid();
    assertThat(settings.network().network().name()).isEqualTo("osmose");
    assertThat(settings.storage().path()).isEqualTo(dir.resolve(".osmose").resolve("osmose"));
    // a network ARK has no port for: core-p2p's default
    assertThat(settings.p2p().port().value()).isEqualTo(P2pSettings.ARK_PORT);
    assertThat(settings.p2p().port().describeSource()).isEqualTo("default ARK's");
    assertThat(settings.api().port().value()).isEqualTo(4003);
    assertThat(settings.api().host().value()).isEqualTo("127.0.0.1");
    assertThat(settings.forging().forges()).isFalse();
    assertThat(settings.logging().logDir(Path.of("/d"))).isEqualTo(Path.of("/d/logs"));
  }

  @Test
  void theP2pPortIsTheNetworksAsArkHasThem() throws Exception {
    for (var expected : Map.of("testnet", 4000, "mainnet", 4001, "devnet", 4002).entrySet()) {
      SettingsSources sources =
          SettingsSources.open(Map.of("network", expected.getKey()), Environment.of(Map.of(), dir));
      P2pSettings p2p = NodeSettings.resolve(sources).p2p();
      assertThat(p2p.port().value()).as(expected.getKey()).isEqualTo(expected.getValue());
      assertThat(p2p.port().describeSource()).isEqualTo("default ARK's for " + expected.getKey());
    }
    // a network file may name its own
    Path file = dir.resolve("net.json");
    String testnet =
        new String(
            NodeSettings.class.getResourceAsStream("/networks/testnet/network.json").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(
        file, testnet.replaceFirst("\"network\"\\s*:\\s*\\{", "\"network\": {\"p2pPort\": 4100,"));
    SettingsSources sources =
        SettingsSources.open(Map.of("network", file.toString()), Environment.of(Map.of(), dir));
    P2pSettings p2p = NodeSettings.resolve(sources).p2p();
    sources.requireValid();
    assertThat(p2p.port().value()).isEqualTo(4100);
    assertThat(p2p.port().describeSource()).isEqualTo("default network testnet's definition");
  }

  @Test
  void relativePathsInTheFileAreRelativeToTheFile() throws Exception {
    Path file = configFile("dataDir: data\nforging:\n  secrets: keys/d.secrets\n");
    SettingsSources sources =
        SettingsSources.open(Map.of("config", file.toString()), Environment.of(Map.of(), dir));
    NodeSettings settings = NodeSettings.resolve(sources);
    assertThat(settings.storage().path()).isEqualTo(file.getParent().resolve("data"));
    assertThat(settings.forging().secrets().value())
        .contains(file.getParent().resolve("keys/d.secrets"));
  }

  @Test
  void everyProblemIsListedWithItsSource() throws Exception {
    Path file = configFile("api:\n  port: 99999\n");
    Environment env =
        Environment.of(
            Map.of("OSMOSE_P2P_HOST", "999.1.1.1", "OSMOSE_CONFIG", file.toString()), dir);
    SettingsSources sources =
        SettingsSources.open(Map.of("network", "nowhere", "dataDir", ""), env);
    NodeSettings settings = NodeSettings.resolve(sources);

    assertThat(sources.problems())
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).startsWith("--network: unknown network 'nowhere'"))
        .anySatisfy(p -> assertThat(p).startsWith("--data-dir must name a directory"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("api.port (" + file + " line 2) must be between 0 and 65535"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("OSMOSE_P2P_HOST must be an IPv4 address")
                    .contains("999"));
    assertThat(settings.api().port().valid()).isFalse();
    assertThatThrownBy(sources::requireValid)
        .isInstanceOf(SettingsException.class)
        .satisfies(e -> assertThat(((SettingsException) e).problems()).hasSize(4));
  }

  @Test
  void payoutsNeedForging() throws Exception {
    SettingsSources sources =
        SettingsSources.open(Map.of(), Environment.of(Map.of("OSMOSE_PAYOUTS", "true"), dir));
    ForgingSettings forging = ForgingSettings.resolve(sources);
    assertThat(forging.pays()).isTrue();
    assertThat(sources.problems())
        .containsExactly(
            "OSMOSE_PAYOUTS asks for automatic payouts, which need --forge (the delegates' keys"
                + " sign them)");

    SettingsSources withForge =
        SettingsSources.open(
            Map.of(
                "forging.forge", "true", "forging.secrets", "d.secrets", "forging.payouts", "true"),
            Environment.of(Map.of(), dir));
    assertThat(ForgingSettings.resolve(withForge).pays()).isTrue();
    assertThat(withForge.problems()).isEmpty();
  }

  @Test
  void forgingNeedsASecretsFile() throws Exception {
    SettingsSources sources =
        SettingsSources.open(Map.of("forging.forge", "true"), Environment.of(Map.of(), dir));
    ForgingSettings.resolve(sources);
    assertThat(sources.problems())
        .containsExactly("--forge needs --secrets <file> (or OSMOSE_SECRETS, or forging.secrets)");
  }

  @Test
  void aBadSettingsFileIsRefusedAtOnce() {
    Environment env =
        Environment.of(Map.of("OSMOSE_CONFIG", dir.resolve("x.yaml").toString()), dir);
    assertThatThrownBy(() -> SettingsSources.open(Map.of(), env))
        .hasMessageContaining("x.yaml does not exist");
  }

  @Test
  void theBip38PasswordIsOnlyLookedFor() {
    Environment env = Environment.of(Map.of("MY_PASS", "secret words"), dir);
    SettingsSources sources =
        new SettingsSources(Map.of("forging.bip38PasswordEnv", "MY_PASS"), env, Optional.empty());
    ForgingSettings forging = ForgingSettings.resolve(sources);
    assertThat(forging.passwordGiven(env)).isTrue();
    assertThat(forging.bip38PasswordEnv().shown()).isEqualTo("MY_PASS");
    assertThat(List.of(forging.forge(), forging.secrets(), forging.bip38PasswordEnv()))
        .noneMatch(s -> s.shown().contains("secret words"));
  }
}
