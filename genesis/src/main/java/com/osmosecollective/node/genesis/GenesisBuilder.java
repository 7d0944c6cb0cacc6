package com.osmosecollective.node.genesis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.config.NetworkConfigException;
import com.osmosecollective.node.config.NetworkLoader;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockFactory;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSigner;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a genesis block from a {@link GenesisPlan}: the premine sender's transfers first (nonces 1,
 * 2, …: the funded wallets, then the delegates with an amount), then one delegate registration per
 * delegate (its own nonce 1), then, with self-votes, each delegate's vote for itself (nonce 2), all
 * version 2 with fee 0, signed by their senders; the block is signed by the premine sender, with
 * the genesis id and payloadHash rules of {@link BlockFactory#makeGenesis}. The network needs aip11
 * at height 1.
 */
public final class GenesisBuilder {
  private final Network network;
  private final BlockFactory factory;

  public GenesisBuilder(Network network) {
    if (!network.milestones().at(1).aip11()) {
      throw new IllegalArgumentException(
          "network " + network.name() + " has no aip11 at height 1; only v2 genesis blocks");
    }
    this.network = network;
    this.factory = new BlockFactory(new BlockCodec(network));
  }

  public Block build(GenesisPlan plan) throws DecodeException {
    List<Transaction> txs = new ArrayList<>();
    GenesisAccount sender = plan.premineSender();
    Bytes senderKey = Bytes.of(sender.key().publicKey());
    long nonce = 1;
    List<GenesisAccount> recipients = new ArrayList<>(plan.funded());
    plan.delegates().stream().filter(d -> d.amount() > 0).forEach(recipients::add);
    for (GenesisAccount account : recipients) {
      Bytes recipient =
          Bytes.of(Address.payloadFromPublicKey(account.key().publicKey(), network.pubKeyHash()));
      Transaction transfer =
          base(senderKey, nonce++)
              .amount(account.amount())
              .asset(new Asset.Transfer(0, recipient))
              .build();
      txs.add(TransactionSigner.sign(transfer, sender.key()));
    }
    for (GenesisAccount delegate : plan.delegates()) {
      Transaction registration =
          base(Bytes.of(delegate.key().publicKey()), 1)
              .asset(new Asset.DelegateRegistration(delegate.username()))
              .build();
      txs.add(TransactionSigner.sign(registration, delegate.key()));
    }
    if (plan.selfVotes()) {
      for (GenesisAccount delegate : plan.delegates()) {
        Bytes key = Bytes.of(delegate.key().publicKey());
        Transaction vote =
            base(key, 2).asset(new Asset.Vote(List.of(new Asset.VoteEntry(true, key)))).build();
        txs.add(TransactionSigner.sign(vote, delegate.key()));
      }
    }
    return factory.makeGenesis(0, txs, sender.key());
  }

  /**
   * Builds the genesis block of a network definition in ARK 3 shape and writes it in: {@code
   * genesisBlock}, and {@code network.nethash} = its payloadHash. Returns the network as loaded.
   *
   * <p>The genesis block has no parent. ARK's own genesis blocks say {@code "previousBlock": null}
   * on networks whose ids are legacy at height 1 (mainnet, devnet, testnet), but ARK 3.9's header
   * serializer reads a full-SHA-256 network's previousBlock as a 64-character string and fails on
   * null; so where ids are full SHA-256 from height 1 the field holds 64 zeros, the 32 zero bytes
   * that both forms hash to (same block id). {@code BlockJson.parse} reads both forms as no parent.
   */
  public static Network writeInto(ObjectNode root, GenesisPlan plan)
      throws NetworkConfigException, DecodeException {
    Network planned = new NetworkLoader().fromJson(root, null);
    Block genesis = new GenesisBuilder(planned).build(plan);
    ((ObjectNode) root.get("network")).put("nethash", Hex.encode(genesis.header().payloadHash()));
    ObjectNode json = BlockJson.toJson(genesis);
    if (new BlockCodec(planned).headers().previousIsFullSha256(1)) {
      String none = "0".repeat(64);
      json.put("previousBlockHex", none);
      json.put("previousBlock", none);
    }
    root.set("genesisBlock", json);
    return new NetworkLoader().fromJson(root, null);
  }

  private Transaction.Builder base(Bytes senderPublicKey, long nonce) {
    return Transaction.builder()
        .version(2)
        .network(network.pubKeyHash())
        .nonce(nonce)
        .senderPublicKey(senderPublicKey)
        .fee(0);
  }
}
