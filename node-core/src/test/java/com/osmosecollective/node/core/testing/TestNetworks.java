package com.osmosecollective.node.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkLoader;

/**
 * Small synthetic networks for tests that need no file of testdata/: pubKeyHash 115, 20 s blocks,
 * 51 delegates, aip11 from height 1, and a switch to full sha256 block ids at height 10.
 */
public final class TestNetworks {
  public static final int PUB_KEY_HASH = 115;
  public static final int FULL_SHA256_FROM = 10;

  private TestNetworks() {}

  public static Network osm() {
    return osm("{}");
  }

  /** The same network with this {@code exceptions} object (ARK's exceptions.json). */
  public static Network osm(String exceptionsJson) {
    String json =
        """
        {"exceptions": %s,
         "network": {"name": "unit", "pubKeyHash": 115, "wif": 44, "nethash": "",
                     "client": {"token": "OSMOSE", "symbol": "OSM"}},
         "milestones": [
           {"height": 1, "reward": 200000000000, "activeDelegates": 51, "blocktime": 20,
            "epoch": "2017-02-21T13:00:00.000Z", "aip11": true, "htlcEnabled": true, "aip37": true,
            "block": {"version": 0, "maxTransactions": 150, "maxPayload": 6300000, "idFullSha256": false},
            "fees": {"staticFees": {"transfer": 100000000}}},
           {"height": 10, "block": {"idFullSha256": true}}
         ]}
        """
            .formatted(exceptionsJson);
    try {
      return new NetworkLoader().fromJson(new ObjectMapper().readTree(json), null);
    } catch (Exception e) {
      throw new IllegalStateException("the test network is valid", e);
    }
  }
}
