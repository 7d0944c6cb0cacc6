package com.osmosecollective.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.wallet.DelegateAttributes;
import com.osmosecollective.node.core.wallet.HtlcLock;
import com.osmosecollective.node.core.wallet.MultiSignature;
import com.osmosecollective.node.core.wallet.Wallet;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ARK's wallet answer ({@code address, publicKey?, balance, nonce, attributes}) with the attributes
 * under ARK's names, amounts as strings.
 */
public final class WalletResource {

  /**
   * ARK's wallet resource.
   *
   * @param lastBlock the block the delegate's {@code lastBlock} attribute names (ARK keeps the
   *     whole block header there; storage keeps its height, id and timestamp, so the caller reads
   *     the block), or null when the wallet has no such attribute
   * @throws IllegalArgumentException when {@code lastBlock} is not the block the wallet names
   */
  public ObjectNode toJson(Wallet wallet, Block lastBlock) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("address", wallet.address());
    if (wallet.publicKey() != null) {
      o.put("publicKey", wallet.publicKey());
    }
    o.put("balance", Long.toString(wallet.balance()));
    o.put("nonce", Long.toString(wallet.nonce()));
    o.set("attributes", attributes(wallet, lastBlock));
    return o;
  }

  /**
   * The attributes as filters see them: a delegate's {@code lastBlock} holds only the height, id
   * and timestamp storage keeps (no block read per wallet while searching).
   */
  ObjectNode searchableAttributes(Wallet wallet) {
    return attributes(wallet, null, true);
  }

  private static ObjectNode attributes(Wallet wallet, Block lastBlock) {
    return attributes(wallet, lastBlock, false);
  }

  private static ObjectNode attributes(Wallet wallet, Block lastBlock, boolean search) {
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    DelegateAttributes d = wallet.delegate();
    if (d != null) {
      a.set("delegate", delegate(d, lastBlock, search));
    } else if (lastBlock != null) {
      throw new IllegalArgumentException("wallet " + wallet.address() + " is not a delegate");
    }
    if (wallet.vote() != null) {
      a.put("vote", wallet.vote());
    }
    if (wallet.secondPublicKey() != null) {
      a.put("secondPublicKey", wallet.secondPublicKey());
    }
    MultiSignature ms = wallet.multiSignature();
    if (ms != null) {
      ObjectNode m = a.putObject("multiSignature");
      m.put("min", ms.min());
      ArrayNode keys = m.putArray("publicKeys");
      ms.publicKeys().forEach(keys::add);
      if (ms.legacy()) {
        m.put("legacy", true);
      }
    }
    if (!wallet.ipfsHashes().isEmpty()) {
      ObjectNode hashes = a.putObject("ipfs").putObject("hashes");
      new TreeSet<>(wallet.ipfsHashes()).forEach(h -> hashes.put(h, true));
    }
    if (!wallet.htlcLocks().isEmpty() || wallet.htlcLockedBalance() != 0) {
      ObjectNode htlc = a.putObject("htlc");
      ObjectNode locks = htlc.putObject("locks");
      for (Map.Entry<String, HtlcLock> e : new TreeMap<>(wallet.htlcLocks()).entrySet()) {
        locks.set(e.getKey(), lock(e.getValue()));
      }
      htlc.put("lockedBalance", Long.toString(wallet.htlcLockedBalance()));
    }
    return a;
  }

  private static ObjectNode delegate(DelegateAttributes d, Block lastBlock, boolean search) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("username", d.username());
    o.put("voteBalance", Long.toString(d.voteBalance()));
    o.put("forgedFees", Long.toString(d.forgedFees()));
    o.put("forgedRewards", Long.toString(d.forgedRewards()));
    o.put("producedBlocks", d.producedBlocks());
    // ARK sets rank and round only once the delegate was ranked / active; 0 means never here
    if (d.rank() > 0) {
      o.put("rank", d.rank());
    }
    if (d.round() > 0) {
      o.put("round", d.round());
    }
    if (d.lastBlock() != null && search) {
      o.putObject("lastBlock")
          .put("id", d.lastBlock().id())
          .put("height", d.lastBlock().height())
          .put("timestamp", d.lastBlock().timestamp());
    } else if (d.lastBlock() != null) {
      if (lastBlock == null
          || lastBlock.height() != d.lastBlock().height()
          || !lastBlock.id().equals(d.lastBlock().id())) {
        throw new IllegalArgumentException(
            "delegate " + d.username() + " needs its last block " + d.lastBlock().id());
      }
      ObjectNode header = BlockJson.toJson(lastBlock);
      header.remove("transactions"); // ARK keeps the block's data without its transactions
      o.set("lastBlock", header);
    } else if (lastBlock != null) {
      throw new IllegalArgumentException("delegate " + d.username() + " has no last block");
    }
    if (d.resigned()) {
      o.put("resigned", true);
    }
    return o;
  }

  private static ObjectNode lock(HtlcLock lock) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("amount", Long.toString(lock.amount()));
    o.put("recipientId", lock.recipientId());
    o.put("timestamp", lock.timestamp());
    if (lock.vendorField() != null) {
      o.put("vendorField", lock.vendorField());
    }
    o.put("secretHash", lock.secretHash());
    o.putObject("expiration")
        .put("type", lock.expirationType())
        .put("value", lock.expirationValue());
    return o;
  }
}
