package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.pk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelegateRankingTest {
  private final StateKit kit = new StateKit();

  private void setVotes(PrivateKey d, long voteBalance) {
    Wallet w = kit.wallet(d);
    kit.wallets.put(w.withDelegate(w.delegate().withVoteBalance(voteBalance)));
  }

  @Test
  void byVoteBalanceThenPublicKeyWithoutResigned() {
    List<PrivateKey> ds = kit.delegates("r", 4);
    setVotes(ds.get(0), 5 * OSM);
    setVotes(ds.get(1), 7 * OSM);
    setVotes(ds.get(2), 5 * OSM);
    Wallet resigned = kit.wallet(ds.get(3));
    kit.wallets.put(
        resigned.withDelegate(resigned.delegate().withVoteBalance(99 * OSM).withResigned(true)));

    List<DelegateRanking.Ranked> ranking = DelegateRanking.rank(kit.wallets);

    String low = pk(ds.get(0)).compareTo(pk(ds.get(2))) < 0 ? pk(ds.get(0)) : pk(ds.get(2));
    String high = low.equals(pk(ds.get(0))) ? pk(ds.get(2)) : pk(ds.get(0));
    assertThat(ranking)
        .containsExactly(
            new DelegateRanking.Ranked(1, pk(ds.get(1)), "r1", 7 * OSM),
            new DelegateRanking.Ranked(
                2, low, kit.wallets.byPublicKey(low).delegate().username(), 5 * OSM),
            new DelegateRanking.Ranked(
                3, high, kit.wallets.byPublicKey(high).delegate().username(), 5 * OSM));
  }

  @Test
  void assignRanksMarksTheActiveSet() {
    List<PrivateKey> ds = kit.delegates("r", 3);
    setVotes(ds.get(2), 3);
    setVotes(ds.get(1), 2);
    setVotes(ds.get(0), 1);

    List<DelegateRanking.Ranked> active = DelegateRanking.assignRanks(kit.wallets, 7, 2);

    assertThat(active).extracting(DelegateRanking.Ranked::username).containsExactly("r2", "r1");
    assertThat(kit.wallet(ds.get(2)).delegate().rank()).isEqualTo(1);
    assertThat(kit.wallet(ds.get(2)).delegate().round()).isEqualTo(7);
    assertThat(kit.wallet(ds.get(0)).delegate().rank()).isEqualTo(3);
    assertThat(kit.wallet(ds.get(0)).delegate().round()).isZero();
    assertThrows(IllegalStateException.class, () -> DelegateRanking.assignRanks(kit.wallets, 8, 4));
  }
}
