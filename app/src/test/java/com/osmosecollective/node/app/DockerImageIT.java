package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * docker/Dockerfile built and run: a devnet in the container forges, and its REST API shows the
 * height advancing. Skipped, saying so, where no Docker engine runs.
 */
class DockerImageIT {
  @Test
  void theImageRunsANodeWhoseHeightAdvances() throws Exception {
    Assumptions.assumeTrue(
        DockerClientFactory.instance().isDockerAvailable(),
        "no Docker engine reachable (DOCKER_HOST or /var/run/docker.sock): the image build and"
            + " run are not tested here");
    Path root = Path.of("..").toAbsolutePath().normalize();
    ImageFromDockerfile image =
        new ImageFromDockerfile("osmose-node-it", true)
            .withFileFromPath(".", root)
            .withDockerfile(root.resolve("docker/Dockerfile"));
    try (GenericContainer<?> node =
        new GenericContainer<>(image)
            .withCommand("devnet", "--blocktime", "3")
            .withExposedPorts(4003)
            .waitingFor(
                Wait.forLogMessage(".*forged block height 2 .*", 1)
                    .withStartupTimeout(Duration.ofMinutes(3)))) {
      node.start();
      String url = "http://" + node.getHost() + ":" + node.getMappedPort(4003) + "/api/blockchain";
      long first = height(url);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(height(url)).isGreaterThan(first));
    }
  }

  private static long height(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(response.body());
    return body.path("data").path("block").path("height").asLong();
  }
}
