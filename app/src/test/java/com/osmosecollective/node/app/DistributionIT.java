package com.osmosecollective.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution tarball that {@code package} builds (app/target/osmose-<version>.tar.gz),
 * unpacked in a temp dir: its launcher runs, with the memory flags it promises, and its systemd
 * unit says what an operator needs.
 */
class DistributionIT {
  @TempDir static Path unpacked;
  static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    Path target = Path.of("target");
    Path tarball;
    try (Stream<Path> files = Files.list(target)) {
      tarball =
          files
              .filter(f -> f.getFileName().toString().matches("osmose-.+\\.tar\\.gz"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no osmose-<version>.tar.gz in app/target: ./mvnw package builds it"
                              + " (unless -DskipDist)"));
    }
    Run tar = run(List.of("tar", "xzf", tarball.toAbsolutePath().toString()), unpacked, Map.of());
    assertThat(tar.exitCode()).as(tar.output()).isZero();
    try (Stream<Path> dirs = Files.list(unpacked)) {
      home = dirs.findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString()).startsWith("osmose-");
  }

  private record Run(int exitCode, String output) {}

  private static Run run(List<String> command, Path dir, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("OSMOSE_"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 60 s:\n" + output);
    }
    return new Run(process.exitValue(), output);
  }

  @Test
  void theLauncherRunsTheVersionCommandFromAnyDirectory() throws Exception {
    Path launcher = home.resolve("bin/osmose");
    assertThat(Files.getPosixFilePermissions(launcher)).contains(PosixFilePermission.OWNER_EXECUTE);
    Run version = run(List.of(launcher.toString(), "--version"), unpacked.getRoot(), Map.of());
    assertThat(version.exitCode()).as(version.output()).isZero();
    assertThat(version.output().strip()).isEqualTo("osmose-node 0.1.0-SNAPSHOT");

    // through a symlink too (as /usr/local/bin/osmose -> /opt/osmose/bin/osmose)
    Path link = Files.createSymbolicLink(unpacked.resolve("osmose-link"), launcher);
    Run viaLink =
        run(
            List.of(link.toString(), "economics", "--network", "testnet", "--years", "1"),
            unpacked,
            Map.of());
    assertThat(viaLink.exitCode()).as(viaLink.output()).isZero();
    assertThat(viaLink.output()).contains("Economics of testnet");
  }

  @Test
  void theLauncherBoundsTheJvmsMemory() throws Exception {
    Run flags =
        run(
            List.of(home.resolve("bin/osmose").toString(), "--version"),
            unpacked,
            Map.of("OSMOSE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"));
    assertThat(flags.exitCode()).as(flags.output()).isZero();
    assertThat(flags.output())
        .contains("-XX:MaxHeapSize=134217728")
        .contains("-XX:MaxDirectMemorySize=50331648")
        .contains("-XX:ReservedCodeCacheSize=41943040")
        .contains("-XX:MaxMetaspaceSize=100663296")
        .contains("-XX:+UseSerialGC");
    Run bigger =
        run(
            List.of(home.resolve("bin/osmose").toString(), "--version"),
            unpacked,
            Map.of("OSMOSE_HEAP", "512m", "OSMOSE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"));
    assertThat(bigger.output()).contains("-XX:MaxHeapSize=536870912");
    String launcher = Files.readString(home.resolve("bin/osmose"));
    assertThat(launcher).contains("MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}");
  }

  @Test
  void theSystemdUnitRunsTheNodeAsAServiceUser() throws Exception {
    String unit = Files.readString(home.resolve("systemd/osmose.service"));
    assertThat(unit)
        .contains("User=osmose")
        .contains("Restart=on-failure")
        .contains("KillSignal=SIGTERM")
        .contains("SuccessExitStatus=143")
        .contains("Environment=OSMOSE_DATA_DIR=/var/lib/osmose")
        .contains("Environment=OSMOSE_LOG_DIR=/var/log/osmose")
        .contains("ExecStart=/opt/osmose/bin/osmose start");
    assertThat(home.resolve("systemd/osmose.env")).isRegularFile();
    assertThat(home.resolve("specs/testnet.yaml")).isRegularFile();
    try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
      assertThat(jars.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("osmose-"))
          .anyMatch(n -> n.startsWith("rocksdbjni-"));
    }
  }
}
