package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.storage.CheckReport;
import com.osmosecollective.node.storage.DatabaseChecker;
import com.osmosecollective.node.storage.StoreOptions;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osmose devnet} as a real process: reaches height 5, survives SIGKILL, and after a restart
 * continues from its committed tip instead of replaying the chain, serving it over the REST API.
 */
class DevnetProcessIT {
  private static final Pattern FORGED = Pattern.compile("forged block height (\\d+) ");
  private static final Pattern RESUMED = Pattern.compile("chain resumed at height (\\d+) ");
  private static final Pattern API =
      Pattern.compile("REST API: +http://127\\.0\\.0\\.1:(\\d+)/api");

  @TempDir Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void devnetReachesHeightFiveAndContinuesAfterSigkill() throws Exception {
    Path data = dir.resolve("devnet");
    Path firstLog = dir.resolve("first.log");
    Process first = start(data, firstLog);
    long before;
    try {
      before = waitFor(firstLog, FORGED, 5, Duration.ofSeconds(40));
    } finally {
      first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
      first.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(before).isGreaterThanOrEqualTo(5);

    Path secondLog = dir.resolve("second.log");
    Process second = start(data, secondLog);
    long resumed;
    long next;
    try {
      resumed = waitFor(secondLog, RESUMED, 1, Duration.ofSeconds(30));
      next = waitFor(secondLog, FORGED, resumed + 1, Duration.ofSeconds(20));
      // the devnet serves its chain over the REST API at the URL it printed
      long port = waitFor(secondLog, API, 1, Duration.ofSeconds(5));
      JsonNode blockchain = getJson(port, "/api/blockchain");
      assertThat(blockchain.path("data").path("block").path("height").asLong())
          .isGreaterThanOrEqualTo(next);
      JsonNode genesis = getJson(port, "/api/blocks/1");
      assertThat(genesis.path("data").path("height").asLong()).isEqualTo(1);
    } finally {
      second.destroy(); // SIGTERM: the shutdown hook closes the database
      second.waitFor(20, TimeUnit.SECONDS);
      second.destroyForcibly();
    }
    assertThat(resumed).as("resumed at the committed tip").isGreaterThanOrEqualTo(before);
    assertThat(next).isGreaterThan(resumed);
    assertThat(forgedHeights(secondLog)).as("no replay from the start").allMatch(h -> h > resumed);
    assertThat(Files.readString(secondLog)).contains("continuing the existing chain");

    CheckReport report = DatabaseChecker.check(StoreOptions.inDataDir(data));
    assertThat(report.problems()).isEmpty();
    assertThat(report.tipHeight()).isGreaterThan(resumed);
  }

  private static JsonNode getJson(long port, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static Process start(Path data, Path log) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(ChildJava.osmose(OsmoseProcess.devnetArgs(data, "--api-port", "0")));
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().remove("OSMOSE_DATA_DIR");
    return builder.start();
  }

  /** Waits until {@code pattern}'s number reaches {@code atLeast}; returns the highest seen. */
  private static long waitFor(Path log, Pattern pattern, long atLeast, Duration timeout)
      throws Exception {
    try {
      return Awaitility.await("'" + pattern + "' >= " + atLeast)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> numbers(log, pattern).stream().mapToLong(Long::longValue).max().orElse(-1),
              highest -> highest >= atLeast);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + ", the node's log:\n" + read(log), e);
    }
  }

  private static List<Long> forgedHeights(Path log) throws Exception {
    return numbers(log, FORGED);
  }

  private static List<Long> numbers(Path log, Pattern pattern) throws Exception {
    List<Long> found = new ArrayList<>();
    Matcher m = pattern.matcher(read(log));
    while (m.find()) {
      found.add(Long.parseLong(m.group(1)));
    }
    return found;
  }

  private static String read(Path log) throws Exception {
    File file = log.toFile();
    return file.exists() ? Files.readString(log) : "";
  }
}
