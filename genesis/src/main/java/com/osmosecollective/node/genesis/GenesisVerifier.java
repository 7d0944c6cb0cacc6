package com.osmosecollective.node.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockHeader;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.block.BlockTotals;
import com.osmosecollective.node.core.block.PayloadHash;
import com.osmosecollective.node.core.crypto.SignatureVerifier;
import com.osmosecollective.node.core.encoding.DecodeException;
import com.osmosecollective.node.core.encoding.Hex;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionSchema;
import com.osmosecollective.node.core.tx.TransactionSchemaException;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.core.tx.VerificationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a genesis block the way a node must before trusting it (spec §5.5, §5.6): every
 * transaction's declared id and signature, the block signature, the declared block id (ARK's
 * generators computed it over the unsigned header), totals, and payloadHash == nethash.
 */
public final class GenesisVerifier {
  private final Network network;
  private final BlockCodec codec;
  private final TransactionVerifier transactions;
  private final SignatureVerifier signatures;

  public GenesisVerifier(Network network, SignatureVerifier signatures) {
    this.network = network;
    this.codec = new BlockCodec(network);
    this.transactions = new TransactionVerifier(signatures);
    this.signatures = signatures;
  }

  /** Verifies genesis JSON; malformed JSON is a {@link DecodeException}, failed checks are not. */
  public GenesisReport verify(JsonNode genesisJson) throws DecodeException {
    Block block = new BlockJson(codec, network.pubKeyHash()).parse(genesisJson);
    List<GenesisCheck> checks = new ArrayList<>();
    BlockHeader header = block.header();
    checks.add(
        header.height() == 1 && header.previousBlock() == null
            ? GenesisCheck.pass("height", "height 1 with no previous block")
            : GenesisCheck.fail("height", "a genesis block has height 1 and no previous block"));
    checkTransactions(block, genesisJson.path("transactions"), checks);
    checkBlockSignature(header, checks);
    checkBlockId(block, checks);
    checkTotals(block, checks);
    checkPayload(block, checks);
    return new GenesisReport(block.id(), block.transactions().size(), checks);
  }

  private void checkTransactions(Block block, JsonNode txJson, List<GenesisCheck> checks) {
    TxContext ctx = TxContext.of(network, 1);
    List<String> badIds = new ArrayList<>();
    List<String> badSignatures = new ArrayList<>();
    List<Transaction> txs = block.transactions();
    for (int i = 0; i < txs.size(); i++) {
      Transaction tx = txs.get(i);
      String declared = txJson.path(i).path("id").asText(null);
      if (declared != null && !declared.equals(tx.id())) {
        badIds.add("#" + i + " declared " + declared + " computed " + tx.id());
      }
      try {
        TransactionSchema.check(tx, ctx, true);
      } catch (TransactionSchemaException e) {
        badSignatures.add("#" + i + " " + tx.id() + ": " + e.getMessage());
        continue;
      }
      VerificationResult result = transactions.verify(tx, ctx);
      if (!result.verified()) {
        badSignatures.add("#" + i + " " + tx.id() + ": " + String.join(", ", result.reasons()));
      }
    }
    checks.add(
        badIds.isEmpty()
            ? GenesisCheck.pass("transaction ids", txs.size() + "/" + txs.size() + " match")
            : GenesisCheck.fail("transaction ids", String.join("; ", badIds)));
    checks.add(
        badSignatures.isEmpty()
            ? GenesisCheck.pass("transaction signatures", txs.size() + "/" + txs.size() + " valid")
            : GenesisCheck.fail("transaction signatures", String.join("; ", badSignatures)));
  }

  private void checkBlockSignature(BlockHeader header, List<GenesisCheck> checks) {
    boolean valid;
    try {
      valid =
          header.blockSignature() != null
              && signatures.verifyEcdsa(
                  codec.headers().signingDigest(header),
                  header.blockSignature(),
                  header.generatorPublicKey());
    } catch (DecodeException e) {
      valid = false;
    }
    checks.add(
        valid
            ? GenesisCheck.pass("block signature", "valid for " + header.generatorPublicKeyHex())
            : GenesisCheck.fail("block signature", "does not verify"));
  }

  private void checkBlockId(Block block, List<GenesisCheck> checks) {
    try {
      String computed = codec.headers().genesisId(block.header());
      checks.add(
          computed.equals(block.id())
              ? GenesisCheck.pass("block id", block.id() + " (over the unsigned header)")
              : GenesisCheck.fail("block id", "declared " + block.id() + ", computed " + computed));
    } catch (DecodeException e) {
      checks.add(GenesisCheck.fail("block id", e.getMessage()));
    }
  }

  private static void checkTotals(Block block, List<GenesisCheck> checks) {
    BlockTotals totals = BlockTotals.of(block.transactions());
    long amount = totals.amount();
    long fee = totals.fee();
    BlockHeader header = block.header();
    boolean ok =
        amount == header.totalAmount()
            && fee == header.totalFee()
            && header.reward() == 0
            && header.numberOfTransactions() == block.transactions().size();
    checks.add(
        ok
            ? GenesisCheck.pass(
                "totals", "totalAmount " + amount + ", totalFee " + fee + ", reward 0")
            : GenesisCheck.fail(
                "totals",
                "transactions sum to amount "
                    + amount
                    + " and fee "
                    + fee
                    + "; header says "
                    + header.totalAmount()
                    + ", "
                    + header.totalFee()
                    + ", reward "
                    + header.reward()
                    + ", "
                    + header.numberOfTransactions()
                    + " transactions"));
  }

  private void checkPayload(Block block, List<GenesisCheck> checks) {
    BlockHeader header = block.header();
    String computed = Hex.encode(PayloadHash.ofGenesis(block.transactions()));
    String declared = Hex.encode(header.payloadHash());
    checks.add(
        computed.equals(declared)
            ? GenesisCheck.pass("payloadHash", declared)
            : GenesisCheck.fail("payloadHash", "declared " + declared + ", computed " + computed));
    checks.add(
        declared.equals(network.nethash())
            ? GenesisCheck.pass("nethash", "payloadHash equals the network's nethash")
            : GenesisCheck.fail(
                "nethash",
                "payloadHash " + declared + " differs from nethash " + network.nethash()));
    long length = PayloadHash.genesisLength(block.transactions());
    checks.add(
        length == header.payloadLength()
            ? GenesisCheck.pass("payloadLength", Long.toString(length))
            : GenesisCheck.fail(
                "payloadLength", "declared " + header.payloadLength() + ", computed " + length));
  }
}
