package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DelegateSelectionTest {

  private static String key(int n) {
    return "02" + String.format("%064x", n);
  }

  private static DelegateCandidate delegate(int n, long balance) {
    return new DelegateCandidate(key(n), balance, false);
  }

  @Test
  void ranksByVoteBalanceThenPublicKeyAndDropsResigned() {
    DelegateCandidate low = delegate(1, 10);
    DelegateCandidate tieB = delegate(0xb, 500);
    DelegateCandidate tieA = delegate(0xa, 500);
    DelegateCandidate tie3 = new DelegateCandidate("03" + "0".repeat(64), 500, false);
    DelegateCandidate high = delegate(7, 900);
    DelegateCandidate resigned = new DelegateCandidate(key(8), 10_000, true);
    List<DelegateCandidate> ranked =
        ActiveDelegateSelector.rank(List.of(low, tieB, resigned, tieA, tie3, high));
    // Equal balances: "020…0a" < "020…0b" < "030…0" in character order.
    assertThat(ranked).containsExactly(high, tieA, tieB, tie3, low);
    assertThat(ActiveDelegateSelector.select(List.of(low, tieB, resigned, tieA, high), 2))
        .containsExactly(high, tieA);
  }

  @Test
  void hexLettersSortAfterDigitsAsArkLocaleCompareDoes() {
    DelegateCandidate digit = new DelegateCandidate("029" + "f".repeat(63), 1, false);
    DelegateCandidate letter = new DelegateCandidate("02a" + "0".repeat(63), 1, false);
    assertThat(ActiveDelegateSelector.rank(List.of(letter, digit))).containsExactly(digit, letter);
  }

  @Test
  void tooFewDelegatesIsFatal() {
    List<DelegateCandidate> two =
        List.of(delegate(1, 1), delegate(2, 2), new DelegateCandidate(key(3), 3, true));
    assertThatThrownBy(() -> ActiveDelegateSelector.select(two, 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected 3");
  }

  @Test
  void aDelegateListedTwiceIsFatal() {
    assertThatThrownBy(() -> ActiveDelegateSelector.rank(List.of(delegate(1, 5), delegate(1, 5))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void candidatesNeedLowercaseCompressedKeysAndNonNegativeBalances() {
    assertThatThrownBy(() -> new DelegateCandidate("02" + "A".repeat(64), 1, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DelegateCandidate("02ab", 1, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DelegateCandidate(key(1), -1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void rankingIsOrderedAndIndependentOfInputOrder(
      @ForAll @IntRange(min = 0, max = 80) int size, @ForAll long shuffleSeed) {
    Random random = new Random(shuffleSeed);
    List<DelegateCandidate> input = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      // few distinct balances so ties are common
      input.add(
          new DelegateCandidate(key(random.nextInt()), random.nextInt(4), random.nextInt(5) == 0));
    }
    if (new HashSet<>(input.stream().map(DelegateCandidate::publicKey).toList()).size() < size) {
      return;
    }
    List<DelegateCandidate> ranked = ActiveDelegateSelector.rank(input);
    List<DelegateCandidate> reordered = new ArrayList<>(input);
    Collections.shuffle(reordered, random);
    assertThat(ActiveDelegateSelector.rank(reordered)).isEqualTo(ranked);
    assertThat(ranked).noneMatch(DelegateCandidate::resigned);
    assertThat(ranked).hasSize((int) input.stream().filter(d -> !d.resigned()).count());
    for (int i = 1; i < ranked.size(); i++) {
      DelegateCandidate before = ranked.get(i - 1);
      DelegateCandidate after = ranked.get(i);
      assertThat(
              before.voteBalance() > after.voteBalance()
                  || (before.voteBalance() == after.voteBalance()
                      && before.publicKey().compareTo(after.publicKey()) < 0))
          .isTrue();
    }
  }

  @Test
  void shuffleOfRoundOneMatchesTheSpecVector() {
    List<Integer> ranks = IntStream.range(0, 51).boxed().toList();
    assertThat(DelegateShuffle.forgingOrder(1, ranks))
        .containsExactly(
            5, 20, 25, 0, 43, 13, 46, 26, 37, 3, 1, 36, 12, 31, 14, 33, 23, 30, 11, 27, 18, 6, 22,
            15, 24, 2, 17, 50, 42, 29, 21, 35, 47, 38, 28, 9, 45, 41, 34, 39, 4, 16, 10, 40, 44, 48,
            7, 8, 32, 49, 19);
    assertThat(DelegateShuffle.forgingOrder(2, ranks)).startsWith(11, 13, 43, 42, 32, 6, 16, 23);
  }

  @Test
  void shuffleSkipsEveryFifthPositionAsSwapSource() {
    // With a 5-element list only positions 0-3 are swap sources; ARK never swaps from 4.
    // Seed sha256("1") starts 6b 86 b2 73: targets 107%5=2, 134%5=4, 178%5=3, 115%5=0.
    List<String> order = DelegateShuffle.forgingOrder(1, List.of("a", "b", "c", "d", "e"));
    // swap(0,2): c b a d e; swap(1,4): c e a d b; swap(2,3): c e d a b; swap(3,0): a e d c b
    assertThat(order).containsExactly("a", "e", "d", "c", "b");
  }

  @Property(tries = 100)
  void shuffleIsAPermutationAndLeavesItsInputAlone(
      @ForAll @IntRange(min = 0, max = 120) int size, @ForAll @IntRange(min = 1) int round) {
    List<Integer> ranks = new ArrayList<>(IntStream.range(0, size).boxed().toList());
    List<Integer> copy = List.copyOf(ranks);
    List<Integer> order = DelegateShuffle.forgingOrder(round, ranks);
    assertThat(ranks).isEqualTo(copy);
    assertThat(order).containsExactlyInAnyOrderElementsOf(copy);
    assertThat(DelegateShuffle.forgingOrder(round, ranks)).isEqualTo(order);
  }
}
