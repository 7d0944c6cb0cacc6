package com.osmosecollective.node.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.encoding.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code testdata/} is listed in {@code MANIFEST.sha256} with its hash, and nothing
 * else is: a changed, added or removed vector fails here until the manifest says so.
 */
class TestDataManifestTest {

  @Test
  void everyTestDataFileMatchesTheManifest() throws Exception {
    Path root = TestData.root();
    Map<String, String> listed = new TreeMap<>();
    for (String line : Files.readAllLines(root.resolve("MANIFEST.sha256"))) {
      if (line.isBlank()) {
        continue;
      }
      String hash = line.substring(0, 64);
      String name = line.substring(64).strip();
      listed.put(name.startsWith("./") ? name.substring(2) : name, hash);
    }

    Map<String, String> actual = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (!name.equals("MANIFEST.sha256")) {
          actual.put(name, sha256(file));
        }
      }
    }

    assertThat(listed).as("testdata/MANIFEST.sha256 against the files").isEqualTo(actual);
    assertThat(actual).containsKeys("vectors/transactions-v2.json", "ark-samples/_index.tsv");
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return Hex.encode(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
