package com.osmosecollective.node.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.acceptance.dsl.Cluster;
import com.osmosecollective.node.acceptance.dsl.Node;
import com.osmosecollective.node.core.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARK's own JavaScript SDKs, unchanged ({@code @arkecosystem/crypto} 3.12.0 and {@code
 * @arkecosystem/client} 3.0.0, installed from the npm registry), against a real {@code osmose
 * devnet}: crypto configured from the node, a transfer, a vote and a multi-payment signed, posted,
 * forged and read back through every relevant client resource; a duplicate and garbage answered as
 * ARK does. Skips, saying so, where Node.js or the npm registry is not available.
 */
class ArkSdkAcceptanceIT {
  private static final Pattern FUNDED =
      Pattern.compile("funded wallets[^\\n]*\\n\\s+\\S+\\s+\\d+ \\S+\\s+\"([^\"]+)\"");

  @TempDir Path dir;

  @Test
  void arkSdksSignPostAndReadBackThroughAnOsmoseNode() throws Exception {
    Path sdk = installSdks();
    try (Cluster cluster = Cluster.in(dir)) {
      Node devnet = cluster.devnet("devnet").args(Cluster.blocktimeArgs()).start();
      String passphrase = devnet.awaitLog(FUNDED, Duration.ofSeconds(10));
      devnet.awaitHeight(2, Duration.ofSeconds(30));

      ProcessBuilder script = new ProcessBuilder("node", sdk.resolve("sdk-check.js").toString());
      script.directory(sdk.toFile());
      script.environment().put("NODE_BACKEND", "js"); // bcrypto's pure-JS backend: no native build
      script.environment().put("OSMOSE_API", devnet.api().base().resolve("api").toString());
      script.environment().put("OSMOSE_PASSPHRASE", passphrase);
      script.redirectError(dir.resolve("sdk-check.err").toFile());
      Process process = script.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
      String err = Files.readString(dir.resolve("sdk-check.err"));
      assertThat(process.exitValue()).as("sdk-check.js: %s%n%s", err, out).isZero();

      JsonNode report = new ObjectMapper().readTree(out);
      assertThat(report.path("checks")).hasSizeGreaterThanOrEqualTo(20);
      report.path("checks").forEach(c -> assertThat(c.path("ok").asBoolean()).isTrue());
      String repeated = report.path("duplicate").path("errors").toString();
      if (!repeated.contains("ERR_DUPLICATE")) {
        // forged before the repeat arrived (3 s blocks): ARK 3.9 has no "already forged" error and
        // refuses it by its nonce, as this node does
        assertThat(repeated).contains("ERR_APPLY").contains("nonce");
      }
      assertThat(report.path("forged")).hasSize(3);
    }
  }

  /** Installs the SDKs once per machine (cached); skips when Node.js or npm is unavailable. */
  private static Path installSdks() throws IOException, InterruptedException {
    assumeTrue(runs("node", "--version"), "Node.js is not installed (node not on PATH)");
    assumeTrue(runs("npm", "--version"), "npm is not installed (npm not on PATH)");
    Path cache =
        Path.of(System.getProperty("user.home"), ".cache", "osmose", "sdk-check").toAbsolutePath();
    Files.createDirectories(cache);
    Path source = TestData.projectRoot().resolve("acceptance-tests/src/test/js");
    for (String file : List.of("package.json", "sdk-check.js")) {
      Files.copy(
          source.resolve(file),
          cache.resolve(file),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(cache.resolve("node_modules/@arkecosystem/client"))) {
      Process npm =
          new ProcessBuilder("npm", "install", "--ignore-scripts", "--no-audit", "--no-fund")
              .directory(cache.toFile())
              .redirectErrorStream(true)
              .redirectOutput(cache.resolve("npm-install.log").toFile())
              .start();
      boolean done = npm.waitFor(300, TimeUnit.SECONDS);
      assumeTrue(
          done && npm.exitValue() == 0,
          "npm could not install @arkecosystem/client and @arkecosystem/crypto (registry"
              + " unreachable?): see "
              + cache.resolve("npm-install.log"));
    }
    return cache;
  }

  private static boolean runs(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
