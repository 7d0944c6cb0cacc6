package com.osmosecollective.node.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.testing.SteppedClock;
import com.osmosecollective.node.p2p.transport.Violation;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReputationTest {
  @Test
  @DisplayName("SV-028/SV-069: violations count per IP; the threshold bans for the ban time")
  void thresholdBansForTheBanTime() throws Exception {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
    Reputation reputation = new Reputation(clock, 3, Duration.ofMinutes(10));
    List<InetAddress> banned = new ArrayList<>();
    reputation.onBan(banned::add);
    InetAddress bad = InetAddress.getByName("5.6.7.8");
    InetAddress other = InetAddress.getByName("5.6.7.9");

    reputation.record(bad, Violation.BAD_FRAME, "1");
    reputation.record(bad, Violation.RATE_LIMIT, "2");
    reputation.record(other, Violation.DECODING, "other IP");
    assertThat(reputation.isBanned(bad)).isFalse();
    reputation.record(bad, Violation.DECODING, "3");

    assertThat(reputation.isBanned(bad)).isTrue();
    assertThat(reputation.isBanned(other)).isFalse();
    assertThat(banned).containsExactly(bad);
    assertThat(reputation.firstViolation(bad)).contains(Violation.BAD_FRAME);
    assertThat(reputation.count(Violation.DECODING)).isEqualTo(2);

    clock.set(Instant.parse("2026-01-01T00:10:01Z"));
    assertThat(reputation.isBanned(bad)).as("ban expired").isFalse();
    reputation.record(bad, Violation.BAD_FRAME, "a new period starts from zero");
    assertThat(reputation.isBanned(bad)).isFalse();
  }
}
