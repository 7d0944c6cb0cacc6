package com.osmosecollective.node.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Milestone {@code p2p.minimumVersions} read as node-semver ranges, pre-releases included. */
class MinimumVersionsTest {
  @ParameterizedTest(name = "{1} satisfies {0}: {2}")
  @CsvSource({
    // mainnet since 21235300
    ">=3.5.0, 3.9.1, true",
    ">=3.5.0, 3.5.0, true",
    ">=3.5.0, 3.4.9, false",
    ">=3.5.0, 3.5.0-next.1, false",
    ">=3.5.0, 4.0.0-next.0, true",
    // devnet
    ">=2.6, 2.6.0-next.3, true",
    ">=2.6, 2.5.9, false",
    ">=3.0, 3.0.0, true",
    ">=3.0, 2.7.25, false",
    "'>3.5', 3.5.9, false",
    "'>3.5', 3.6.0, true",
    "'>3.5.0', 3.5.0, false",
    "'<3.5.0', 3.5.0-next.1, true",
    "'<=3.5', 3.5.9, true",
    "'^3.0', 3.9.1, true",
    "'^3.0', 4.0.0, false",
    "'~3.5', 3.5.7, true",
    "'~3.5', 3.6.0, false",
    "'~3', 3.9.9, true",
    "'3.9.1', 3.9.1, true",
    "'3.9', 3.9.4, true",
    "'3.9', 3.10.0, false",
    "'>=3.0 <3.9', 3.9.1, false",
    "'>=3.0 <3.9 || >=4.0.0-next.0', 4.0.0-next.2, true",
    "'not a range', 3.9.1, false",
    ">=3.5.0, 'not.a.version', false",
  })
  void ranges(String range, String version, boolean accepted) {
    assertThat(new MinimumVersions(List.of(range)).accepts(version)).isEqualTo(accepted);
  }

  @ParameterizedTest(name = "no list accepts {0}")
  @CsvSource({"3.9.1", "2.0.0"})
  void noListNoLimit(String version) {
    assertThat(new MinimumVersions(List.of()).accepts(version)).isTrue();
  }

  @ParameterizedTest(name = "any of {0} accepts {1}")
  @CsvSource({"3.0.0, true", "2.9.0, false"})
  void anyRangeOfTheList(String version, boolean accepted) {
    assertThat(new MinimumVersions(List.of(">=3.5.0", "3.0.0")).accepts(version))
        .isEqualTo(accepted);
  }
}
