package com.osmosecollective.node.api;

import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every delegate in ARK's default order ({@code rank:asc}, then {@code publicKey:asc}, a missing
 * rank last): ranked delegates by the rank stored at the last round end, then the never-ranked and
 * the resigned ones (whose rank ARK's resource omits) by public key. ARK sorts its in-memory
 * delegates the same way; the list is the registered delegates, a few hundred at most.
 */
final class DelegateRanking {
  private static final int STORAGE_PAGE = 100;

  private final ChainQueries queries;

  DelegateRanking(ChainQueries queries) {
    this.queries = queries;
  }

  List<Wallet> all() {
    List<Wallet> out = new ArrayList<>();
    load(false, out);
    load(true, out);
    out.sort(
        Comparator.comparingLong(DelegateRanking::rankOrLast).thenComparing(Wallet::publicKey));
    return out;
  }

  private void load(boolean resigned, List<Wallet> out) {
    int offset = 0;
    Page<Wallet> page;
    do {
      page = queries.delegates(resigned, PageRequest.oldestFirst(offset, STORAGE_PAGE));
      out.addAll(page.items());
      offset += page.items().size();
    } while (page.hasMore());
  }

  private static long rankOrLast(Wallet wallet) {
    DelegateAttributes d = wallet.delegate();
    return d.resigned() || d.rank() <= 0 ? Long.MAX_VALUE : d.rank();
  }
}
