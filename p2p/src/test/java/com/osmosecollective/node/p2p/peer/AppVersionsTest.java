package com.osmosecollective.node.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppVersionsTest {
  @Test
  void arkAcceptsThreeXAndFourNextOnly() {
    assertThat(AppVersions.accepted("3.9.1")).isTrue();
    assertThat(AppVersions.accepted("3.0.0")).isTrue();
    assertThat(AppVersions.accepted("3.9.1-next.2")).isTrue();
    assertThat(AppVersions.accepted("4.0.0-next.1")).isTrue();
    assertThat(AppVersions.accepted("4.0.0")).isFalse();
    assertThat(AppVersions.accepted("2.7.0")).isFalse();
    assertThat(AppVersions.accepted("3.9")).isFalse();
    assertThat(AppVersions.accepted("03.9.1")).isFalse();
    assertThat(AppVersions.accepted("3.9.1 ")).isFalse();
  }
}
