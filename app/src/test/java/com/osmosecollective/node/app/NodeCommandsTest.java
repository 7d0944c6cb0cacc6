package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument and secrets checks of {@code osmose devnet} and {@code osmose start}. */
class NodeCommandsTest {
  @TempDir Path dir;

  @Test
  void devnetRefusesABlocktimeWithoutAForgingWindow() {
    CliRun run = CliRun.of("devnet", "--data-dir", dir.toString(), "--blocktime", "1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--blocktime must be at least 2");
    assertThat(dir.resolve("network.json")).doesNotExist();
  }

  @Test
  void startRefusesASecretsFileOthersCanRead() throws Exception {
    Path secrets = dir.resolve("secrets.txt");
    Files.writeString(secrets, "osmose devnet delegate 1\n");
    Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
    Path network = devnetNetworkFile();

    CliRun run =
        CliRun.of(
            "start",
            "--network",
            network.toString(),
            "--data-dir",
            dir.resolve("node").toString(),
            "--forge",
            "--secrets",
            secrets.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("accessible by group or others").contains("chmod 600");
    assertThat(dir.resolve("node")).doesNotExist();
  }

  @Test
  void startNeedsSecretsToForge() throws Exception {
    CliRun run =
        CliRun.of(
            "start",
            "--network",
            devnetNetworkFile().toString(),
            "--data-dir",
            dir.resolve("node").toString(),
            "--forge");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--forge needs --secrets");
  }

  @Test
  void startRefusesANetworkWithoutGenesisBlock() {
    CliRun run = CliRun.of("start", "--network", "devnet", "--data-dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("has no genesis block").contains("osmose devnet");
  }

  private Path devnetNetworkFile() throws Exception {
    return new com.osmosecollective.node.genesis.DevnetNetworkFile()
        .createOrLoad(dir.resolve("devnet"), null)
        .file();
  }
}
