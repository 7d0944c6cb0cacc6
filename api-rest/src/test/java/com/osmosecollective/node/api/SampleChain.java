package com.osmosecollective.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.storage.BlockData;
import com.osmosecollective.node.storage.StoredTransaction;
import com.osmosecollective.node.storage.TxData;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the recorded testnet chain's blocks and transactions from the samples' own values, as
 * storage would hold them. Every rebuilt block and transaction must hash to the id ARK recorded,
 * which proves the rebuilt bytes are ARK's.
 */
final class SampleChain {
  private final Network network;
  private final BlockCodec codec;

  SampleChain(Network network) {
    this.network = network;
    this.codec = new BlockCodec(network);
  }

  /** The serialized transaction {@code send-tx.js} recorded with its id, in a tx_post sample. */
  static String serializedHex(String sample, String id) {
    for (JsonNode s : ArkSamples.load(sample).get("serialized")) {
      if (s.get("id").asText().equals(id)) {
        return s.get("hex").asText();
      }
    }
    throw new IllegalArgumentException(id + " not in " + sample);
  }

  Transaction transaction(String hex, long height) throws DecodeException {
    return TransactionDecoder.decodeHex(hex, TxContext.of(network, height));
  }

  /** A block from its transformed REST form (which carries every header field). */
  Block fromResource(JsonNode r, List<Transaction> txs) throws DecodeException {
    BlockHeader header =
        new BlockHeader(
            r.get("version").asInt(),
            r.get("timestamp").get("epoch").asLong(),
            r.get("height").asLong(),
            r.get("previous").asText(),
            r.get("transactions").asInt(),
            Long.parseLong(r.get("forged").get("amount").asText()),
            Long.parseLong(r.get("forged").get("fee").asText()),
            Long.parseLong(r.get("forged").get("reward").asText()),
            r.get("payload").get("length").asLong(),
            Hex.decode(r.get("payload").get("hash").asText()),
            Hex.decode(r.get("generator").get("publicKey").asText()),
            Hex.decode(r.get("signature").asText()));
    return checked(header, txs, r.get("id").asText());
  }

  /** A block from ARK's raw block data (as in a delegate's {@code lastBlock} attribute). */
  Block fromData(JsonNode d, List<Transaction> txs) throws DecodeException {
    BlockHeader header =
        new BlockHeader(
            d.get("version").asInt(),
            d.get("timestamp").asLong(),
            d.get("height").asLong(),
            d.get("previousBlock").asText(),
            d.get("numberOfTransactions").asInt(),
            Long.parseLong(d.get("totalAmount").asText()),
            Long.parseLong(d.get("totalFee").asText()),
            Long.parseLong(d.get("reward").asText()),
            d.get("payloadLength").asLong(),
            Hex.decode(d.get("payloadHash").asText()),
            Hex.decode(d.get("generatorPublicKey").asText()),
            Hex.decode(d.get("blockSignature").asText()));
    return checked(header, txs, d.get("id").asText());
  }

  private Block checked(BlockHeader header, List<Transaction> txs, String recordedId)
      throws DecodeException {
    String id = codec.headers().id(header);
    assertThat(id).as("rebuilt header hashes to ARK's id").isEqualTo(recordedId);
    return new Block(header, txs, id);
  }

  /** What storage keeps of a block. */
  BlockData blockData(Block block) throws DecodeException {
    BlockHeader h = block.header();
    return new BlockData(
        h.height(),
        block.id(),
        h.height() == 1 ? null : h.previousBlock(),
        h.timestamp(),
        h.generatorPublicKeyHex(),
        h.reward(),
        h.totalFee(),
        h.totalAmount(),
        h.numberOfTransactions(),
        codec.serialize(block));
  }

  /** What storage returns for a transaction of {@code block}. */
  StoredTransaction stored(Transaction tx, Block block, long tipHeight) {
    int position = block.transactions().indexOf(tx);
    String sender = Address.fromPublicKey(tx.senderPublicKey().toArray(), network.pubKeyHash());
    TxData data =
        new TxData(
            tx.id(),
            position,
            tx.typeGroup(),
            tx.type().code(),
            tx.senderPublicKey().hex(),
            sender,
            new ArrayList<>(),
            tx.amount(),
            tx.fee(),
            List.of(),
            null,
            null,
            null,
            tx.serialized());
    return new StoredTransaction(
        data, block.height(), block.id(), block.timestamp(), tipHeight - block.height() + 1);
  }
}
