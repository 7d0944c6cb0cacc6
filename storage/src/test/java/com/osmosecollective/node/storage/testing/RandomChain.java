package com.osmosecollective.node.storage.testing;

import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.LastBlock;
import com.osmosecollective.node.core.wallet.Wallet;
import com.osmosecollective.node.storage.BlockCommit;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.ChainQueries;
import com.osmosecollective.node.storage.ChainTip;
import com.osmosecollective.node.storage.HtlcLockInfo;
import com.osmosecollective.node.storage.RoundDelegate;
import com.osmosecollective.node.storage.RoundDelegates;
import com.osmosecollective.node.storage.TxData;
import com.osmosecollective.node.storage.WalletChange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a deterministic, internally consistent random chain for storage tests and benchmarks:
 * balances are conserved (fees move to the forger, rewards are the only issuance), vote balances
 * follow the voters' weights, locks are claimed by their recipients. Block ids and bytes depend
 * only on (seed, height), so a test can tell which block a database's tip is.
 */
public final class RandomChain {
  /**
   * @param richTypes false for plain transfers only (bulk benchmarks)
   */
  public record Settings(
      long seed, int accounts, int delegates, int maxTxPerBlock, boolean richTypes) {}

  public static final long REWARD = 200_000_000L;
  public static final long FEE = 100_000_000L;
  private static final long GENESIS_BALANCE = 1_000_000L * 100_000_000L;
  private static final int ROUND = 51;

  private final Settings settings;
  private final Map<String, Wallet> state = new HashMap<>();
  private final Map<String, String> addressByKey = new HashMap<>();
  private final List<String> addresses = new ArrayList<>();
  private final Map<String, String> openLocks = new LinkedHashMap<>(); // lock id -> owner
  private Map<String, Wallet> working;
  private ChainTip tip;

  public RandomChain(Settings settings) {
    this.settings = settings;
    for (int i = 0; i < settings.accounts(); i++) {
      String address = address(i);
      addresses.add(address);
      addressByKey.put(publicKey(i), address);
    }
  }

  /** Continues the chain of a database this generator (same settings) wrote. */
  public static RandomChain resume(Settings settings, ChainQueries queries) {
    RandomChain chain = new RandomChain(settings);
    queries.forEachWallet(
        w -> {
          chain.state.put(w.address(), w);
          w.htlcLocks().keySet().forEach(id -> chain.openLocks.put(id, w.address()));
        });
    chain.tip = queries.tip().orElse(null);
    return chain;
  }

  public String address(int i) {
    return String.format("o%033d", i);
  }

  public String publicKey(int i) {
    return "02" + hashHex("pk:" + settings.seed() + ":" + i);
  }

  public static String blockId(long seed, long height) {
    return hashHex("block:" + seed + ":" + height);
  }

  /** The serialized block bytes, a function of seed and height only. */
  public static byte[] blockBytes(long seed, long height) {
    byte[] bytes = new byte[96];
    new Random(seed * 7919 + height).nextBytes(bytes);
    return bytes;
  }

  public Map<String, Wallet> state() {
    return state;
  }

  public ChainTip tip() {
    return tip;
  }

  public BlockCommit next() {
    long height = tip == null ? 1 : tip.height() + 1;
    working = new LinkedHashMap<>();
    Random rng = new Random(settings.seed() * 1_000_003L + height);
    String blockId = blockId(settings.seed(), height);
    List<TxData> txs = new ArrayList<>();
    long reward = height == 1 ? 0 : REWARD;
    String generatorKey;
    if (height == 1) {
      generatorKey = "03" + hashHex("genesis:" + settings.seed());
      genesis(blockId, txs, generatorKey);
    } else {
      int n = rng.nextInt(settings.maxTxPerBlock() + 1);
      for (int i = 0; i < n; i++) {
        TxData tx = randomTx(rng, blockId, txs.size());
        if (tx != null) {
          txs.add(tx);
        }
      }
      generatorKey = publicKey(rng.nextInt(settings.delegates()));
    }
    long totalFee = 0;
    long totalAmount = 0;
    for (TxData tx : txs) {
      totalFee += tx.fee();
      totalAmount += tx.amount();
    }
    if (height > 1) {
      Wallet forger = get(addressByKey.get(generatorKey));
      set(
          forger
              .plusBalance(reward + totalFee)
              .withDelegate(
                  forger
                      .delegate()
                      .withForged(totalFee, reward, new LastBlock(height, blockId, height * 8))));
    }
    BlockData block =
        new BlockData(
            height,
            blockId,
            height == 1 ? null : tip.id(),
            height * 8,
            generatorKey,
            reward,
            totalFee,
            totalAmount,
            txs.size(),
            blockBytes(settings.seed(), height));
    RoundDelegates round = null;
    if (height == 1 || height % ROUND == 0) {
      state.putAll(working);
      round = new RoundDelegates(height == 1 ? 1 : height / ROUND + 1, ranking());
      assignRanks(round.round());
    }
    List<WalletChange> changes = new ArrayList<>();
    working.values().forEach(w -> changes.add(WalletChange.put(w)));
    state.putAll(working);
    tip = new ChainTip(height, blockId);
    return new BlockCommit(block, txs, changes, round);
  }

