package com.osmosecollective.node.consensus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Milestones;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Networks for tests: the shipped ones and small synthetic ones written inline. */
final class TestNetworks {
  private TestNetworks() {}

  static Network shipped(String name) {
    try {
      return new NetworkLoader().loadShipped(name);
    } catch (NetworkConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Milestones from a JSON list of milestone objects in ARK's shape. */
  static Milestones milestones(String milestonesJson) {
    String json =
        "{\"network\":{\"name\":\"synthetic\",\"pubKeyHash\":115,\"wif\":44},\"milestones\":"
            + milestonesJson
            + "}";
    try {
      return new NetworkLoader().fromJson(new ObjectMapper().readTree(json), null).milestones();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NetworkConfigException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** ARK mainnet's schedule (spec §0): 51 delegates, 8 s, reward 0 then 2 ARK from 75600. */
  static Milestones arkMainnet() {
    return milestones(
        "[{\"height\":1,\"reward\":0,\"activeDelegates\":51,\"blocktime\":8,"
            + "\"epoch\":\"2017-03-21T13:00:00.000Z\"},"
            + "{\"height\":75600,\"reward\":200000000},"
            + "{\"height\":6600000,\"block\":{\"maxTransactions\":150}}]");
  }
}
