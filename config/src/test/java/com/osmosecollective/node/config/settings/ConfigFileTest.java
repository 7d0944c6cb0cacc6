package com.osmosecollective.node.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  private ConfigFile read(String yaml) throws Exception {
    Path file = dir.resolve("osmose.yaml");
    Files.writeString(file, yaml);
    return ConfigFile.read(file, NodeSettings.allKeys());
  }

  private String refusal(String yaml) {
    Path file = dir.resolve("bad.yaml");
    try {
      Files.writeString(file, yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return assertThatThrownBy(() -> ConfigFile.read(file, NodeSettings.allKeys()))
        .isInstanceOf(SettingsException.class)
        .actual()
        .getMessage();
  }

  @Test
  void nestedKeysListsAndMappingsAreFlattenedWithTheirLines() throws Exception {
    ConfigFile file =
        read(
            """
            network: testnet
            # comment
            api:
              port: 4013
              disabled: false
            p2p:
              peers:
                - 10.0.0.1:4002
                - 10.0.0.2:4002
            logging:
              levels:
                com.osmosecollective.node.p2p: DEBUG
                osmose.blocks: warn
            """);
    assertThat(file.get("network")).contains(new ConfigFile.Entry("testnet", 1));
    assertThat(file.get("api.port")).contains(new ConfigFile.Entry("4013", 4));
    assertThat(file.get("api.disabled").orElseThrow().text()).isEqualTo("false");
    assertThat(file.get("p2p.peers").orElseThrow().text()).isEqualTo("10.0.0.1:4002,10.0.0.2:4002");
    assertThat(file.get("logging.levels").orElseThrow().text())
        .isEqualTo("com.osmosecollective.node.p2p=DEBUG,osmose.blocks=warn");
    assertThat(file.get("api.host")).isEmpty();
  }

  @Test
  void webhookSettingsNestUnderApi() throws Exception {
    ConfigFile file =
        read(
            """
            api:
              port: 4013
              webhooks:
                enabled: true
                port: 4014
            """);
    assertThat(file.get("api.webhooks.enabled")).contains(new ConfigFile.Entry("true", 4));
    assertThat(file.get("api.webhooks.port")).contains(new ConfigFile.Entry("4014", 5));
    assertThat(file.get("api.port")).contains(new ConfigFile.Entry("4013", 2));
  }

  @Test
  void anEmptyFileSetsNothing() throws Exception {
    assertThat(read("").get("network")).isEmpty();
  }

  @Test
  void unknownRepeatedAndEmptyKeysAreRefusedWithFileAndLine() {
    assertThat(refusal("network: testnet\napi:\n  hots: 1.2.3.4\n"))
        .contains("bad.yaml line 3")
        .contains("unknown setting 'api.hots'")
        .contains("api.host");
    assertThat(refusal("api:\n  port: 1\napi:\n  port: 2\n"))
        .contains("line 4")
        .contains("'api.port' is set twice (first on line 2)");
    assertThat(refusal("network:\n")).contains("line 1").contains("'network' has no value");
    assertThat(refusal("- a\n- b\n")).contains("top level must be a mapping");
    assertThat(refusal("network: testnet\n---\nnetwork: mainnet\n"))
        .contains("more than one YAML document");
    assertThat(refusal("p2p:\n  peers:\n    - [nested]\n")).contains("list of plain values");
  }

  @Test
  void aPasswordIsNeverReadFromTheFile() {
    assertThat(refusal("forging:\n  bip38Password: hunter22\n"))
        .contains("never read from the settings file")
        .doesNotContain("hunter22");
  }

  @Test
  void syntaxErrorsNameTheFileAndLine() {
    assertThat(refusal("network: testnet\napi: [unclosed\n"))
        .contains("bad.yaml line 2: 'api' must be a mapping of its settings (api.*)");
    assertThat(refusal("network: \"unclosed\n  api: 1\n"))
        .containsPattern("bad.yaml line [12] is not valid YAML: .*quoted scalar");
  }

  @Test
  void oversizedAndMissingFilesAreRefusedBeforeReading() throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "# " + "x".repeat((int) ConfigFile.MAX_BYTES) + "\n");
    assertThatThrownBy(() -> ConfigFile.read(big, List.of()))
        .hasMessageContaining("larger than 256 KiB");
    assertThatThrownBy(() -> ConfigFile.read(dir.resolve("none.yaml"), List.of()))
        .hasMessageContaining("none.yaml does not exist");
  }
}
