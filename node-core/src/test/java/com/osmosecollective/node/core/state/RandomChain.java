package com.osmosecollective.node.core.state;

import static com.osmosecollective.node.core.state.StateKit.DEVNET;
import static com.osmosecollective.node.core.state.StateKit.NET;
import static com.osmosecollective.node.core.state.StateKit.OSM;
import static com.osmosecollective.node.core.state.StateKit.address;
import static com.osmosecollective.node.core.state.StateKit.key;
import static com.osmosecollective.node.core.state.StateKit.payload;
import static com.osmosecollective.node.core.state.StateKit.pk;

import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.tx.TransactionType;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds random chains of valid blocks on devnet rules (reusable from other modules through the
 * node-core test-jar, e.g. to apply and revert long chains): a genesis block funding users and
 * registering 53 delegates, then blocks of random valid transactions of every type but
 * multi-signature registration, sent from the current state so that each applies.
 */
public final class RandomChain {
  public static final int USERS = 8;
  public static final int DELEGATES = 53;
  public static final long USER_FUNDS = 10_000 * OSM;
  public static final PrivateKey BANK = key("bank");
  public static final BlockFactory FACTORY = new BlockFactory(new BlockCodec(DEVNET));
  public static final TransactionHandlers HANDLERS = TransactionHandlers.withBestVerifier();

  private static InMemoryWallets genesisState;
  private static Block genesisBlock;

  /** One applied block with the context it was applied in. */
  public record Step(Block block, StateContext ctx) {}

  private final Random random;
  private final InMemoryWallets state;
  private final Map<String, Long> sentCount = new HashMap<>();
  private final Map<String, byte[]> secrets = new HashMap<>();
  private final List<Step> steps = new ArrayList<>();
  private final Map<TransactionType, Integer> typeCounts =
      new java.util.EnumMap<>(TransactionType.class);
  private long height = 1;
  private long timestamp = 0;
  private long rewards;
  private int registrations;

  public RandomChain(long seed) {
    this.random = new Random(seed);
    this.state = genesis().copy();
  }

  public static synchronized InMemoryWallets genesis() {
    if (genesisState == null) {
      try {
        genesisBlock = buildGenesis();
      } catch (DecodeException e) {
        throw new IllegalStateException(e);
      }
      genesisState = new InMemoryWallets(NET);
      new BlockApplier(HANDLERS)
          .applyGenesis(genesisBlock, genesisState, StateContext.forGenesis(DEVNET, 0));
    }
    return genesisState;
  }

  public static long genesisAmount() {
    genesis();
    return genesisBlock.header().totalAmount();
  }

  private static Block buildGenesis() throws DecodeException {
    List<Transaction> txs = new ArrayList<>();
    long nonce = 1;
    for (PrivateKey user : users()) {
      txs.add(
          TransactionSigner.sign(
              base(BANK, new Asset.Transfer(0, payload(user)), nonce++).amount(USER_FUNDS).build(),
              BANK));
    }
    for (int i = 0; i < DELEGATES; i++) {
      PrivateKey d = key("gd" + i);
      txs.add(
          TransactionSigner.sign(base(d, new Asset.DelegateRegistration("gd" + i), 1).build(), d));
    }
    return FACTORY.makeGenesis(0, txs, BANK);
  }

  private static Transaction.Builder base(PrivateKey sender, Asset asset, long nonce) {
    return Transaction.builder()
        .version(2)
        .network(NET)
        .nonce(nonce)
        .senderPublicKey(Bytes.of(sender.publicKey()))
        .fee(0)
        .asset(asset);
  }

