package com.osmosecollective.node.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.tx.Transaction;
import com.osmosecollective.node.core.tx.TransactionDecoder;
import com.osmosecollective.node.core.tx.TransactionJson;
import com.osmosecollective.node.core.tx.TransactionSchema;
import com.osmosecollective.node.core.tx.TransactionSchemaException;
import com.osmosecollective.node.core.tx.TransactionVerifier;
import com.osmosecollective.node.core.tx.TxContext;
import com.osmosecollective.node.core.tx.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osmose tx decode <hex>}. */
@Command(
    name = "tx",
    description = "Transaction tools.",
    subcommands = {TxCommand.Decode.class})
final class TxCommand {

  @Command(
      name = "decode",
      description =
          "Decode a serialized transaction: ARK JSON plus \"verified\" and, when false, the reasons.")
  static final class Decode implements Callable<Integer> {
    @Mixin NetworkOptions networkOptions;

    @Parameters(index = "0", paramLabel = "<hex>", description = "The transaction bytes in hex.")
    String hex;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Network network = networkOptions.load();
      TxContext ctx = new TxContext(network.pubKeyHash(), networkOptions.milestone(network));
      Transaction tx = TransactionDecoder.decodeHex(hex.trim(), ctx);
      List<String> reasons = new ArrayList<>();
      try {
        TransactionSchema.check(tx, ctx);
      } catch (TransactionSchemaException e) {
        reasons.add(e.getMessage());
      }
      VerificationResult result =
          new TransactionVerifier(SignatureVerifiers.best()).verify(tx, ctx);
      reasons.addAll(result.reasons());
      ObjectNode out = TransactionJson.toJson(tx);
      out.put("verified", reasons.isEmpty());
      if (!reasons.isEmpty()) {
        out.putPOJO("reasons", reasons);
      }
      spec.commandLine().getOut().println(Json.pretty(out));
      return 0;
    }
  }
}
