package com.osmosecollective.node.consensus.chain;

import static com.osmosecollective.node.consensus.chain.TestChain.COIN;

import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.Hashes;
import com.osmosecollective.node.core.crypto.MultiSignatureKeys;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.genesis.GenesisPlan;
import com.osmosecollective.node.storage.ChainStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A devnet chain (8 s blocks, real RocksDB, the chain thread, the forger) holding every core
 * transaction type, forged and applied: a multi-payment and a transfer funding the actors, then a
 * second-signature registration, an IPFS registration, a multi-payment, a delegate registration, an
 * HTLC lock, a multi-signature registration, a transfer to the multi-signature wallet; then a
 * second lock, a second-signed transfer, a vote, the claim of the first lock, a transfer from the
 * multi-signature wallet; then a switch vote and a delegate resignation; then blocks until the
 * second lock expires, and its refund. Shared through the test-jar (the API's all-types test reads
 * it over HTTP).
 */
public final class AllTypesChain implements AutoCloseable {
  private static final long FIRST_SLOT = 1000;
  private static final int HTLC_BY_HEIGHT = 2;

  /** The vendor field of the funding transfer. */
  public static final String VENDOR_FIELD = "all types: funding transfer";

  final TestChain t;
  private final Map<String, Transaction> byName = new LinkedHashMap<>();

  final PrivateKey secondSigner = key("second-signature owner");
  final PrivateKey secondKey = key("second key");
  final PrivateKey ipfsOwner = key("ipfs owner");
  final PrivateKey payer = key("multi-payment sender");
  final PrivateKey locker = key("htlc sender");
  final PrivateKey claimer = key("htlc recipient");
  final PrivateKey refundRecipient = key("htlc recipient that never claims");
  final PrivateKey multiRegistrant = key("multi-signature registrant");
  final List<PrivateKey> participants = List.of(key("p0"), key("p1"), key("p2"));
  byte[] multiWalletKey;
  PrivateKey resigning;
  PrivateKey otherDelegate;
  long valueBefore;
  long rewardsBefore;

  private AllTypesChain(TestChain t) {
    this.t = t;
  }

  static PrivateKey key(String name) {
    return PrivateKey.fromPassphrase("all types test " + name);
  }

  /** Opens a new chain in {@code dir} and forges every type into it. */
  public static AllTypesChain build(Path dir) throws Exception {
    AllTypesChain c =
        new AllTypesChain(TestChain.open(TestChain.networkJson(), dir, RollbackPolicy.fixed(5)));
    try {
      c.forgeEveryType();
      return c;
    } catch (Exception | AssertionError e) {
      c.close();
      throw e;
    }
  }

