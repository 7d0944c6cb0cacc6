package com.osmosecollective.node.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's {@code testdata/} folder: ARK-generated vectors ({@code vectors/}), answers
 * recorded from a real ARK Core 3.9.1 node ({@code ark-samples/}) and the published OSMOSE 2018
 * network ({@code networks/}); {@code testdata/README.md} says where each came from. A missing file
 * fails the test that needs it: the data is part of the project, never optional.
 */
public final class TestData {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TestData() {}

  /** The project root: Maven's multi-module directory, else the working directory. */
  public static Path projectRoot() {
    String root = System.getProperty("osmose.projectRoot");
    return root != null ? Path.of(root) : Path.of("").toAbsolutePath();
  }

  /** The {@code testdata} folder; fails when it is not found. */
  public static Path root() {
    Path start = projectRoot();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("testdata");
      if (Files.isRegularFile(candidate.resolve("MANIFEST.sha256"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "testdata/ not found from " + start + " upwards: the repository's test data is missing");
  }

  /** A file or folder under {@code testdata}; fails when it does not exist. */
  public static Path path(String relative) {
    Path file = root().resolve(relative);
    if (!Files.exists(file)) {
      throw new IllegalStateException("test data file missing: testdata/" + relative);
    }
    return file;
  }

  /** The ARK-generated vectors folder ({@code testdata/vectors}). */
  public static Path vectors() {
    return path("vectors");
  }

  /** Parses one vector file of {@code testdata/vectors}. */
  public static JsonNode load(String fileName) {
    return readJson(vectors().resolve(fileName));
  }

  /** A recorded ARK Core 3.9.1 answer ({@code testdata/ark-samples/<file>}). */
  public static Path arkSample(String file) {
    return path("ark-samples/" + file);
  }

  /** Parses a recorded ARK Core 3.9.1 answer. */
  public static JsonNode loadArkSample(String file) {
    return readJson(arkSample(file));
  }

  private static JsonNode readJson(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("test data file missing: " + file);
    }
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
