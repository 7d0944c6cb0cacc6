package com.osmosecollective.node.funding.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The five vectors of testdata/vectors/ipfs-cid.json (made by ipfs-only-hash, i.e. `ipfs add` with
 * defaults). Generated contents are checked against the vector's sha256 before hashing, so a wrong
 * generator cannot pass as a CID mismatch or the other way round.
 */
class CidV0Test {
  private static JsonNode vector(String name) {
    for (JsonNode v : TestData.load("ipfs-cid.json").get("vectors")) {
      if (v.get("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("vector " + name + " missing from ipfs-cid.json");
  }

  private static void check(String name, byte[] content) throws IOException {
    JsonNode v = vector(name);
    assertThat(content).hasSize(v.get("length").asInt());
    assertThat(Hex.encode(Hashes.sha256(content))).isEqualTo(v.get("sha256").asText());
    String expected = v.get("cidV0").asText();
    assertThat(CidV0.of(content)).isEqualTo(expected);
    assertThat(CidV0.of(new ByteArrayInputStream(content))).isEqualTo(expected);
    assertThat(CidV0.isCidV0(expected)).isTrue();
  }

  private static byte[] hexContent(String name) throws Exception {
    return Hex.decode(vector(name).get("hex").asText());
  }

  @Test
  void emptyContent() throws Exception {
    check("empty", hexContent("empty"));
  }

  @Test
  void helloWorld() throws Exception {
    check("hello-world", hexContent("hello-world"));
  }

  @Test
  void frenchUtf8Proposal() throws Exception {
    check("proposal-fr-utf8", hexContent("proposal-fr-utf8"));
  }

  @Test
  void exactlyOneChunkIsOneLeaf() throws Exception {
    byte[] content = new byte[262_144];
    Arrays.fill(content, (byte) 'a');
    check("one-chunk-262144-a", content);
  }

  @Test
  void twoChunksMakeABalancedRoot() throws Exception {
    byte[] content = new byte[300_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) ((i * 31 + 7) & 255);
    }
    check("two-chunks-300000", content);
  }

  @Test
  void cidV0RecognisesOnlySha256Multihashes() {
    assertThat(CidV0.isCidV0("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o")).isTrue();
    assertThat(CidV0.isCidV0("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5")).isFalse();
    assertThat(CidV0.isCidV0("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"))
        .isFalse();
    assertThat(CidV0.isCidV0("0mT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o")).isFalse();
    assertThat(CidV0.isCidV0(null)).isFalse();
  }
}
