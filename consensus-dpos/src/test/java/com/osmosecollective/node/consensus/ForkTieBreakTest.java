package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.consensus.ForkTieBreak.BranchStart;
import org.junit.jupiter.api.Test;

class ForkTieBreakTest {
  private static final String LOW = "0a" + "0".repeat(62);
  private static final String HIGH = "f1" + "0".repeat(62);

  @Test
  void theBranchWhoseFirstBlockHasTheLaterSlotWinsAsInArk() {
    BranchStart early = new BranchStart(100, HIGH);
    BranchStart late = new BranchStart(103, LOW);
    assertThat(ForkTieBreak.theirsWins(early, late)).isTrue();
    assertThat(ForkTieBreak.theirsWins(late, early)).isFalse();
  }

  @Test
  void twoBlocksOfOneSlotAreOrderedByIdTheLowerWinning() {
    BranchStart low = new BranchStart(100, LOW);
    BranchStart high = new BranchStart(100, HIGH);
    assertThat(ForkTieBreak.theirsWins(high, low)).isTrue();
    assertThat(ForkTieBreak.theirsWins(low, high)).isFalse();
  }

  @Test
  void legacyDecimalIdsCompareByValueNotAsText() {
    // "9..." is above "10..." as text, below it as a number
    BranchStart nine = new BranchStart(100, "9876543210987654321");
    BranchStart ten = new BranchStart(100, "10876543210987654321");
    assertThat(ForkTieBreak.theirsWins(ten, nine)).isTrue();
    assertThat(ForkTieBreak.theirsWins(nine, ten)).isFalse();
  }

  @Test
  void oneBlockIsNoFork() {
    BranchStart same = new BranchStart(100, LOW);
    assertThat(ForkTieBreak.theirsWins(same, new BranchStart(100, LOW))).isFalse();
  }

  @Test
  void exactlyOneSideGivesWayWhateverThePair() {
    BranchStart[] blocks = {
      new BranchStart(100, LOW),
      new BranchStart(100, HIGH),
      new BranchStart(97, "5" + "0".repeat(63))
    };
    for (BranchStart a : blocks) {
      for (BranchStart b : blocks) {
        if (a != b) {
          assertThat(ForkTieBreak.theirsWins(a, b)).isNotEqualTo(ForkTieBreak.theirsWins(b, a));
        }
      }
    }
  }
}
