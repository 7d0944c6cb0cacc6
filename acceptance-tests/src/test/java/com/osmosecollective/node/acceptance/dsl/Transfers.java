package com.osmosecollective.node.acceptance.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.encoding.Bytes;
import com.osmosecollective.node.core.tx.Asset;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TransactionSigner;

/** Signed transfers for a network, as a wallet makes them, in ARK's JSON. */
public final class Transfers {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The OSMOSE networks' static transfer fee: 1 OSM. */
  public static final long STATIC_TRANSFER_FEE = 100_000_000L;

  private final Network network;

  public Transfers(Network network) {
    this.network = network;
  }

  public String address(String passphrase) {
    return Address.fromPublicKey(
        PrivateKey.fromPassphrase(passphrase).publicKey(), network.pubKeyHash());
  }

  /**
   * A v2 transfer of {@code amount} arktoshi with the static fee (1 OSM), signed by {@code
   * passphrase}.
   */
  public ObjectNode transfer(
      String passphrase, long nonce, long amount, String recipientPassphrase) {
    PrivateKey sender = PrivateKey.fromPassphrase(passphrase);
    PrivateKey recipient = PrivateKey.fromPassphrase(recipientPassphrase);
    Transaction tx =
        Transaction.builder()
            .version(2)
            .network(network.pubKeyHash())
            .nonce(nonce)
            .senderPublicKey(Bytes.of(sender.publicKey()))
            .fee(STATIC_TRANSFER_FEE)
            .amount(amount)
            .asset(
                new Asset.Transfer(
                    0,
                    Bytes.of(
                        Address.payloadFromPublicKey(recipient.publicKey(), network.pubKeyHash()))))
            .build();
    return TransactionJson.toJson(TransactionSigner.sign(tx, sender));
  }

  /** The body of {@code POST /api/transactions}. */
  public static JsonNode body(ObjectNode... transactions) {
    ObjectNode body = JSON.createObjectNode();
    var list = body.putArray("transactions");
    for (ObjectNode tx : transactions) {
      list.add(tx);
    }
    return body;
  }
}
