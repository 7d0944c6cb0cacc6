package com.osmosecollective.node.funding.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoAndRangeTest {
  @Test
  void memosParseOnlyInTheirExactForm() {
    assertThat(PayoutMemo.parse("osmose payout genesis_1 1001-2000"))
        .contains(new PayoutMemo("genesis_1", 1001, 2000));
    assertThat(PayoutMemo.parse("osmose payout genesis_1 2000-1001")).isEmpty();
    assertThat(PayoutMemo.parse("osmose payout genesis_1 1001-2000 ")).isEmpty();
    assertThat(PayoutMemo.parse("osmose payout Genesis 1-2")).isEmpty();
    assertThat(PayoutMemo.parse("osmose payout genesis_1 01-2")).isEmpty();
    assertThat(PayoutMemo.parse(null)).isEmpty();
    assertThat(new PayoutMemo("a", 5, 9).toString()).isEqualTo("osmose payout a 5-9");
  }

  @Test
  void coveredRangesAreTakenOut() {
    HeightRange r = new HeightRange(10, 100);
    assertThat(HeightRange.minus(r, List.of())).containsExactly(r);
    assertThat(
            HeightRange.minus(
                r,
                List.of(new HeightRange(50, 60), new HeightRange(1, 20), new HeightRange(55, 70))))
        .containsExactly(new HeightRange(21, 49), new HeightRange(71, 100));
    assertThat(HeightRange.minus(r, List.of(new HeightRange(5, 100)))).isEmpty();
    assertThat(HeightRange.minus(r, List.of(new HeightRange(100, 200))))
        .containsExactly(new HeightRange(10, 99));
    assertThat(HeightRange.minus(r, List.of(new HeightRange(101, 200)))).containsExactly(r);
  }
}
