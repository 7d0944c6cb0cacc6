package com.osmosecollective.node.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ARK-generated test vectors in {@code ../shared/vectors} (relative to the project root). Tests
 * that need them skip, with a message saying why, when the folder is absent.
 */
public final class SharedVectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SharedVectors() {}

  public static Path projectRoot() {
    String root = System.getProperty("osmose.projectRoot");
    return root != null ? Path.of(root) : Path.of("").toAbsolutePath();
  }

  public static Path directory() {
    Path root = projectRoot();
    Path candidate = root.resolve("../shared/vectors").normalize();
    if (!Files.isDirectory(candidate)) {
      // run from a module directory rather than the project root
      candidate = root.resolve("../../shared/vectors").normalize();
    }
    return candidate;
  }

  /** The vectors folder, or a skipped test when it is absent. */
  public static Path require() {
    Path dir = directory();
    assumeTrue(
        Files.isDirectory(dir),
        "ARK test vectors not found at "
            + dir
            + " (expected ../shared/vectors beside the project)");
    return dir;
  }

  /** Parses one vector file, skipping the test when the folder is absent. */
  public static JsonNode load(String fileName) {
    Path file = require().resolve(fileName);
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file under {@code ../shared} other than the vectors (networks, samples). */
  public static Path shared(String relative) {
    Path dir = require().getParent().resolve(relative);
    assumeTrue(Files.exists(dir), relative + " not found under ../shared");
    return dir;
  }
}
