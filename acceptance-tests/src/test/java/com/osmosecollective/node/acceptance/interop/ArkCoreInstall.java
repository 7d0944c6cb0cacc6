package com.osmosecollective.node.acceptance.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.osmosecollective.node.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code @arkecosystem/core} 3.9.1 installed from the npm registry into a cache outside the
 * repository ({@code ~/.cache/osmose/ark-core}, once per machine: about 4 minutes, mostly compiling
 * ARK's native modules), with this module's scripts for ARK ({@code src/test/interop}) beside it.
 *
 * <p>{@link #ensure()} skips the test (a JUnit assumption) only when Node.js or npm is not
 * installed or the npm registry cannot be reached; any other install failure fails the test.
 */
record ArkCoreInstall(Path home) {
  static final String VERSION = "3.9.1";
  static final String NO_NODE =
      "ARK Core interop skipped: Node.js is not installed (no node on PATH)";
  static final String NO_NPM = "ARK Core interop skipped: npm is not installed (no npm on PATH)";
  static final String NO_REGISTRY =
      "ARK Core interop skipped: the npm registry is unreachable (npm view @arkecosystem/core@"
          + VERSION
          + " failed)";

  private static final List<String> SCRIPTS =
      List.of("install-ark-core.sh", "ark-same-host.cjs", "sign-transfer.cjs");

  static ArkCoreInstall ensure() {
    assumeTrue(Commands.onPath("node").isPresent(), NO_NODE);
    assumeTrue(Commands.onPath("npm").isPresent(), NO_NPM);
    Path home = Path.of(System.getProperty("user.home"), ".cache", "osmose", "ark-core");
    ArkCoreInstall install = new ArkCoreInstall(home.toAbsolutePath());
    install.copyScripts();
    if (!install.isComplete()) {
      assumeTrue(
          Commands.run(null, 120, "npm", "view", "@arkecosystem/core@" + VERSION, "version").ok(),
          NO_REGISTRY);
      Commands.Result result =
          Commands.run(
              home, 1800, "bash", home.resolve("install-ark-core.sh").toString(), home.toString());
      if (!result.ok()) {
        throw new AssertionError(
            "installing @arkecosystem/core "
                + VERSION
                + " failed (exit "
                + result.exitCode()
                + "): see "
                + log("npm-install")
                + " and "
                + log("npm-rebuild")
                + "\n"
                + result.output());
      }
    }
    return install;
  }

  private static Path log(String name) {
    return Path.of(System.getProperty("user.home"), ".cache", "osmose", "ark-core", "logs")
        .resolve(name + ".log");
  }

  boolean isComplete() {
    return Files.exists(home.resolve("node_modules/.osmose-ark-core-" + VERSION + "-complete"));
  }

  /** ARK Core's command line entry ({@code bin/run}). */
  Path coreRun() {
    return home.resolve("node_modules/@arkecosystem/core/bin/run");
  }

  Path script(String name) {
    return home.resolve(name);
  }

  /** The scripts run from the cache so that they find ARK's node_modules. */
  private void copyScripts() {
    Path source = TestData.projectRoot().resolve("acceptance-tests/src/test/interop");
    try {
      Files.createDirectories(home);
      for (String script : SCRIPTS) {
        Files.copy(
            source.resolve(script), home.resolve(script), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
