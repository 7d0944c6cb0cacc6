package com.osmosecollective.node.acceptance.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs short external commands and finds programs, for the interop harness. */
final class Commands {
  private Commands() {}

  /** A finished command: its exit code and output (stdout and stderr together). */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code command} in {@code directory} for at most {@code timeoutSeconds}. */
  static Result run(Path directory, long timeoutSeconds, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    try {
      // output to a file: a chatty command never blocks on a full pipe
      Path output = Files.createTempFile("osmose-interop-", ".out");
      try {
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          return new Result(-1, String.join(" ", command) + " timed out");
        }
        return new Result(
            process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  static Result run(Path directory, long timeoutSeconds, String... command) {
    return run(directory, timeoutSeconds, List.of(command));
  }

  /** The executable {@code name} on the PATH, if any. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether this JVM runs as root (PostgreSQL refuses root: it then runs as user postgres). */
  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