  private void forgeEveryType() throws Exception {
    t.forgeUntil(3, FIRST_SLOT, 1);
    valueBefore = ChainAllTypesTest.totalValue(t.wallets());
    rewardsBefore = ChainAllTypesTest.rewardsUpTo(t, t.chain.snapshot().height());

    PrivateKey rich = t.plan.funded().get(0).key();
    PrivateKey rich2 = t.plan.funded().get(1).key();
    forge(
        named(
            "fundingMultiPayment",
            t.sign(
                rich,
                COIN,
                0,
                new Asset.MultiPayment(
                    List.of(
                        new Asset.Payment(100 * COIN, t.addressOf(secondSigner)),
                        new Asset.Payment(100 * COIN, t.addressOf(ipfsOwner)),
                        new Asset.Payment(100 * COIN, t.addressOf(payer)),
                        new Asset.Payment(1000 * COIN, t.addressOf(locker)),
                        new Asset.Payment(100 * COIN, t.addressOf(claimer)),
                        new Asset.Payment(100 * COIN, t.addressOf(multiRegistrant)),
                        new Asset.Payment(10_000 * COIN, t.addressOf(TestChain.NEWCOMER)))))),
        named(
            "transfer",
            TransactionSigner.sign(
                t
                    .sign(rich2, COIN, 50 * COIN, new Asset.Transfer(0, t.addressOf(claimer)))
                    .toBuilder()
                    .vendorField(VENDOR_FIELD)
                    .signature(null)
                    .build(),
                rich2)));

    byte[] claimSecret = "a secret of exactly thirty-two b".getBytes(StandardCharsets.US_ASCII);
    byte[] refundSecret = "another secret, never revealed!!".getBytes(StandardCharsets.US_ASCII);
    long refundAt = t.chain.snapshot().height() + 55;
    Transaction claimableLock =
        t.sign(
            locker,
            COIN,
            70 * COIN,
            new Asset.HtlcLock(
                Bytes.of(Hashes.sha256(claimSecret)),
                HTLC_BY_HEIGHT,
                refundAt + 100,
                t.addressOf(claimer)));
    multiWalletKey =
        MultiSignatureKeys.publicKey(2, participants.stream().map(PrivateKey::publicKey).toList());
    forge(
        named(
            "secondSignature",
            t.sign(
                secondSigner,
                5 * COIN,
                0,
                new Asset.SecondSignature(Bytes.of(secondKey.publicKey())))),
        named("ipfs", t.sign(ipfsOwner, 5 * COIN, 0, new Asset.Ipfs(ipfsHash()))),
        named(
            "multiPayment",
            t.sign(
                payer,
                COIN,
                0,
                new Asset.MultiPayment(
                    List.of(
                        new Asset.Payment(3 * COIN, t.addressOf(ipfsOwner)),
                        new Asset.Payment(4 * COIN, t.addressOf(claimer)))))),
        named(
            "delegateRegistration",
            t.sign(TestChain.NEWCOMER, 25 * COIN, 0, new Asset.DelegateRegistration("newcomer"))),
        named("htlcLock", claimableLock),
        named("multiSignature", multiSignatureRegistration()),
        named(
            "transferToMultiSignature",
            t.sign(rich2, COIN, 20 * COIN, new Asset.Transfer(0, addressOfKey(multiWalletKey)))));

    Transaction refundableLock =
        t.sign(
            locker,
            COIN,
            30 * COIN,
            new Asset.HtlcLock(
                Bytes.of(Hashes.sha256(refundSecret)),
                HTLC_BY_HEIGHT,
                refundAt,
                t.addressOf(refundRecipient)));
    forge(
        named("refundableLock", refundableLock),
        named(
            "secondSigned",
            TransactionSigner.secondSign(
                t.sign(secondSigner, COIN, 7 * COIN, new Asset.Transfer(0, t.addressOf(payer))),
                secondKey)),
        named("vote", t.sign(rich, COIN, 0, vote(true, TestChain.NEWCOMER.publicKey()))),
        named(
            "htlcClaim",
            t.sign(
                claimer,
                0,
                0,
                new Asset.HtlcClaim(Bytes.of(claimableLock.idBytes()), Bytes.of(claimSecret)))),
        named("fromMultiSignature", fromMultiSignatureWallet(5 * COIN)));

    // the generator of block 2 has a reward to pay the resignation fee with
    String generator = t.block(2).header().generatorPublicKeyHex();
    resigning =
        t.plan.delegates().stream()
            .filter(d -> d.publicKey().equals(generator))
            .findFirst()
            .orElseThrow()
            .key();
    otherDelegate =
        t.plan.delegates().stream()
            .filter(d -> !d.publicKey().equals(generator))
            .findFirst()
            .orElseThrow()
            .key();
    forge(
        named(
            "switchVote",
            t.sign(
                rich,
                COIN,
                0,
                new Asset.Vote(
                    List.of(
                        new Asset.VoteEntry(false, Bytes.of(TestChain.NEWCOMER.publicKey())),
                        new Asset.VoteEntry(true, Bytes.of(otherDelegate.publicKey())))))),
        named(
            "delegateResignation",
            t.sign(resigning, 25 * COIN, 0, new Asset.DelegateResignation())));
    while (t.chain.snapshot().height() <= refundAt) {
      t.forgeUntil(t.chain.snapshot().height() + 1, slotAfterTip(), 1);
    }
    forge(
        named(
            "htlcRefund",
            t.sign(locker, 0, 0, new Asset.HtlcRefund(Bytes.of(refundableLock.idBytes())))));
  }

  private Transaction named(String name, Transaction tx) {
    byName.put(name, tx);
    return tx;
  }

  /** Forges the next block with exactly these transactions (all must be accepted). */
  public void forge(Transaction... txs) {
    long before = t.chain.snapshot().height();
    t.pending.addAll(List.of(txs));
    t.forgeUntil(before + 1, slotAfterTip(), 1);
    Block last = t.applied.get(t.applied.size() - 1);
    if (last.transactions().size() != txs.length) {
      throw new AssertionError(
          "forged " + last.transactions().size() + " of " + txs.length + " transactions");
    }
  }