  private void genesis(String blockId, List<TxData> txs, String genesisKey) {
    for (int i = 0; i < settings.accounts(); i++) {
      Wallet w = Wallet.empty(address(i)).withPublicKey(publicKey(i)).withBalance(GENESIS_BALANCE);
      if (i < settings.delegates()) {
        w = w.withDelegate(DelegateAttributes.registered("genesis_" + i));
      }
      working.put(w.address(), w);
      if (i < 200) {
        txs.add(
            new TxData(
                txId(blockId, txs.size()),
                txs.size(),
                1,
                0,
                genesisKey,
                "oGENESIS",
                List.of(w.address()),
                GENESIS_BALANCE,
                0,
                List.of(),
                null,
                null,
                null,
                new byte[] {1, 2, 3}));
      }
    }
  }

  private List<RoundDelegate> ranking() {
    List<RoundDelegate> out = new ArrayList<>();
    List<Wallet> delegates = ranked();
    for (Wallet w : delegates.subList(0, Math.min(ROUND, delegates.size()))) {
      out.add(new RoundDelegate(w.publicKey(), w.delegate().voteBalance()));
    }
    return out;
  }

  private List<Wallet> ranked() {
    List<Wallet> delegates = new ArrayList<>();
    for (Wallet w : state.values()) {
      if (w.delegate() != null && !w.delegate().resigned()) {
        delegates.add(w);
      }
    }
    delegates.sort(
        Comparator.comparingLong((Wallet w) -> -w.delegate().voteBalance())
            .thenComparing(Wallet::publicKey));
    return delegates;
  }

  /**
   * As the chain does at a round end: rank = position, round for the active set, no rank for
   * resigned delegates; only the delegates whose rank or round changes join the block's changes.
   */
  private void assignRanks(long round) {
    List<Wallet> delegates = ranked();
    for (int i = 0; i < delegates.size(); i++) {
      Wallet w = delegates.get(i);
      long newRound = i < ROUND ? round : w.delegate().round();
      if (w.delegate().rank() != i + 1 || w.delegate().round() != newRound) {
        // no vote weight changes: put directly, without set()'s vote balance bookkeeping
        working.put(w.address(), w.withDelegate(w.delegate().withRank(i + 1, newRound)));
      }
    }
    for (Wallet w : state.values()) {
      if (w.delegate() != null && w.delegate().resigned() && w.delegate().rank() != 0) {
        working.put(w.address(), w.withDelegate(w.delegate().withRank(0, w.delegate().round())));
      }
    }
  }

