package com.osmosecollective.node.api;

import static com.osmosecollective.node.api.JsonTrees.assertSameTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageMetaTest {
  private static final Map<String, String> TRANSFORM = Map.of("transform", "true");

  @Test
  void blocksFirstPageMatchesArk() throws Exception {
    assertMeta("blocks_limit2.json", "/blocks", TRANSFORM);
  }

  @Test
  void transactionsFirstPageMatchesArk() throws Exception {
    assertMeta("transactions_limit2.json", "/transactions", TRANSFORM);
  }

  @Test
  void inMemoryListsHaveNoTransformAndExactCounts() throws Exception {
    assertMeta("wallets_limit3.json", "/wallets", Map.of());
    assertMeta("wallets_top.json", "/wallets/top", Map.of());
    assertMeta("delegates_limit3.json", "/delegates", Map.of());
  }

  @Test
  void singlePageHasNoNextAndLastIsPageOne() throws Exception {
    assertMeta("delegates_blocks.json", "/delegates/genesis_1/blocks", TRANSFORM);
  }

  @Test
  void middlePageLinksBothWaysAndKeepsPageInItsPlace() {
    Map<String, String> request = new LinkedHashMap<>();
    request.put("page", "2");
    request.put("limit", "10");
    request.put("orderBy", "height:asc");
    PageMeta meta =
        new PageMeta(
            "/blocks",
            PageMeta.linkQuery(request, TRANSFORM),
            new Pagination(2, 10, 10),
            10,
            25,
            false);

    JsonNode json = meta.toJson();

    assertThat(json.get("pageCount").asLong()).isEqualTo(3);
    assertThat(json.get("next").asText()).isEqualTo("/blocks?page=3&limit=10&transform=true");
    assertThat(json.get("previous").asText()).isEqualTo("/blocks?page=1&limit=10&transform=true");
    assertThat(json.get("last").asText()).isEqualTo("/blocks?page=3&limit=10&transform=true");
  }

  @Test
  void emptyListHasOnePageAndValuesAreEncoded() {
    PageMeta meta =
        new PageMeta(
            "/wallets", Map.of("address", "A b&c~"), new Pagination(1, 100, 0), 0, 0, false);

    JsonNode json = meta.toJson();

    assertThat(json.get("pageCount").asLong()).isEqualTo(1);
    assertThat(json.get("next").isNull()).isTrue();
    assertThat(json.get("self").asText()).isEqualTo("/wallets?address=A%20b%26c~&page=1");
  }

  /** Rebuilds a recorded meta from the request the sample's index names. */
  private static void assertMeta(String sample, String path, Map<String, String> defaults)
      throws Exception {
    JsonNode expected = ArkSamples.load(sample).get("meta");
    String[] request = ArkSamples.requestPath(sample).split("\\?", 2);
    assertThat(request[0]).isEqualTo("/api" + path);
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : request[1].split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], kv[1]);
    }
    Pagination pagination = PaginationValidator.arkDefault().validate(query);
    PageMeta meta =
        new PageMeta(
            path,
            PageMeta.linkQuery(query, defaults),
            pagination,
            expected.get("count").asInt(),
            expected.get("totalCount").asLong(),
            expected.get("totalCountIsEstimate").asBoolean());

    assertSameTree(meta.toJson(), expected);
  }
}