  /** Forges {@code blocks} empty blocks. */
  public void forgeEmpty(int blocks) {
    long target = t.chain.snapshot().height() + blocks;
    while (t.chain.snapshot().height() < target) {
      t.forgeUntil(t.chain.snapshot().height() + 1, slotAfterTip(), 1);
    }
  }

  /** The chain's transactions by the names above, in the order they were forged. */
  public Map<String, Transaction> transactions() {
    return Collections.unmodifiableMap(byName);
  }

  /**
   * A signed v2 transaction with the sender's next nonce after its committed one.
   *
   * @param pending transactions of the sender not yet forged
   */
  public Transaction sign(PrivateKey sender, long fee, long amount, Asset asset, int pending) {
    Transaction tx = t.sign(sender, fee, amount, asset);
    if (pending == 0) {
      return tx;
    }
    return TransactionSigner.sign(
        tx.toBuilder().nonce(tx.nonce() + pending).signature(null).build(), sender);
  }

  public Network network() {
    return t.network;
  }

  public ChainStore store() {
    return t.store;
  }

  public Chain chain() {
    return t.chain;
  }

  public GenesisPlan plan() {
    return t.plan;
  }

  /** The network clock the forger uses (moved by the forging methods). */
  public java.time.Clock clock() {
    return t.clock;
  }

  /** The key of a genesis-funded wallet. */
  public PrivateKey funded(int i) {
    return t.plan.funded().get(i).key();
  }

  /** The sender of the HTLC locks (refunded and claimed by the end). */
  public PrivateKey locker() {
    return locker;
  }

  /** The recipient of the claimed lock. */
  public PrivateKey claimer() {
    return claimer;
  }

  /** The delegate registered by the chain ("newcomer"). */
  public PrivateKey newcomer() {
    return TestChain.NEWCOMER;
  }

  /** The genesis delegate that resigned. */
  public PrivateKey resigned() {
    return resigning;
  }

  public String address(PrivateKey key) {
    return Address.fromPublicKey(key.publicKey(), t.network.pubKeyHash());
  }

  /** The secret that claimed the first lock. */
  public static byte[] claimSecret() {
    return "a secret of exactly thirty-two b".getBytes(StandardCharsets.US_ASCII);
  }

  private Transaction multiSignatureRegistration() {
    Transaction unsigned =
        t
            .sign(
                multiRegistrant,
                5 * COIN,
                0,
                new Asset.MultiSignature(
                    2, participants.stream().map(p -> Bytes.of(p.publicKey())).toList()))
            .toBuilder()
            .signature(null)
            .build();
    Transaction tx = unsigned;
    for (int i = 0; i < participants.size(); i++) {
      tx = TransactionSigner.multiSign(tx, participants.get(i), i);
    }
    return TransactionSigner.sign(tx, multiRegistrant);
  }

  private Transaction fromMultiSignatureWallet(long amount) {
    Transaction unsigned =
        Transaction.builder()
            .version(2)
            .network(t.network.pubKeyHash())
            .nonce(1)
            .senderPublicKey(Bytes.of(multiWalletKey))
            .fee(COIN)
            .amount(amount)
            .asset(new Asset.Transfer(0, t.addressOf(payer)))
            .build();
    Transaction one = TransactionSigner.multiSign(unsigned, participants.get(0), 0);
    return TransactionSigner.multiSign(one, participants.get(2), 2);
  }

  static Asset.Vote vote(boolean add, byte[] delegate) {
    return new Asset.Vote(List.of(new Asset.VoteEntry(add, Bytes.of(delegate))));
  }

  static Bytes ipfsHash() {
    byte[] digest = new byte[34];
    digest[0] = 0x12;
    digest[1] = 32;
    for (int i = 2; i < digest.length; i++) {
      digest[i] = (byte) (i * 7);
    }
    return Bytes.of(digest);
  }

  Bytes addressOfKey(byte[] publicKey) {
    return Bytes.of(Address.payloadFromPublicKey(publicKey, t.network.pubKeyHash()));
  }

  long slotAfterTip() {
    return t.chain.snapshot().lastBlock().timestamp() / TestChain.BLOCKTIME + 1;
  }

  @Override
  public void close() {
    t.close();
  }
}
