package com.osmosecollective.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.state.DelegateRanking;
import com.osmosecollective.node.core.state.RandomChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selector over a real wallet state agrees with node-core's own ranking of that state. */
class WalletCandidatesTest {
  @Test
  void selectorAndStateRankingAgreeOnARandomChain() throws Exception {
    RandomChain chain = new RandomChain(11);
    for (int i = 0; i < 40; i++) {
      chain.nextBlock(6);
    }
    List<DelegateCandidate> candidates = WalletCandidates.from(chain.state());
    assertThat(candidates).hasSizeGreaterThanOrEqualTo(RandomChain.DELEGATES);
    assertThat(candidates.stream().filter(c -> c.voteBalance() > 0)).isNotEmpty();

    List<String> selected =
        ActiveDelegateSelector.select(candidates, 51).stream()
            .map(DelegateCandidate::publicKey)
            .toList();
    List<String> ranked =
        DelegateRanking.rank(chain.state()).stream()
            .limit(51)
            .map(DelegateRanking.Ranked::publicKey)
            .toList();
    assertThat(selected).isEqualTo(ranked);
  }
}
