package com.osmosecollective.node.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.osmosecollective.node.config.Network;
import com.osmosecollective.node.core.crypto.Address;
import com.osmosecollective.node.core.crypto.PrivateKey;
import com.osmosecollective.node.core.crypto.Wif;
import com.osmosecollective.node.core.encoding.Hex;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osmose identity <passphrase>}: the keys and address a passphrase gives. */
@Command(name = "identity", description = "Print the public key, address and WIF of a passphrase.")
final class IdentityCommand implements Callable<Integer> {
  @Mixin NetworkOptions networkOptions;

  @Parameters(index = "0", paramLabel = "<passphrase>", description = "The passphrase (quote it).")
  String passphrase;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Network network = networkOptions.load();
    PrivateKey key = PrivateKey.fromPassphrase(passphrase);
    ObjectNode out = new ObjectMapper().createObjectNode();
    out.put("publicKey", Hex.encode(key.publicKey()));
    out.put("address", Address.fromPublicKey(key.publicKey(), network.pubKeyHash()));
    out.put("wif", Wif.encode(key, network.wif()));
    spec.commandLine()
        .getOut()
        .println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    return 0;
  }
}
