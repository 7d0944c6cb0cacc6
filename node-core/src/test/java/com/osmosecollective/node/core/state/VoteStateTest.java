package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.key;
import static com.osmosecollective.node.core.state.StateKit.payload;
import static com.osmosecollective.node.core.state.StateKit.pk;
import static com.osmosecollective.node.core.state.StateKit.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Votes, unvotes, vote switches and how voters' balance changes move vote balances (§4.5). */
class VoteStateTest {
  private static final long TRANSFER_FEE = OSM / 10;

  private final StateKit kit = new StateKit();
  private final PrivateKey alice = key("alice");
  private final PrivateKey bob = key("bob");
  private PrivateKey d0;
  private PrivateKey d1;

  @BeforeEach
  void delegates() {
    List<PrivateKey> ds = kit.delegates("d", 2);
    d0 = ds.get(0);
    d1 = ds.get(1);
    kit.fund(alice, 100 * OSM);
  }

  private Transaction vote(PrivateKey sender, String... entries) {
    List<Asset.VoteEntry> votes = new ArrayList<>();
    for (String e : entries) {
      PrivateKey target =
          e.substring(1).equals("d0") ? d0 : e.substring(1).equals("d1") ? d1 : key(e.substring(1));
      votes.add(new Asset.VoteEntry(e.charAt(0) == '+', Bytes.of(target.publicKey())));
    }
    return sign(kit.tx(sender, new Asset.Vote(votes)), sender);
  }

  private void assertBookkeepingExact() {
    assertThat(SupplyCheck.voteBalanceMismatches(kit.wallets.all().values())).isEmpty();
  }

  @Test
  void voteAddsTheStakeAfterFee() throws Exception {
    kit.apply(vote(alice, "+d0"));
    assertThat(kit.wallet(alice).vote()).isEqualTo(pk(d0));
    assertThat(kit.balance(alice)).isEqualTo(99 * OSM);
    assertThat(kit.voteBalance(d0)).isEqualTo(99 * OSM);
    assertBookkeepingExact();
  }

  @Test
  void unvoteRemovesTheStakeBeforeFee() throws Exception {
    kit.apply(vote(alice, "+d0"));
    kit.apply(vote(alice, "-d0"));
    assertThat(kit.wallet(alice).vote()).isNull();
    assertThat(kit.balance(alice)).isEqualTo(98 * OSM);
    assertThat(kit.voteBalance(d0)).isZero();
    assertBookkeepingExact();
  }

  @Test
  void voteSwitchMovesTheStake() throws Exception {
    kit.apply(vote(alice, "+d0"));
    kit.apply(vote(alice, "-d0", "+d1"));
    assertThat(kit.wallet(alice).vote()).isEqualTo(pk(d1));
    assertThat(kit.voteBalance(d0)).isZero();
    assertThat(kit.voteBalance(d1)).isEqualTo(98 * OSM);
    assertBookkeepingExact();
  }

  @Test
  void twoEntriesNeedAip37() throws Exception {
    kit.apply(vote(alice, "+d0"));
    kit.milestone = StateKit.milestone(true, false, true);
    kit.rejects(vote(alice, "-d0", "+d1"), "ERR_INVALID_VOTE");
  }

  @Test
  void voteRejections() throws Exception {
    kit.rejects(vote(alice, "-d0"), "ERR_NO_VOTE");
    kit.rejects(vote(alice, "+stranger"), "ERR_VOTED_FOR_NON_DELEGATE");
    kit.apply(vote(alice, "+d0"));
    kit.rejects(vote(alice, "+d1"), "ERR_ALREADY_VOTED");
    kit.rejects(vote(alice, "-d1"), "ERR_UNVOTE_MISMATCH");
    kit.rejects(vote(alice, "-d0", "+stranger"), "ERR_VOTED_FOR_NON_DELEGATE");
    kit.rejects(vote(alice, "-d0", "-d0"), "ERR_NO_VOTE");
  }

  @Test
  void resignedDelegatesCanBeUnvotedButNotVoted() throws Exception {
    kit.apply(vote(alice, "+d0"));
    kit.wallets.put(kit.wallet(d0).withDelegate(kit.wallet(d0).delegate().withResigned(true)));
    kit.fund(bob, 10 * OSM);
    kit.rejects(vote(bob, "+d0"), "ERR_VOTED_FOR_RESIGNED_DELEGATE");
    kit.apply(vote(alice, "-d0"));
    assertThat(kit.voteBalance(d0)).isZero();
  }

  @Test
  void voterBalanceChangesFollowTheirDelegate() throws Exception {
    kit.apply(vote(alice, "+d0")); // d0: 99
    kit.fund(bob, 50 * OSM);
    kit.apply(vote(bob, "+d1")); // d1: 49

    kit.apply(kit.transfer(alice, bob, 10 * OSM));
    assertThat(kit.voteBalance(d0)).isEqualTo(99 * OSM - 10 * OSM - TRANSFER_FEE);
    assertThat(kit.voteBalance(d1)).isEqualTo(49 * OSM + 10 * OSM);

    PrivateKey carol = key("carol");
    kit.fund(carol, 20 * OSM);
    kit.apply(kit.transfer(carol, alice, 5 * OSM)); // carol has not voted
    assertThat(kit.voteBalance(d0)).isEqualTo(94 * OSM - TRANSFER_FEE);

    Asset payments =
        new Asset.MultiPayment(
            List.of(
                new Asset.Payment(3 * OSM, payload(alice)),
                new Asset.Payment(2 * OSM, payload(carol))));
    kit.apply(sign(kit.tx(bob, payments), bob));
    assertThat(kit.voteBalance(d1)).isEqualTo(59 * OSM - 5 * OSM - TRANSFER_FEE);
    assertThat(kit.voteBalance(d0)).isEqualTo(97 * OSM - TRANSFER_FEE);
    assertBookkeepingExact();
  }

  @Test
  void selfTransferOfAVoterCostsOnlyTheFee() throws Exception {
    kit.apply(vote(alice, "+d0"));
    kit.apply(kit.transfer(alice, alice, 10 * OSM));
    assertThat(kit.voteBalance(d0)).isEqualTo(99 * OSM - TRANSFER_FEE);
    assertBookkeepingExact();
  }

  @Test
  void voteFeesAreCountedOnce() throws Exception {
    kit.apply(vote(alice, "+d0"));
    kit.apply(vote(alice, "-d0", "+d1"));
    kit.apply(vote(alice, "-d1", "+d0"));
    assertThat(kit.balance(alice)).isEqualTo(97 * OSM);
    assertThat(kit.voteBalance(d0)).isEqualTo(97 * OSM);
    assertThat(kit.voteBalance(d1)).isZero();
  }
}
