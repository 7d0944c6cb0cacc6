package com.osmosecollective.node.consensus.pool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A devnet pool over {@link TestWallets}, with really signed transactions. */
final class PoolFixture {
  static final Network DEVNET = shipped("devnet");
  static final TransactionVerifier VERIFIER = new TransactionVerifier(SignatureVerifiers.best());

  /** Devnet static fees (from its network.json). */
  static final long TRANSFER_FEE = 100_000_000L;

  static final long VOTE_FEE = 100_000_000L;

  final Network network;
  final TestWallets wallets;
  final TransactionPool pool;
  long now = 1_000_000;

  PoolFixture(PoolConfig config) {
    this(DEVNET, config, 10);
  }

  PoolFixture(Network network, PoolConfig config, long height) {
    this.network = network;
    this.wallets = new TestWallets(network.pubKeyHash());
    this.pool = new TransactionPool(network, config, wallets, VERIFIER, () -> now, height);
  }

  static PrivateKey key(String name) {
    return PrivateKey.fromPassphrase("pool test " + name);
  }

  static Bytes pk(PrivateKey key) {
    return Bytes.of(key.publicKey());
  }

  Bytes recipient() {
    return Bytes.of(
        Address.payloadFromPublicKey(key("recipient").publicKey(), network.pubKeyHash()));
  }

  Transaction.Builder v2(PrivateKey sender, long nonce, long fee, Asset asset) {
    return Transaction.builder()
        .version(2)
        .network(network.pubKeyHash())
        .nonce(nonce)
        .senderPublicKey(pk(sender))
        .fee(fee)
        .asset(asset);
  }

  Transaction transfer(PrivateKey sender, long nonce) {
    return transfer(sender, nonce, TRANSFER_FEE, 1);
  }

  Transaction transfer(PrivateKey sender, long nonce, long fee, long amount) {
    return TransactionSigner.sign(
        v2(sender, nonce, fee, new Asset.Transfer(0, recipient())).amount(amount).build(), sender);
  }

  Transaction expiringTransfer(PrivateKey sender, long nonce, long expiration) {
    return TransactionSigner.sign(
        v2(sender, nonce, TRANSFER_FEE, new Asset.Transfer(expiration, recipient()))
            .amount(1)
            .build(),
        sender);
  }

  Transaction vote(PrivateKey sender, long nonce, PrivateKey delegate) {
    return TransactionSigner.sign(
        v2(
                sender,
                nonce,
                VOTE_FEE,
                new Asset.Vote(List.of(new Asset.VoteEntry(true, pk(delegate)))))
            .build(),
        sender);
  }

  AdmissionResult add(Transaction... txs) {
    List<Submitted> batch = new ArrayList<>();
    for (Transaction tx : txs) {
      batch.add(Submitted.decoded(tx));
    }
    try {
      return pool.add(batch);
    } catch (BatchTooLargeException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Commits {@code txs} as the next block on the test chain and tells the pool. */
  Block applyBlock(Transaction... txs) throws PoolRejectedException {
    Block block = block(pool.lastHeight() + 1, List.of(txs));
    wallets.commit(block.transactions());
    pool.onBlockApplied(block);
    return block;
  }

  /** Reverts {@code block} (the tip) on the test chain and tells the pool. */
  void revertBlock(Block block) {
    wallets.uncommit(block.transactions());
    pool.onBlockReverted(block);
  }

  static Block block(long height, List<Transaction> txs) {
    BlockHeader header =
        new BlockHeader(
            0,
            height * 20,
            height,
            "prev",
            txs.size(),
            0,
            0,
            0,
            32L * txs.size(),
            new byte[32],
            key("forger").publicKey(),
            new byte[] {1});
    return new Block(header, txs, "block-" + height);
  }

  static Network shipped(String name) {
    try {
      return new NetworkLoader().loadShipped(name);
    } catch (NetworkConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A network from ARK-shaped milestone JSON (pubKeyHash 30). */
  static Network synthetic(String milestonesJson) {
    return synthetic(30, milestonesJson);
  }

  static Network synthetic(int pubKeyHash, String milestonesJson) {
    String json =
        "{\"network\":{\"name\":\"synthetic\",\"pubKeyHash\":"
            + pubKeyHash
            + ",\"wif\":170},\"milestones\":"
            + milestonesJson
            + "}";
    try {
      return new NetworkLoader().fromJson(new ObjectMapper().readTree(json), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NetworkConfigException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
