package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String vectorNetwork() {
    return TestData.vectors().resolve("osm-network.json").toString();
  }

  @Test
  void identityPrintsKeysAddressAndWif() throws Exception {
    JsonNode vector = TestData.load("identities.json").path("identities").get(0);
    CliRun run =
        CliRun.of("identity", "--network", "osmose-2018", vector.path("passphrase").asText());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = MAPPER.readTree(run.out());
    assertThat(out.path("publicKey").asText()).isEqualTo(vector.path("publicKey").asText());
    assertThat(out.path("address").asText()).isEqualTo(vector.path("address").asText());
    assertThat(out.path("wif").asText()).isEqualTo(vector.path("wif").asText());
  }

  @Test
  void txDecodePrintsArkJsonAndVerification() throws Exception {
    JsonNode vector = TestData.load("transactions-v2.json").path("vectors").get(0);
    String hex = vector.path("serialized").asText();
    CliRun ok = CliRun.of("tx", "decode", "--network", vectorNetwork(), hex);
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    JsonNode out = MAPPER.readTree(ok.out());
    assertThat(out.path("verified").asBoolean()).isTrue();
    ((com.fasterxml.jackson.databind.node.ObjectNode) out).remove("verified");
    assertThat(out.toString()).isEqualTo(vector.path("json").toString());

    // flip the last byte of the signature: still decodes, no longer verifies
    String flipped = hex.substring(0, hex.length() - 2) + (hex.endsWith("00") ? "01" : "00");
    CliRun bad = CliRun.of("tx", "decode", "--network", vectorNetwork(), flipped);
    assertThat(bad.exitCode()).isZero();
    JsonNode badOut = MAPPER.readTree(bad.out());
    assertThat(badOut.path("verified").asBoolean()).isFalse();
    assertThat(badOut.path("reasons").toString()).contains("invalid signature");
  }

  @Test
  void malformedInputIsAOneLineErrorWithExitCode2() {
    for (String hex : new String[] {"zz", "ff02", "ff0273", ""}) {
      CliRun run = CliRun.of("tx", "decode", "--network", "osmose-2018", hex);
      assertThat(run.exitCode()).as(hex).isEqualTo(2);
      assertThat(run.err().strip())
          .startsWith("error:")
          .doesNotContain("\n")
          .doesNotContain("at com.");
      assertThat(run.out()).isEmpty();
    }
    CliRun block = CliRun.of("block", "decode", "--network", "osmose-2018", "00000000");
    assertThat(block.exitCode()).isEqualTo(2);
    assertThat(CliRun.of("tx", "decode", "--network", "nowhere", "00").exitCode()).isEqualTo(2);
  }

  @Test
  void blockDecodePrintsTheBlockWithItsTransactions() throws Exception {
    JsonNode vector = TestData.load("blocks.json").path("blocks").get(1);
    CliRun run =
        CliRun.of(
            "block", "decode", "--network", vectorNetwork(), vector.path("serialized").asText());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = MAPPER.readTree(run.out());
    assertThat(out.path("id").asText()).isEqualTo(vector.path("id").asText());
    assertThat(out.path("transactions")).hasSize(3);
    assertThat(out.path("verified").asBoolean()).isTrue();
  }

  @Test
  void genesisVerifyAcceptsTheShippedBlockAndRejectsAOneByteChange(@TempDir Path dir)
      throws Exception {
    Path original = Files.createTempFile(dir, "genesis", ".json");
    JsonNode genesis =
        new com.osmosecollective.node.config.NetworkLoader().load("osmose-2018").genesisBlock();
    Files.writeString(original, MAPPER.writeValueAsString(genesis));
    CliRun ok = CliRun.of("genesis", "verify", "--network", "osmose-2018", original.toString());
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).contains("52 transactions").endsWith("valid" + System.lineSeparator());

    // one changed character of the first transaction's signature
    String text = Files.readString(original);
    String signature = genesis.path("transactions").get(0).path("signature").asText();
    String changed =
        signature.substring(0, 20)
            + (signature.charAt(20) == 'a' ? 'b' : 'a')
            + signature.substring(21);
    Path tampered = dir.resolve("tampered.json");
    Files.writeString(tampered, text.replace(signature, changed));
    CliRun bad = CliRun.of("genesis", "verify", "--network", "osmose-2018", tampered.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.out()).contains("FAIL").contains("INVALID");

    assertThat(CliRun.of("genesis", "verify", dir.resolve("missing.json").toString()).exitCode())
        .isEqualTo(2);
  }
}
