package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.funding.ipfs.CidV0;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osmose delegate proposal} and {@code payout} on operator input: a document is checked
 * before anything else and each error names its field; a valid one prints the CID the node
 * computes; bad ranges and addresses are refused before the chain is opened. The whole cycle on a
 * running devnet is acceptance-tests' DelegateFundingIT.
 */
class DelegateFundingCommandsTest {
  @TempDir Path dir;

  private static String document(String address, String votersPercent) {
    return "{\"title\":\"t\",\"description\":\"d\",\"missions\":[{\"name\":\"m\"}],"
        + "\"split\":[{\"name\":\"voters\",\"voters\":true,\"percent\":"
        + votersPercent
        + "},{\"name\":\"dev\",\"address\":\""
        + address
        + "\",\"percent\":20}],\"payoutPeriod\":{\"blocks\":51},\"minimumPayout\":\"1\"}";
  }

  @Test
  void aValidProposalPrintsTheCidOfItsBytes() throws Exception {
    Network devnet = new NetworkLoader().loadShipped("devnet");
    String dev =
        Address.fromPublicKey(PrivateKey.fromPassphrase("dev").publicKey(), devnet.pubKeyHash());
    byte[] bytes = document(dev, "80").getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("p.json"), bytes);
    CliRun run =
        CliRun.of("delegate", "proposal", "--network", "devnet", "--file", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("CID: " + CidV0.of(bytes)).contains("no --secrets");
  }

  @Test
  void eachErrorOfAProposalNamesItsField() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad.json"), document("DNotAnAddressAtAll1234567890abcdef", "70"));
    CliRun run =
        CliRun.of("delegate", "proposal", "--network", "devnet", "--file", file.toString());
    assertThat(run.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(run.err()).contains(file + ": split[1].address");
    assertThat(run.out()).doesNotContain("CID");

    Path big = dir.resolve("big.json");
    Files.write(big, new byte[70_000]);
    CliRun tooBig =
        CliRun.of("delegate", "proposal", "--network", "devnet", "--file", big.toString());
    assertThat(tooBig.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(tooBig.err()).contains("larger than 65536 bytes");

    CliRun missing =
        CliRun.of(
            "delegate", "proposal", "--network", "devnet", "--file", dir.resolve("no").toString());
    assertThat(missing.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void payoutInputIsCheckedBeforeTheChainIsOpened() {
    String empty = dir.resolve("nothing-here").toString();
    CliRun backwards =
        CliRun.of(
            "delegate",
            "payout",
            "--network",
            "devnet",
            "--data-dir",
            empty,
            "--delegate",
            "d",
            "--from",
            "10",
            "--to",
            "9");
    assertThat(backwards.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(backwards.err()).contains("2 <= --from <= --to");

    CliRun badExclude =
        CliRun.of(
            "delegate",
            "payout",
            "--network",
            "devnet",
            "--data-dir",
            empty,
            "--delegate",
            "d",
            "--from",
            "2",
            "--to",
            "9",
            "--exclude",
            "nobody");
    assertThat(badExclude.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(badExclude.err()).contains("--exclude nobody is not an address of devnet");

    CliRun badMinimum =
        CliRun.of(
            "delegate",
            "payout",
            "--network",
            "devnet",
            "--data-dir",
            empty,
            "--delegate",
            "d",
            "--from",
            "2",
            "--to",
            "9",
            "--min-amount",
            "0.000000001");
    assertThat(badMinimum.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(badMinimum.err()).contains("at most 8 decimals");

    CliRun noChain =
        CliRun.of(
            "delegate",
            "payout",
            "--network",
            "devnet",
            "--data-dir",
            empty,
            "--delegate",
            "d",
            "--from",
            "2",
            "--to",
            "9",
            "--dry-run");
    assertThat(noChain.exitCode()).isEqualTo(DelegateCommand.EXIT_UNREADABLE);
  }
}
