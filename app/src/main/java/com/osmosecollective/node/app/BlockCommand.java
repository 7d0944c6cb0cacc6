package com.osmosecollective.node.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.block.Block;
import com.osmosecollective.node.core.block.BlockCodec;
import com.osmosecollective.node.core.block.BlockJson;
import com.osmosecollective.node.core.block.BlockVerification;
import com.osmosecollective.node.core.block.BlockVerifier;
import com.osmosecollective.node.core.crypto.SignatureVerifiers;
import com.osmosecollective.node.core.encoding.Hex;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osmose block decode <hex>}. */
@Command(
    name = "block",
    description = "Block tools.",
    subcommands = {BlockCommand.Decode.class})
final class BlockCommand {

  @Command(
      name = "decode",
      description =
          "Decode a serialized block with its transactions: ARK JSON plus \"verified\" and, when"
              + " false, the errors. The block's own height selects the milestone.")
  static final class Decode implements Callable<Integer> {
    @Mixin NetworkOptions networkOptions;

    @Parameters(index = "0", paramLabel = "<hex>", description = "The full block bytes in hex.")
    String hex;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Network network = networkOptions.load();
      Block block = new BlockCodec(network).decode(Hex.decode(hex.trim()));
      long now = Instant.now().getEpochSecond() - network.epoch().getEpochSecond();
      BlockVerification result =
          new BlockVerifier(network, SignatureVerifiers.best(), ForkJoinPool.commonPool())
              .verify(block, now);
      ObjectNode out = BlockJson.toJson(block);
      out.put("verified", result.verified());
      if (!result.verified()) {
        out.putPOJO("errors", result.errors());
      }
      spec.commandLine().getOut().println(Json.pretty(out));
      return 0;
    }
  }
}
