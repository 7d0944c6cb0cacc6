package com.osmosecollective.node.funding.payout;

import static com.osmosecollective.node.funding.testing.FundingChain.COIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.funding.ipfs.CidV0;
import com.osmosecollective.node.funding.proposal.DelegateProposal;
import com.osmosecollective.node.funding.proposal.ProposalRegistration;
import com.osmosecollective.node.funding.proposal.ProposalStore;
import com.osmosecollective.node.funding.proposal.ProposalUnavailableException;
import com.osmosecollective.node.funding.proposal.ProposalValidator;
import com.osmosecollective.node.funding.proposal.Proposals;
import com.osmosecollective.node.funding.proposal.UnregisteredProposalException;
import com.osmosecollective.node.funding.testing.Documents;
import com.osmosecollective.node.funding.testing.FundingChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole cycle on a real chain: a delegate registers its proposal (type 5 with the CID the node
 * computes), the document is posted, voters vote, the delegate forges; the payout's signed
 * multi-payments are forged and every recipient's balance rises by exactly the planned amount; a
 * second run over an overlapping range builds nothing; the open account shows no difference.
 */
class PayoutEndToEndTest {
  @TempDir Path dir;

  @Test
  void plannedPayoutsArePaidOnceAndTheAccountsBalance() throws Exception {
    try (FundingChain c = FundingChain.open(dir.resolve("chain"))) {
      Proposals proposals =
          new Proposals(
              c.store.queries(),
              new ProposalValidator(c.network.pubKeyHash()),
              ProposalStore.inDataDir(dir));
      PayoutPlanner planner = new PayoutPlanner(c.store.queries(), proposals);
      PayoutService service =
          new PayoutService(
              c.store.queries(),
              proposals,
              planner,
              new PayoutLedger(c.store.queries(), c.network));
      PrivateKey delegateKey = c.delegate().key();
      String username = c.delegate().username();
      String d = c.delegate().publicKey();
      List<PrivateKey> voters = new ArrayList<>();
      List<Asset.Payment> funding = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        voters.add(PrivateKey.fromPassphrase("e2e voter " + i));
        funding.add(
            new Asset.Payment((500L + 250 * i) * COIN, c.addressBytes(c.address(voters.get(i)))));
      }
      funding.add(new Asset.Payment(100 * COIN, c.addressBytes(c.address(delegateKey))));
      c.forge(
          List.of(
              c.sign(c.rich(), c.fee("multiPayment"), 0, new Asset.MultiPayment(funding), null)));

      String dev = c.address(PrivateKey.fromPassphrase("e2e dev"));
      String dust = c.address(PrivateKey.fromPassphrase("e2e dust"));
      byte[] document =
          Documents.proposal(
              "e2e", 7000, Documents.shares("development", dev, 2999, "dust", dust, 1));
      String cid = CidV0.of(document);
      assertThatThrownBy(() -> proposals.submit(document))
          .isInstanceOf(UnregisteredProposalException.class)
          .hasMessageContaining(cid);
      long nonce = c.wallet(c.address(delegateKey)).nonce() + 1;
      c.forge(
          List.of(
              ProposalRegistration.build(
                  cid,
                  delegateKey,
                  nonce,
                  c.network.milestones().at(c.height() + 1),
                  c.network.pubKeyHash())));
      DelegateProposal submitted = proposals.submit(document);
      assertThat(submitted.username()).isEqualTo(username);
      assertThat(submitted.registration().height()).isEqualTo(c.height());
      assertThat(proposals.current(username).orElseThrow().registration().cid()).isEqualTo(cid);
      assertThat(proposals.all()).extracting(p -> p.registration().cid()).containsExactly(cid);

      List<Transaction> votes = new ArrayList<>();
      for (PrivateKey v : voters) {
        votes.add(
            c.sign(
                v,
                c.fee("vote"),
                0,
                new Asset.Vote(List.of(new Asset.VoteEntry(true, Bytes.of(Hex.decodeOrThrow(d))))),
                null));
      }
      c.forge(votes);
      long from = c.height() + 1;
      for (int i = 0; i < 12; i++) {
        c.forge(List.of());
      }
      long to = c.height();

      HeightRange range = new HeightRange(from, to);
      PayoutRun run = service.run(username, range, new PayoutOptions(null, Set.of(dust)));
      assertThat(run.batches()).hasSize(1);
      PayoutBatch batch = run.batches().get(0);
      assertThat(batch.memo().toString())
          .isEqualTo("osmose payout " + username + " " + from + "-" + to);
      assertThat(batch.plan().blocks()).isNotEmpty();
      assertThat(batch.withheld())
          .containsExactly(
              new PayoutBatch.Withheld(
                  dust, batch.plan().recipient(dust).orElseThrow().amount(), "excluded"));
      PayoutRun highMinimum =
          service.run(username, range, new PayoutOptions(Long.MAX_VALUE, Set.of()));
      assertThat(highMinimum.batches().get(0).payments()).isEmpty();
      assertThat(highMinimum.batches().get(0).withheld()).hasSize(6);
      assertThat(batch.payments()).hasSize(5);

      Map<String, Long> before = new HashMap<>();
      batch.payments().forEach(p -> before.put(p.address(), c.wallet(p.address()).balance()));
      long delegateBefore = c.wallet(c.address(delegateKey)).balance();
      List<Transaction> txs =
          PayoutTransactions.build(
              run,
              delegateKey,
              c.wallet(c.address(delegateKey)).nonce() + 1,
              c.network.milestones().at(c.height() + 1),
              c.network.pubKeyHash());
      assertThat(txs).hasSize(1);
      assertThat(txs.get(0).vendorField()).isEqualTo(batch.memo().toString());
      c.forge(txs);
      for (PayoutBatch.Payment p : batch.payments()) {
        assertThat(c.wallet(p.address()).balance() - before.get(p.address()))
            .as("balance of %s", p.address())
            .isEqualTo(p.amount());
      }
      Wallet delegateAfter = c.wallet(c.address(delegateKey));
      long forgedInPayoutBlock =
          c.store.queries().block(c.height()).orElseThrow().generatorPublicKey().equals(d)
              ? c.store.queries().block(c.height()).orElseThrow().reward()
              : 0;
      assertThat(delegateAfter.balance())
          .isEqualTo(
              delegateBefore
                  - batch.total()
                  - PayoutTransactions.fees(txs)
                  + forgedInPayoutBlock
                  + (forgedInPayoutBlock > 0 ? PayoutTransactions.fees(txs) : 0));

      // a re-run over an overlapping range pays only the new blocks
      PayoutRun again = service.run(username, new HeightRange(from, to), PayoutOptions.defaults());
      assertThat(again.batches()).isEmpty();
      assertThat(again.alreadyPaid()).hasSize(1);
      assertThat(
              PayoutTransactions.build(
                  again,
                  delegateKey,
                  1,
                  c.network.milestones().at(c.height()),
                  c.network.pubKeyHash()))
          .isEmpty();
      PayoutRun overlapping =
          service.run(
              username, new HeightRange(from - 2, c.height()), new PayoutOptions(0L, Set.of()));
      for (PayoutBatch b : overlapping.batches()) {
        assertThat(b.memo().fromHeight() > to || b.memo().toHeight() < from).isTrue();
      }

      AccountStatement account = service.account(username, range);
      assertThat(account.promised()).isEqualTo(batch.plan().promised());
      assertThat(account.paid()).isEqualTo(batch.total());
      assertThat(account.lines())
          .allSatisfy(
              l ->
                  assertThat(l.difference())
                      .isEqualTo(l.address().equals(dust) ? l.promised() : 0));
    }
  }

  @Test
  void aRegisteredDocumentThatWasNeverPostedStopsThePlanner() throws Exception {
    try (FundingChain c = FundingChain.open(dir.resolve("chain"))) {
      Proposals proposals =
          new Proposals(
              c.store.queries(),
              new ProposalValidator(c.network.pubKeyHash()),
              ProposalStore.inDataDir(dir));
      PrivateKey delegateKey = c.delegate().key();
      c.forge(
          List.of(
              c.sign(
                  c.rich(),
                  c.fee("transfer"),
                  100 * COIN,
                  new Asset.Transfer(0, c.addressBytes(c.address(delegateKey))),
                  null)));
      String cid = CidV0.of("never posted".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      c.forge(
          List.of(
              ProposalRegistration.build(
                  cid,
                  delegateKey,
                  c.wallet(c.address(delegateKey)).nonce() + 1,
                  c.network.milestones().at(c.height() + 1),
                  c.network.pubKeyHash())));
      for (int i = 0; i < 6; i++) {
        c.forge(List.of());
      }
      Wallet delegate = c.wallet(c.address(delegateKey));
      assertThatThrownBy(
              () -> new PayoutPlanner(c.store.queries(), proposals).plan(delegate, 2, c.height()))
          .isInstanceOf(ProposalUnavailableException.class)
          .hasMessageContaining(cid);
      assertThat(proposals.byCid(cid).orElseThrow().proposal()).isEmpty();
    }
  }
}
