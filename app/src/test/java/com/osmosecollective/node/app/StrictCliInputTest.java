package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Issue #10: the command line takes ASCII digits only. picocli's own number converters (and
 * Character.digit in hex) would read Arabic-Indic or full-width digits as the same value.
 */
class StrictCliInputTest {
  private static final String ARABIC_THREE = "\u0663";
  private static final String FULL_WIDTH_THREE = "\uff13";

  @Test
  void numericOptionsTakeOnlyAsciiDigits() {
    assertThat(CliRun.of("economics", "--years", "3").exitCode()).isZero();
    for (String years : new String[] {ARABIC_THREE, FULL_WIDTH_THREE, "+3", " 3", "3 "}) {
      CliRun run = CliRun.of("economics", "--years", years);
      assertThat(run.exitCode()).as(years).isEqualTo(CommandLines.EXIT_BAD_INPUT);
      assertThat(run.err()).as(years).contains("--years").contains("ASCII digits");
      assertThat(run.out()).isEmpty();
    }
    CliRun height = CliRun.of("economics", "--height", "1" + ARABIC_THREE);
    assertThat(height.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
  }

  /**
   * A repeated option inside a help group used to start a new group silently: the P2P host given
   * between two {@code --p2p-port}s was dropped and the node bound every interface.
   */
  @Test
  void anOptionGivenTwiceIsRefusedNamingIt() {
    CliRun run =
        CliRun.of("config", "check", "--p2p-port", "0", "--p2p-host", "127.0.0.1", "--p2p-port=5");
    assertThat(run.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("'--p2p-port' is given 2 times");
    CliRun years = CliRun.of("economics", "--years", "3", "--years", "4");
    assertThat(years.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(years.err()).contains("--years");

    CliRun once =
        CliRun.of(
            "config",
            "check",
            "--network",
            "testnet",
            "--p2p-port",
            "0",
            "--p2p-host",
            "127.0.0.1");
    assertThat(once.exitCode()).as(once.err()).isZero();
    assertThat(once.out()).contains("127.0.0.1");
  }

  @Test
  void hexArgumentsTakeOnlyAsciiHexDigits() throws Exception {
    JsonNode vector = TestData.load("transactions-v2.json").path("vectors").get(0);
    String hex = vector.path("serialized").asText();
    String network = TestData.vectors().resolve("osm-network.json").toString();
    assertThat(CliRun.of("tx", "decode", "--network", network, hex).exitCode()).isZero();
    int digit = hex.indexOf('3');
    String arabic = hex.substring(0, digit) + ARABIC_THREE + hex.substring(digit + 1);
    CliRun run = CliRun.of("tx", "decode", "--network", network, arabic);
    assertThat(run.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("hex");
  }
}