  private TxData randomTx(Random rng, String blockId, int position) {
    int s = rng.nextInt(settings.accounts());
    Wallet sender = get(address(s));
    if (sender.balance() < 3 * FEE) {
      return null;
    }
    long amount = 1 + (long) (rng.nextDouble() * (sender.balance() - 2 * FEE) / 20);
    String id = txId(blockId, position);
    int kind = settings.richTypes() ? rng.nextInt(20) : 0;
    String recipient =
        address((s + 1 + rng.nextInt(settings.accounts() - 1)) % settings.accounts());
    byte[] bytes = new byte[80 + rng.nextInt(80)];
    rng.nextBytes(bytes);
    Wallet paid = sender.plusBalance(-FEE).withNonce(sender.nonce() + 1);
    if (kind <= 11) { // transfer
      set(paid.plusBalance(-amount));
      set(get(recipient).plusBalance(amount));
      return tx(
          id, position, 0, sender, List.of(recipient), amount, List.of(), null, null, null, bytes);
    } else if (kind <= 13) { // multi-payment to up to three distinct recipients
      List<String> recipients = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String r = address((s + 1 + rng.nextInt(settings.accounts() - 1)) % settings.accounts());
        if (!recipients.contains(r)) {
          recipients.add(r);
        }
      }
      long each = amount / recipients.size() + 1;
      set(paid.plusBalance(-each * recipients.size()));
      for (String r : recipients) {
        set(get(r).plusBalance(each));
      }
      return tx(id, position, 6, sender, recipients, 0, List.of(), null, null, null, bytes);
    } else if (kind <= 15) { // vote, or switch vote
      String target = publicKey(rng.nextInt(settings.delegates()));
      List<String> targets =
          sender.vote() == null ? List.of(target) : List.of(sender.vote(), target);
      set(paid.withVote(target));
      return tx(id, position, 3, sender, List.of(), 0, targets, null, null, null, bytes);
    } else if (kind == 16) { // htlc lock
      HtlcLock lock =
          new HtlcLock(amount, recipient, 8, null, hashHex("secret" + id), 2, 1_000_000);
      set(paid.plusBalance(-amount).withHtlcLock(id, lock));
      openLocks.put(id, sender.address());
      HtlcLockInfo info = new HtlcLockInfo(recipient, amount, lock.secretHash(), 2, 1_000_000);
      return tx(
          id, position, 8, sender, List.of(recipient), amount, List.of(), info, null, null, bytes);
    } else if (kind == 17 && !openLocks.isEmpty()) { // claim the oldest open lock
      String lockId = openLocks.keySet().iterator().next();
      Wallet owner = get(openLocks.remove(lockId));
      HtlcLock lock = owner.htlcLocks().get(lockId);
      set(owner.withoutHtlcLock(lockId));
      Wallet claimer = get(lock.recipientId());
      set(claimer.withNonce(claimer.nonce() + 1).plusBalance(lock.amount() - FEE));
      return tx(id, position, 9, claimer, List.of(), 0, List.of(), null, lockId, null, bytes);
    } else if (kind == 18) { // ipfs
      set(paid.withIpfsHash("Qm" + id.substring(0, 44)));
      return tx(
          id,
          position,
          5,
          sender,
          List.of(),
          0,
          List.of(),
          null,
          null,
          "Qm" + id.substring(0, 44),
          bytes);
    } else if (sender.delegate() == null) { // delegate registration
      set(paid.withDelegate(DelegateAttributes.registered("d" + s)));
      return tx(id, position, 2, sender, List.of(), 0, List.of(), null, null, null, bytes);
    }
    return null;
  }

  private TxData tx(
      String id,
      int position,
      int type,
      Wallet sender,
      List<String> recipients,
      long amount,
      List<String> votes,
      HtlcLockInfo lock,
      String settled,
      String ipfs,
      byte[] bytes) {
    return new TxData(
        id,
        position,
        1,
        type,
        sender.publicKey(),
        sender.address(),
        recipients,
        amount,
        FEE,
        votes,
        lock,
        settled,
        ipfs,
        bytes);
  }

  private Wallet get(String address) {
    Wallet w = working.get(address);
    if (w == null) {
      w = state.get(address);
    }
    return w != null ? w : Wallet.empty(address);
  }

  /** Stores a wallet and moves its vote weight change onto the delegates it voted for. */
  private void set(Wallet updated) {
    Wallet old = get(updated.address());
    working.put(updated.address(), updated);
    if (old.vote() != null) {
      adjustVotes(old.vote(), -old.votingWeight());
    }
    if (updated.vote() != null) {
      adjustVotes(updated.vote(), updated.votingWeight());
    }
  }

  private void adjustVotes(String delegateKey, long delta) {
    Wallet d = get(addressByKey.get(delegateKey));
    working.put(
        d.address(),
        d.withDelegate(d.delegate().withVoteBalance(d.delegate().voteBalance() + delta)));
  }

  private static String txId(String blockId, int position) {
    return hashHex("tx:" + blockId + ":" + position);
  }

  private static String hashHex(String text) {
    return Hex.encode(Hashes.sha256(text.getBytes(StandardCharsets.US_ASCII)));
  }
}
