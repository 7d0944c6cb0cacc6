package com.osmosecollective.node.consensus.chain;

import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.state.WalletRepository;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.Page;
import com.osmosecollective.node.storage.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The committed wallets as a read-only {@link WalletRepository} over the chain database. A block is
 * applied on a {@code WalletOverlay} over it; the overlay's changes go into the block's commit, so
 * this view only ever shows whole blocks.
 */
public final class StoredWalletRepository implements WalletRepository {
  private static final int PAGE = 100;
  private static final int MAX_CACHED_ADDRESSES = 100_000;

  private final ChainQueries queries;
  private final int pubKeyHash;
  private final Map<String, String> addresses =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_CACHED_ADDRESSES;
        }
      };

  public StoredWalletRepository(ChainQueries queries, int pubKeyHash) {
    this.queries = queries;
    this.pubKeyHash = pubKeyHash;
  }

  @Override
  public int pubKeyHash() {
    return pubKeyHash;
  }

  @Override
  public Wallet byAddress(String address) {
    return queries.wallet(address).orElseGet(() -> Wallet.empty(address));
  }

  @Override
  public Wallet byPublicKey(String publicKeyHex) {
    Wallet wallet =
        queries.walletByPublicKey(publicKeyHex).orElseGet(() -> byAddress(addressOf(publicKeyHex)));
    return wallet.publicKey() != null ? wallet : wallet.withPublicKey(publicKeyHex);
  }

  @Override
  public synchronized String addressOf(String publicKeyHex) {
    return addresses.computeIfAbsent(
        publicKeyHex, key -> Address.fromPublicKey(Hex.decodeOrThrow(key), pubKeyHash));
  }

  @Override
  public Optional<Wallet> byUsername(String username) {
    return queries.walletByUsername(username);
  }

  @Override
  public Optional<Wallet> htlcLockOwner(String lockId) {
    return queries
        .transaction(lockId)
        .map(stored -> byAddress(stored.tx().senderAddress()))
        .filter(wallet -> wallet.htlcLocks().containsKey(lockId));
  }

  @Override
  public Optional<Wallet> ipfsHashOwner(String hash) {
    return queries
        .ipfsTransaction(hash)
        .flatMap(queries::transaction)
        .map(stored -> byAddress(stored.tx().senderAddress()))
        .filter(wallet -> wallet.ipfsHashes().contains(hash));
  }

  @Override
  public Collection<Wallet> delegates() {
    List<Wallet> all = new ArrayList<>();
    for (boolean resigned : new boolean[] {false, true}) {
      int offset = 0;
      Page<Wallet> page;
      do {
        page = queries.delegates(resigned, PageRequest.oldestFirst(offset, PAGE));
        all.addAll(page.items());
        offset += page.items().size();
      } while (page.hasMore());
    }
    return all;
  }

  /** Read-only: changes go into an overlay and reach storage with the block's commit. */
  @Override
  public void put(Wallet wallet) {
    throw new UnsupportedOperationException("committed wallets change only through a commit");
  }
}
