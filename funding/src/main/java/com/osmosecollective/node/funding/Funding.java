package com.osmosecollective.node.funding;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.funding.payout.AccountPeriods;
import com.osmosecollective.node.funding.payout.PayoutLedger;
import com.osmosecollective.node.funding.payout.PayoutPlanner;
import com.osmosecollective.node.funding.payout.PayoutService;
import com.osmosecollective.node.funding.proposal.ProposalStore;
import com.osmosecollective.node.funding.proposal.ProposalValidator;
import com.osmosecollective.node.funding.proposal.Proposals;
import com.osmosecollective.node.storage.ChainQueries;
import java.nio.file.Path;

/**
 * The funding services over one chain, wired once: proposals (documents in {@code
 * <data-dir>/proposals/}), the planner, payouts and open accounts. What the REST API and the {@code
 * osmose delegate} commands use.
 */
public record Funding(
    Network network,
    Proposals proposals,
    PayoutPlanner planner,
    PayoutService payouts,
    AccountPeriods periods) {

  /** The services on {@code queries}, with the documents of {@code dataDir}. */
  public static Funding of(ChainQueries queries, Network network, Path dataDir) {
    Proposals proposals =
        new Proposals(
            queries, new ProposalValidator(network.pubKeyHash()), ProposalStore.inDataDir(dataDir));
    PayoutPlanner planner = new PayoutPlanner(queries, proposals);
    PayoutService payouts =
        new PayoutService(queries, proposals, planner, new PayoutLedger(queries, network));
    return new Funding(
        network, proposals, planner, payouts, new AccountPeriods(queries, proposals, payouts));
  }
}
