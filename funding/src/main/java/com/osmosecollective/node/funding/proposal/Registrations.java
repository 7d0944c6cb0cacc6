package com.osmosecollective.node.funding.proposal;

import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.StoredTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * IPFS registrations read from the node's own indexes: the {@code ipfs} column (hash → registering
 * transaction; a hash can be registered once per chain) and each wallet's registered hashes.
 */
public final class Registrations {
  private final ChainQueries queries;

  public Registrations(ChainQueries queries) {
    this.queries = queries;
  }

  /** Who registered {@code cid}, in which transaction and block; empty when nobody did. */
  public Optional<Registration> of(String cid) {
    if (cid == null || cid.isEmpty() || cid.length() > 255) {
      return Optional.empty();
    }
    return queries.ipfsTransaction(cid).flatMap(queries::transaction).map(Registrations::of);
  }

  private static Registration of(StoredTransaction stored) {
    return new Registration(
        stored.tx().ipfsHash(),
        stored.tx().id(),
        stored.tx().senderAddress(),
        stored.tx().senderPublicKey(),
        stored.height(),
        stored.tx().position(),
        stored.timestamp());
  }

  /** Every registration of a wallet, oldest first. */
  public List<Registration> byWallet(Wallet wallet) {
    List<Registration> out = new ArrayList<>(wallet.ipfsHashes().size());
    for (String hash : wallet.ipfsHashes()) {
      of(hash).ifPresent(out::add);
    }
    out.sort(
        Comparator.comparingLong(Registration::height).thenComparingInt(Registration::position));
    return out;
  }

  /** The wallet's latest registration in a block below {@code beforeHeight}. */
  public Optional<Registration> latest(Wallet wallet, long beforeHeight) {
    Registration latest = null;
    for (Registration r : byWallet(wallet)) {
      if (r.height() < beforeHeight) {
        latest = r;
      }
    }
    return Optional.ofNullable(latest);
  }
}