  public static List<PrivateKey> users() {
    List<PrivateKey> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(key("u" + i));
    }
    return users;
  }

  public InMemoryWallets state() {
    return state;
  }

  public List<Step> steps() {
    return steps;
  }

  /** How many transactions of each type the chain holds. */
  public Map<TransactionType, Integer> typeCounts() {
    return typeCounts;
  }

  public long rewards() {
    return rewards;
  }

  /** How many transactions each address sent since genesis (genesis included). */
  public long sent(String address) {
    return sentCount.getOrDefault(address, 0L);
  }

  /** Forges and applies one block of up to {@code maxTxs} random valid transactions. */
  public void nextBlock(int maxTxs) throws Exception {
    height += 1 + random.nextInt(15);
    long previous = timestamp;
    timestamp += 8 * (1 + random.nextInt(15));
    StateContext ctx =
        new StateContext(
            height, timestamp, DEVNET.milestones().at(height), NET, height - 1, previous);
    WalletOverlay scratch = new WalletOverlay(state);
    List<Transaction> txs = new ArrayList<>();
    int count = random.nextInt(maxTxs + 1);
    for (int i = 0; i < count * 3 && txs.size() < count; i++) {
      Transaction tx = randomTransaction(scratch, ctx);
      if (tx != null) {
        HANDLERS.apply(tx, scratch, ctx);
        txs.add(tx);
      }
    }
    List<Wallet> generators =
        state.delegates().stream().filter(w -> !w.delegate().resigned()).toList();
    PrivateKey generator = keyOf(generators.get(random.nextInt(generators.size())));
    Block block =
        FACTORY.make(height, timestamp, "0".repeat(64), ctx.milestone().reward(), txs, generator);
    new BlockApplier(HANDLERS).apply(block, state, ctx);
    rewards = Math.addExact(rewards, block.header().reward());
    for (Transaction tx : txs) {
      sentCount.merge(state.addressOf(tx.senderPublicKey().hex()), 1L, Long::sum);
      typeCounts.merge(tx.type(), 1, Integer::sum);
    }
    steps.add(new Step(block, ctx));
  }

  private final Map<String, PrivateKey> keysByPublicKey = new HashMap<>();

  private PrivateKey keyOf(Wallet wallet) {
    if (keysByPublicKey.isEmpty()) {
      users().forEach(k -> keysByPublicKey.put(pk(k), k));
      for (int i = 0; i < DELEGATES; i++) {
        keysByPublicKey.put(pk(key("gd" + i)), key("gd" + i));
      }
    }
    return keysByPublicKey.get(wallet.publicKey());
  }

  private Transaction randomTransaction(WalletRepository view, StateContext ctx) {
    PrivateKey sender = users().get(random.nextInt(USERS));
    Wallet wallet = view.byPublicKey(pk(sender));
    long spendable = wallet.balance() - OSM * 30;
    if (spendable <= 0) {
      return null;
    }
    PrivateKey other = users().get(random.nextInt(USERS));
    Asset asset;
    long amount = 0;
    switch (random.nextInt(12)) {
      case 0, 1, 2 -> {
        asset = new Asset.Transfer(0, payload(other));
        amount = 1 + (long) (random.nextDouble() * spendable / 4);
      }
      case 3 -> {
        asset = vote(view, wallet, ctx);
        if (asset == null) {
          return null;
        }
      }
      case 4 -> {
        List<Asset.Payment> payments = new ArrayList<>();
        for (int i = 0; i <= random.nextInt(3); i++) {
          PrivateKey to = users().get(random.nextInt(USERS));
          payments.add(new Asset.Payment(1 + random.nextInt(500_000_000), payload(to)));
        }
        asset = new Asset.MultiPayment(payments);
      }
      case 5 -> {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        boolean byHeight = random.nextBoolean();
        long expiration =
            byHeight
                ? ctx.lastBlockHeight() + 52 + random.nextInt(40)
                : ctx.lastBlockTimestamp() + 20 * 51 + 1 + random.nextInt(600);
        asset =
            new Asset.HtlcLock(
                Bytes.of(Hashes.sha256(secret)), byHeight ? 2 : 1, expiration, payload(other));
        amount = 1 + (long) (random.nextDouble() * spendable / 8);
        Transaction tx = signed(sender, view, asset, amount);
        secrets.put(tx.id(), secret);
        return tx;
      }
      case 6, 7 -> {
        return claimOrRefund(view, ctx);
      }
      case 8 -> {
        if (wallet.isDelegate()) {
          return null;
        }
        asset = new Asset.DelegateRegistration("user" + registrations++);
      }
      case 9 -> {
        if (!wallet.isDelegate()
            || wallet.delegate().resigned()
            || view.delegates().stream().filter(w -> !w.delegate().resigned()).count() <= 51) {
          return null;
        }
        asset = new Asset.DelegateResignation();
      }
      case 10 -> {
        if (wallet.secondPublicKey() != null) {
          return null;
        }
        asset = new Asset.SecondSignature(Bytes.of(secondKey(sender).publicKey()));
      }
      default -> {
        byte[] digest = new byte[34];
        random.nextBytes(digest);
        digest[0] = 0x12;
        digest[1] = 32;
        asset = new Asset.Ipfs(Bytes.of(digest));
      }
    }
    return signed(sender, view, asset, amount);
  }

  private Asset vote(WalletRepository view, Wallet wallet, StateContext ctx) {
    List<Wallet> candidates =
        view.delegates().stream().filter(w -> !w.delegate().resigned()).toList();
    Asset.VoteEntry add =
        new Asset.VoteEntry(
            true, hex(candidates.get(random.nextInt(candidates.size())).publicKey()));
    if (wallet.vote() == null) {
      return new Asset.Vote(List.of(add));
    }
    Asset.VoteEntry remove = new Asset.VoteEntry(false, hex(wallet.vote()));
    if (add.delegatePublicKey().hex().equals(wallet.vote()) || random.nextBoolean()) {
      return new Asset.Vote(List.of(remove));
    }
    return new Asset.Vote(List.of(remove, add));
  }

  private Transaction claimOrRefund(WalletRepository view, StateContext ctx) {
    for (PrivateKey owner : users()) {
      Wallet wallet = view.byPublicKey(pk(owner));
      for (Map.Entry<String, HtlcLock> entry : wallet.htlcLocks().entrySet()) {
        HtlcLock lock = entry.getValue();
        Bytes lockId = hex(entry.getKey());
        if (HtlcExpiry.isExpired(lock, ctx)) {
          return signed(owner, view, new Asset.HtlcRefund(lockId), 0);
        }
        if (random.nextInt(3) != 0) {
          continue; // leave some locks to expire
        }
        PrivateKey recipient =
            users().stream().filter(u -> address(u).equals(lock.recipientId())).findFirst().get();
        Asset claim = new Asset.HtlcClaim(lockId, Bytes.of(secrets.get(entry.getKey())));
        return signed(recipient, view, claim, 0);
      }
    }
    return null;
  }

  private Transaction signed(PrivateKey sender, WalletRepository view, Asset asset, long amount) {
    Transaction tx =
        TransactionSigner.sign(
            base(sender, asset, view.byPublicKey(pk(sender)).nonce() + 1)
                .fee(asset.type().defaultStaticFee())
                .amount(amount)
                .build(),
            sender);
    boolean hasSecond = view.byPublicKey(pk(sender)).secondPublicKey() != null;
    return hasSecond ? TransactionSigner.secondSign(tx, secondKey(sender)) : tx;
  }

  private static PrivateKey secondKey(PrivateKey sender) {
    return key("second " + pk(sender));
  }

  private static Bytes hex(String hex) {
    return StateKit.hexBytes(hex);
  }
}
