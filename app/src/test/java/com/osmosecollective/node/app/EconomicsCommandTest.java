package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EconomicsCommandTest {
  private static final BigInteger OSM = BigInteger.valueOf(100_000_000L);

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CommandLines.create();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static JsonNode json(Run run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  private static BigDecimal percent(BigInteger part, BigInteger whole) {
    return new BigDecimal(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(new BigDecimal(whole), 2, RoundingMode.HALF_UP);
  }

  @Test
  void mainnetJsonMatchesAnIndependentCalculation() throws IOException {
    JsonNode root = json(run("economics", "--network", "mainnet", "--json"));
    assertThat(root.get("symbol").asText()).isEqualTo("OSM");
    JsonNode years = root.get("years");
    assertThat(years).hasSize(10);

    // White paper: 2000, 1500, 1000, 750 OSM in years 1-4, then 500; 20 s blocks.
    int[] rewardOsm = {2000, 1500, 1000, 750, 500, 500, 500, 500, 500, 500};
    BigInteger blocks = BigInteger.valueOf(365L * 24 * 3600 / 20);
    BigInteger supply = BigInteger.valueOf(10_000_000_000L).multiply(OSM);
    for (int i = 0; i < 10; i++) {
      JsonNode year = years.get(i);
      BigInteger created = blocks.multiply(BigInteger.valueOf(rewardOsm[i])).multiply(OSM);
      BigInteger end = supply.add(created);
      assertThat(year.get("year").asInt()).isEqualTo(i + 1);
      assertThat(year.get("blocks").asLong()).isEqualTo(blocks.longValueExact());
      assertThat(year.get("firstHeight").asLong()).isEqualTo(blocks.longValueExact() * i + 1);
      assertThat(new BigInteger(year.get("rewardMin").asText()))
          .isEqualTo(BigInteger.valueOf(rewardOsm[i]).multiply(OSM));
      assertThat(year.get("rewardMax").asText()).isEqualTo(year.get("rewardMin").asText());
      assertThat(new BigInteger(year.get("coinsCreated").asText())).isEqualTo(created);
      assertThat(new BigInteger(year.get("supplyStart").asText())).isEqualTo(supply);
      assertThat(new BigInteger(year.get("supplyEnd").asText())).isEqualTo(end);
      assertThat(year.get("inflationWhitePaperPercent").decimalValue())
          .isEqualByComparingTo(percent(created, end));
      assertThat(year.get("inflationConventionalPercent").decimalValue())
          .isEqualByComparingTo(percent(created, supply));
      supply = end;
    }
    JsonNode first = years.get(0);
    assertThat(first.get("coinsCreated").asText()).isEqualTo("315360000000000000");
    assertThat(first.get("supplyEnd").asText()).isEqualTo("1315360000000000000");
    assertThat(first.get("inflationWhitePaperPercent").decimalValue())
        .isEqualByComparingTo("23.98");
    assertThat(first.get("inflationConventionalPercent").decimalValue())
        .isEqualByComparingTo("31.54");
  }

  @Test
  void textTableShowsYearOneAsTheBriefStatesIt() {
    Run run = run("economics", "--network", "mainnet", "--years", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String yearOne =
        run.out().lines().filter(l -> l.trim().startsWith("1 ")).findFirst().orElseThrow();
    assertThat(yearOne.trim().split("\\s+"))
        .containsExactly(
            "1",
            "1-1,576,800",
            "1,576,800",
            "2,000",
            "3,153,600,000",
            "13,153,600,000",
            "23.98%",
            "31.54%");
    assertThat(run.out()).contains("premine 10,000,000,000 OSM");
    assertThat(run.out().lines().filter(l -> l.matches("\\s+\\d+\\s+.*"))).hasSize(3);
  }

  @Test
  void aNetworkFileDrivesEverything(@TempDir Path dir) throws IOException {
    // 60 s blocks: 525,600 per year; 10 coins per block, 5 coins from height 700,001.
    Path file = dir.resolve("net.json");
    Files.writeString(
        file,
        "{\"network\":{\"name\":\"tiny\",\"pubKeyHash\":30,\"wif\":170,\"premine\":\"50000000000\","
            + "\"client\":{\"symbol\":\"TNY\"}},"
            + "\"milestones\":[{\"height\":1,\"reward\":1000000000,\"activeDelegates\":5,"
            + "\"blocktime\":60,\"epoch\":\"2020-01-01T00:00:00.000Z\"},"
            + "{\"height\":700001,\"reward\":500000000}]}");
    JsonNode years =
        json(run("economics", "--network", file.toString(), "--years", "2", "--json")).get("years");
    JsonNode second = years.get(1);
    assertThat(years.get(0).get("blocks").asLong()).isEqualTo(525_600);
    assertThat(years.get(0).get("coinsCreated").asText()).isEqualTo("525600000000000");
    assertThat(second.get("rewardMin").asText()).isEqualTo("500000000");
    assertThat(second.get("rewardMax").asText()).isEqualTo("1000000000");
    // heights 525,601-700,000 at 10 coins, 700,001-1,051,200 at 5 coins
    long created = 174_400L * 1_000_000_000L + 351_200L * 500_000_000L;
    assertThat(second.get("coinsCreated").asLong()).isEqualTo(created);
    assertThat(second.get("rewardAverage").asLong()).isEqualTo(created / 525_600);

    Run text = run("economics", "--network", file.toString(), "--years", "2");
    assertThat(text.out()).contains("TNY").contains("5..10");
  }

  @Test
  void badArgumentsFailCleanly() {
    Run zero = run("economics", "--years", "0");
    assertThat(zero.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(zero.err()).contains("--years");
    Run height = run("economics", "--height", "5");
    assertThat(height.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(height.err()).contains("--height");
    Run unknown = run("economics", "--network", "no-such-network");
    assertThat(unknown.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    Run overflow = run("economics", "--years", "200");
    assertThat(overflow.exitCode()).isEqualTo(CommandLines.EXIT_BAD_INPUT);
    assertThat(overflow.err()).contains("fewer years");
  }
}
