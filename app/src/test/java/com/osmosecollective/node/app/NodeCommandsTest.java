package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.forger.SecretsFile;
import com.osmosecollective.node.core.crypto.Bip38;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.genesis.DevnetNetworkFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument and secrets checks of {@code osmose devnet} and {@code osmose start}. */
class NodeCommandsTest {
  @TempDir Path dir;

  @Test
  void devnetRefusesABlocktimeWithoutAForgingWindowOrLongerThanAnHour() {
    CliRun run = CliRun.of("devnet", "--data-dir", dir.toString(), "--blocktime", "1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--blocktime must be between 2 and 3600 s")
        .contains("first half of its slot")
        .hasLineCount(1);
    assertThat(dir.resolve("network.json")).doesNotExist();

    CliRun slow = CliRun.of("devnet", "--data-dir", dir.toString(), "--blocktime", "3601");
    assertThat(slow.exitCode()).isEqualTo(2);
    assertThat(slow.err())
        .contains("--blocktime must be between 2 and 3600 s")
        .contains("more than two days")
        .contains("not '3601'");
    assertThat(dir.resolve("network.json")).doesNotExist();
  }

  @Test
  void devnetRefusesAnOlderDevnetWhoseBlocktimeIsTooShortToForge() throws Exception {
    new DevnetNetworkFile().createOrLoad(dir, 1);
    CliRun run = CliRun.of("devnet", "--data-dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("created with a blocktime of 1 s, too short to forge in");
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
  void startRefusesBip38KeysWithoutOrWithAWrongPassword() throws Exception {
    Path secrets = dir.resolve("secrets.txt");
    String encrypted =
        Bip38.encrypt(PrivateKey.fromPassphrase("osmose devnet delegate 1"), true, "right one");
    SecretsFile.write(secrets, List.of("osmose devnet delegate 2", "bip38:" + encrypted));
    Path network = devnetNetworkFile();
    String unset = "OSMOSE_TEST_UNSET_" + System.nanoTime();

    CliRun missing = startForging(network, secrets, "--bip38-password-env", unset);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .contains("holds BIP38 keys but no password")
        .contains("set " + unset)
        .hasLineCount(1);

    // PATH is set in every test JVM and is certainly not the password
    CliRun wrong = startForging(network, secrets, "--bip38-password-env", "PATH");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("line 2").contains("wrong password").hasLineCount(1);
    assertThat(dir.resolve("node")).doesNotExist();
  }

  private CliRun startForging(Path network, Path secrets, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "start",
                "--network",
                network.toString(),
                "--data-dir",
                dir.resolve("node").toString(),
                "--forge",
                "--secrets",
                secrets.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void startRefusesPayoutsWithoutForging() throws Exception {
    CliRun run =
        CliRun.of(
            "start",
            "--network",
            devnetNetworkFile().toString(),
            "--data-dir",
            dir.resolve("node").toString(),
            "--payouts");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "--payouts asks for automatic payouts, which need --forge (the delegates' keys sign"
                + " them)");
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
  void anApiPortOutOfRangeIsRefusedBeforeAnythingIsCreated() {
    Path data = dir.resolve("devnet");
    CliRun run = CliRun.of("devnet", "--data-dir", data.toString(), "--api-port", "70000");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--api-port must be between 0 and 65535").hasLineCount(1);
    assertThat(data).doesNotExist();
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
