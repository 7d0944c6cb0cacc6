package com.osmosecollective.node.funding.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Proposal documents for tests. */
public final class Documents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Documents() {}

  /**
   * A proposal with the voters' share and named shares in basis points.
   *
   * @param shares name → {address, basis points}; must sum with {@code votersBp} to 10,000
   */
  public static byte[] proposal(String title, int votersBp, Map<String, Object[]> shares) {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", title);
    root.put("description", "test proposal " + title);
    root.putArray("missions").addObject().put("name", "mission of " + title);
    ArrayNode split = root.putArray("split");
    split
        .addObject()
        .put("name", "voters")
        .put("voters", true)
        .put("percent", BigDecimal.valueOf(votersBp, 2));
    for (Map.Entry<String, Object[]> e : shares.entrySet()) {
      split
          .addObject()
          .put("name", e.getKey())
          .put("address", (String) e.getValue()[0])
          .put("percent", BigDecimal.valueOf((Integer) e.getValue()[1], 2));
    }
    root.putObject("payoutPeriod").put("blocks", 51);
    root.put("minimumPayout", "1");
    try {
      return JSON.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Object[]> shares(Object... nameAddressBp) {
    Map<String, Object[]> out = new LinkedHashMap<>();
    for (int i = 0; i < nameAddressBp.length; i += 3) {
      out.put((String) nameAddressBp[i], new Object[] {nameAddressBp[i + 1], nameAddressBp[i + 2]});
    }
    return out;
  }
}
